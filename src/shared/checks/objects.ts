/**
 * The one place the library tells objects apart (spec ARCH-001): every check of "is this an
 * object" or "is this a plain record" in src/ goes through these, so all of them agree on
 * `null` and arrays.
 */

/** True for any non-null object (arrays, class instances and functions' prototypes included). */
export function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** True for a non-null object that is not an array: a record of named fields. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a value is described in messages: `null`, `an array`, or its `typeof`. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/** `value` when it is a record, else a `TypeError`: "`name` must be an object, got …". */
export function recordArgument<T extends object = Record<string, unknown>>(value: unknown, name: string): T {
  if (!isRecord(value)) throw new TypeError(`${name} must be an object, got ${describeType(value)}`);
  return value as T;
}
