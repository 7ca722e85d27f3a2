import { expect } from "vitest";
import { isRemoteStoreError, type ErrorCode, type RemoteStoreError } from "../../src/index.js";

/** Something that should fail: a promise, or a function that throws or returns a failing promise. */
export type Failing = PromiseLike<unknown> | (() => unknown);

/** What {@link capture} caught, and whether it was thrown synchronously by the function. */
export interface Caught {
  readonly error: unknown;
  readonly synchronous: boolean;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as PromiseLike<unknown>).then === "function";
}

/**
 * Runs `action` and returns what it threw or rejected with. Fails the test when nothing is
 * thrown, so a test built on it can never pass vacuously.
 */
export async function capture(action: Failing): Promise<Caught> {
  let pending: PromiseLike<unknown>;
  if (typeof action === "function") {
    let returned: unknown;
    try {
      returned = action();
    } catch (error) {
      return { error, synchronous: true };
    }
    if (!isThenable(returned)) return expect.fail(`expected a throw or a rejection, got ${String(returned)}`);
    pending = returned;
  } else {
    pending = action;
  }
  try {
    await pending;
  } catch (error) {
    return { error, synchronous: false };
  }
  return expect.fail("expected a rejection, but the promise fulfilled");
}

/** Asserts a library error with `code` and exactly `path` (`undefined` = no path). Returns it. */
export async function expectCode(action: Failing, code: ErrorCode, path: string | undefined): Promise<RemoteStoreError> {
  const { error } = await capture(action);
  if (!isRemoteStoreError(error)) return expect.fail(`expected a RemoteStoreError ${code}, got ${String(error)}`);
  expect({ code: error.code, path: error.path }).toEqual({ code, path });
  return error;
}

/** As {@link expectCode}, and the error must be thrown synchronously (listing methods, `child`). */
export async function expectSyncCode(action: () => unknown, code: ErrorCode, path: string | undefined): Promise<RemoteStoreError> {
  const caught = await capture(action);
  expect(caught.synchronous, "thrown synchronously").toBe(true);
  return expectCode(() => {
    throw caught.error;
  }, code, path);
}

/** Asserts a `TypeError` whose message names `argument` (the only message check allowed). */
export async function expectTypeError(action: Failing, argument: string): Promise<TypeError> {
  const { error } = await capture(action);
  expect(error).toBeInstanceOf(TypeError);
  expect((error as TypeError).message).toContain(argument);
  return error as TypeError;
}

/** Asserts a `RangeError` (a number or size out of range). */
export async function expectRangeError(action: Failing): Promise<RangeError> {
  const { error } = await capture(action);
  expect(error).toBeInstanceOf(RangeError);
  return error as RangeError;
}
