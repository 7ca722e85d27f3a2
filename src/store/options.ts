import type { ByteRange } from "../contract/backend.js";
import { describeType, isRecord } from "../shared/checks/objects.js";
import { checkOptionKeys } from "../shared/checks/option-keys.js";

/** What an omitted options argument reads as: nothing set (shared, so omitting costs no allocation). */
const NO_OPTIONS: Readonly<Record<string, never>> = Object.freeze({});

/**
 * Checks that `options` is absent or a plain object whose keys are all in `known` (spec ST-093):
 * anything else is a `TypeError` — an unknown key names itself and the known ones, with the
 * closest as a likely typo (`overwirte` → did you mean "overwrite"?). An absent object reads as an
 * empty, frozen one.
 */
export function optionsObject<T extends object>(options: T | undefined, known: readonly (keyof T & string)[], argName = "options"): Partial<T> {
  if (options === undefined) return NO_OPTIONS as Partial<T>;
  if (!isRecord(options)) {
    throw new TypeError(`${argName} must be an object, got ${describeType(options)}`);
  }
  checkOptionKeys(options, known, argName);
  return options;
}

/** An optional boolean option; anything else is a `TypeError`. */
export function booleanOption(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new TypeError(`${name} must be a boolean, got ${describeType(value)}`);
  return value;
}

/** An optional non-negative integer (or `Infinity` when allowed); else `TypeError`/`RangeError`. */
export function countOption(value: unknown, name: string, { allowInfinity = false } = {}): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number") throw new TypeError(`${name} must be a number, got ${describeType(value)}`);
  if (allowInfinity && value === Number.POSITIVE_INFINITY) return value;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** An optional integer of at least 1; else `TypeError`/`RangeError`. */
export function positiveIntegerOption(value: unknown, name: string): number | undefined {
  const count = countOption(value, name);
  if (count === 0) throw new RangeError(`${name} must be a positive integer, got 0`);
  return count;
}

/** The range of a read without options: the whole file. */
export const WHOLE_FILE: ByteRange = Object.freeze({ offset: 0, length: undefined });

/** Validates `{ offset?, length? }` (spec ST-020). */
export function rangeOption(options: { offset?: unknown; length?: unknown } | undefined): ByteRange {
  if (options === undefined) return WHOLE_FILE;
  const o = optionsObject(options, ["offset", "length"]);
  return { offset: countOption(o.offset, "offset") ?? 0, length: countOption(o.length, "length") };
}

/** An optional string option. */
export function stringOption(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new TypeError(`${name} must be a string, got ${describeType(value)}`);
  return value;
}

/** An optional valid `Date`. */
export function dateOption(value: unknown, name: string): Date | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`${name} must be a valid Date`);
  return new Date(value.getTime());
}

/** The depth a listing's `{ recursive?, maxDepth? }` asks for (spec ST-061): `maxDepth`, else unlimited when recursive, else 0. */
export function listDepth(options: { recursive?: unknown; maxDepth?: unknown } | undefined): number {
  const o = optionsObject(options, ["recursive", "maxDepth"]);
  const recursive = booleanOption(o.recursive, "recursive");
  const maxDepth = countOption(o.maxDepth, "maxDepth", { allowInfinity: true });
  return maxDepth ?? (recursive ? Number.POSITIVE_INFINITY : 0);
}
