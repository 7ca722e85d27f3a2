import { expect } from "vitest";
import { isRemoteStoreError, type ErrorCode, type RemoteStoreError } from "../../../src/index.js";
import { capture, type Failing } from "../../errors/expect-code.js";

export { expectRangeError, expectTypeError, type Failing } from "../../errors/expect-code.js";

/** Runs `action` and returns what it threw or rejected with; fails the test when nothing is thrown. */
export async function caught(action: Failing): Promise<unknown> {
  return (await capture(action)).error;
}

/**
 * Asserts a library error with `code`, and with `path` when given. (The extensions' errors
 * often concern a whole batch or a key-value view rather than one path; where they name one,
 * the tests pass it. `tests/errors/expect-code.ts` has the strict form that always checks it.)
 */
export async function expectCode(action: Failing, code: ErrorCode, path?: string): Promise<RemoteStoreError> {
  const error = await caught(action);
  if (!isRemoteStoreError(error)) return expect.fail(`expected a RemoteStoreError ${code}, got ${String(error)}`);
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.path).toBe(path);
  return error;
}
