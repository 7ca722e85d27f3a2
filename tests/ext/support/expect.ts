import { expect } from "vitest";
import { isRemoteStoreError, type ErrorCode, type RemoteStoreError } from "../../../src/index.js";

/** Something that should fail: a promise, or a function that throws or returns a failing promise. */
export type Failing = PromiseLike<unknown> | (() => unknown);

/** Runs `action` and returns what it threw or rejected with; fails the test when nothing is thrown. */
export async function caught(action: Failing): Promise<unknown> {
  let pending: PromiseLike<unknown>;
  if (typeof action === "function") {
    let returned: unknown;
    try {
      returned = action();
    } catch (error) {
      return error;
    }
    if (!isThenable(returned)) return expect.fail(`expected a throw or a rejection, got ${String(returned)}`);
    pending = returned;
  } else {
    pending = action;
  }
  try {
    await pending;
  } catch (error) {
    return error;
  }
  return expect.fail("expected a rejection, but the promise fulfilled");
}

/** Asserts a library error with `code` (and `path`, when given). */
export async function expectCode(action: Failing, code: ErrorCode, path?: string): Promise<RemoteStoreError> {
  const error = await caught(action);
  if (!isRemoteStoreError(error)) return expect.fail(`expected a RemoteStoreError ${code}, got ${String(error)}`);
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.path).toBe(path);
  return error;
}

/** Asserts a `TypeError` whose message names `argument`. */
export async function expectTypeError(action: Failing, argument: string): Promise<TypeError> {
  const error = await caught(action);
  expect(error).toBeInstanceOf(TypeError);
  expect((error as TypeError).message).toContain(argument);
  return error as TypeError;
}

/** Asserts a `RangeError`. */
export async function expectRangeError(action: Failing): Promise<RangeError> {
  const error = await caught(action);
  expect(error).toBeInstanceOf(RangeError);
  return error as RangeError;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as PromiseLike<unknown>).then === "function";
}
