import { isRemoteStoreError, type ErrorCode } from "../errors/remote-store-error.js";
import { isObject, isRecord } from "../shared/checks/objects.js";

/**
 * The conformance suite's own assertions (spec CONF-A01..A04). They need no test framework,
 * so the suite runs under vitest, under `runConformance`, or anywhere else.
 */

/** Thrown by every failed conformance assertion. */
export class ConformanceAssertionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConformanceAssertionError";
  }
}

/** Fails the current case with `message`. */
export function fail(message: string): never {
  throw new ConformanceAssertionError(message);
}

/** Fails unless `condition` is truthy. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** Fails unless `actual` and `expected` are the same value (`Object.is`). */
export function assertEqual<T>(actual: T, expected: T, label: string): void {
  if (!Object.is(actual, expected)) fail(`${label}: expected ${show(expected)}, got ${show(actual)}`);
}

/**
 * Fails unless `actual` deep-equals `expected`: arrays element by element, `Uint8Array`s byte by byte,
 * `Date`s by time, plain objects by their keys (a key whose value is `undefined` counts as absent).
 */
export function assertDeepEqual(actual: unknown, expected: unknown, label: string): void {
  const difference = findDifference(actual, expected, "");
  if (difference !== undefined) fail(`${label}: ${difference}`);
}

/** True when `actual` deep-equals `expected` (see {@link assertDeepEqual}). */
export function deepEqual(actual: unknown, expected: unknown): boolean {
  return findDifference(actual, expected, "") === undefined;
}

/** What `expectError` accepts: a library error code, or a built-in error class name. */
export type ExpectedError = ErrorCode | "TypeError" | "RangeError";

/**
 * Runs `action` (a function, or an already-started promise) and returns the error it raised,
 * accepting both a synchronous throw and a rejection. Fails when nothing is thrown, when the
 * error is of another kind, or — when `path` is given — when `error.path` differs.
 * Library errors are matched by `code`, built-in ones by class (`TypeError`, `RangeError`).
 */
export async function expectError(
  action: (() => unknown) | PromiseLike<unknown>,
  expected: ExpectedError | readonly ExpectedError[],
  path?: string,
): Promise<unknown> {
  let outcome: { threw: true; error: unknown } | { threw: false; value: unknown };
  try {
    const value: unknown = typeof action === "function" ? action() : action;
    outcome = { threw: false, value: isThenable(value) ? await value : value };
  } catch (error) {
    outcome = { threw: true, error };
  }
  return checkOutcome(outcome, expected, path);
}

/**
 * As {@link expectError}, but the failure must be a rejection of the returned promise: a synchronous
 * throw fails the assertion (Promise-returning Store methods never throw synchronously).
 */
export async function expectRejection(
  action: () => unknown,
  expected: ExpectedError | readonly ExpectedError[],
  path?: string,
): Promise<unknown> {
  let value: unknown;
  try {
    value = action();
  } catch (error) {
    fail(`expected a rejected promise, but the call threw synchronously: ${describeError(error)}`);
  }
  if (!isThenable(value)) fail(`expected a promise, got ${show(value)}`);
  let outcome: { threw: true; error: unknown } | { threw: false; value: unknown };
  try {
    outcome = { threw: false, value: await value };
  } catch (error) {
    outcome = { threw: true, error };
  }
  return checkOutcome(outcome, expected, path);
}

/**
 * As {@link expectError}, but the error must be thrown synchronously by the call itself
 * (listing methods and `child` validate their arguments eagerly).
 */
export function expectThrowsSync(
  action: () => unknown,
  expected: ExpectedError | readonly ExpectedError[],
  path?: string,
): unknown {
  let value: unknown;
  try {
    value = action();
  } catch (error) {
    return checkOutcome({ threw: true, error }, expected, path);
  }
  return fail(`expected ${showExpected(expected)} to be thrown synchronously, but the call returned ${show(value)}`);
}

/**
 * Runs `action` (a function or a promise) and returns the error it raised, whatever its kind
 * (a sync throw or a rejection). Fails when nothing is thrown. For failures whose type the
 * contract leaves open, such as a content source's own error.
 */
export async function expectAnyError(action: (() => unknown) | PromiseLike<unknown>): Promise<unknown> {
  try {
    const value: unknown = typeof action === "function" ? action() : action;
    const settled: unknown = isThenable(value) ? await value : value;
    return fail(`expected the call to fail, but it succeeded with ${show(settled)}`);
  } catch (error) {
    if (error instanceof ConformanceAssertionError) throw error;
    return error;
  }
}

/** Runs `action`; if it fails, fails again with `label` in front of the message (the original error as `cause`). */
export async function labelled<T>(label: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new ConformanceAssertionError(`${label}: ${error instanceof Error ? error.message : describeError(error)}`, { cause: error });
  }
}

/** Awaits `action` and fails, naming `label`, if it rejects. Returns the value. */
export async function expectSuccess<T>(action: PromiseLike<T> | (() => PromiseLike<T> | T), label: string): Promise<T> {
  try {
    return await (typeof action === "function" ? action() : action);
  } catch (error) {
    return fail(`${label}: expected success, got ${describeError(error)}`);
  }
}

/** A short description of an error for failure messages: class, code, path and message. */
export function describeError(error: unknown): string {
  if (isRemoteStoreError(error)) {
    const path = error.path === undefined ? "" : ` path=${JSON.stringify(error.path)}`;
    return `${error.name} [${error.code}]${path}: ${error.message}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return show(error);
}

function checkOutcome(
  outcome: { threw: true; error: unknown } | { threw: false; value: unknown },
  expected: ExpectedError | readonly ExpectedError[],
  path: string | undefined,
): unknown {
  if (!outcome.threw) fail(`expected ${showExpected(expected)}, but the call succeeded with ${show(outcome.value)}`);
  const error = outcome.error;
  const accepted: readonly ExpectedError[] = typeof expected === "string" ? [expected] : expected;
  if (!accepted.some((kind) => matches(error, kind))) {
    fail(`expected ${showExpected(expected)}, got ${describeError(error)}`);
  }
  if (path !== undefined && isRemoteStoreError(error) && error.path !== path) {
    fail(`expected ${error.code} with path ${JSON.stringify(path)}, got path ${show(error.path)} (${describeError(error)})`);
  }
  return error;
}

function matches(error: unknown, kind: ExpectedError): boolean {
  if (kind === "TypeError") return error instanceof TypeError || (error instanceof Error && error.name === "TypeError");
  if (kind === "RangeError") return error instanceof RangeError || (error instanceof Error && error.name === "RangeError");
  return isRemoteStoreError(error, kind);
}

function showExpected(expected: ExpectedError | readonly ExpectedError[]): string {
  return typeof expected === "string" ? expected : expected.join(" or ");
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as PromiseLike<unknown>).then === "function";
}

function findDifference(actual: unknown, expected: unknown, at: string): string | undefined {
  const where = at === "" ? "" : ` at ${at}`;
  if (Object.is(actual, expected)) return undefined;
  if (expected instanceof Uint8Array) {
    if (!(actual instanceof Uint8Array)) return `expected bytes${where}, got ${show(actual)}`;
    if (actual.length !== expected.length) return `expected ${expected.length} bytes${where}, got ${actual.length} (${show(actual)})`;
    for (let i = 0; i < expected.length; i++) {
      if (actual[i] !== expected[i]) return `bytes differ${where} at index ${i}: expected ${expected[i]}, got ${actual[i]}`;
    }
    return undefined;
  }
  if (expected instanceof Date) {
    if (!(actual instanceof Date)) return `expected a Date${where}, got ${show(actual)}`;
    return actual.getTime() === expected.getTime() ? undefined : `expected ${expected.toISOString()}${where}, got ${show(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `expected an array${where}, got ${show(actual)}`;
    if (actual.length !== expected.length) return `expected ${expected.length} items${where}, got ${actual.length}: ${show(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const difference = findDifference(actual[i], expected[i], `${at}[${i}]`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  if (isObject(expected)) {
    if (!isRecord(actual)) return `expected an object${where}, got ${show(actual)}`;
    const a = actual;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
    for (const key of [...keys].sort()) {
      const difference = findDifference(a[key], e[key], at === "" ? key : `${at}.${key}`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  return `expected ${show(expected)}${where}, got ${show(actual)}`;
}

/** A compact, bounded rendering of a value for failure messages. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "a function";
  if (value instanceof Uint8Array) {
    const head = Array.from(value.subarray(0, 24)).join(",");
    return `Uint8Array(${value.length})[${head}${value.length > 24 ? ",…" : ""}]`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value instanceof Error) return describeError(value);
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? `Uint8Array(${v.length})` : v));
    if (text === undefined) return typeof value === "symbol" ? value.toString() : Object.prototype.toString.call(value);
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
