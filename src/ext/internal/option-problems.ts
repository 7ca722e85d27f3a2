import { knownHint } from "../../shared/text/suggest.js";
import { describeType, isRecord } from "../../shared/checks/objects.js";

/** A place in an options value: keys and array indexes (`["rules", 0, "probability"]`). */
export type OptionPath = readonly (string | number)[];

/** One problem with an options value: where, what, and whether it is a type (`TypeError`) or a range (`RangeError`) problem. */
export interface OptionProblem {
  readonly path: OptionPath;
  readonly message: string;
  readonly kind: "type" | "range";
}

/** `rules[0].probability`. */
export function formatOptionPath(path: OptionPath): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}

/**
 * Collects every problem of a wrapper's options (spec CACHE-010, FAULT-009), so that one checker
 * serves the API — which throws the first as a `TypeError`/`RangeError` naming the option — and
 * the registry, which reports all of them in its `ConfigError` (spec WRAPCFG-002).
 */
export class OptionProblems {
  readonly list: OptionProblem[] = [];

  type(path: OptionPath, message: string): void {
    this.list.push({ path, message, kind: "type" });
  }

  range(path: OptionPath, message: string): void {
    this.list.push({ path, message, kind: "range" });
  }

  /** Throws the first problem: a `TypeError` or `RangeError` whose message starts with the option's name. */
  throwFirst(): void {
    const first = this.list[0];
    if (first === undefined) return;
    const message = `${formatOptionPath(first.path)} ${first.message}`;
    throw first.kind === "type" ? new TypeError(message) : new RangeError(message);
  }

  /** True when `value` is a record (else a problem at `path`); each key outside `known` is a problem. */
  record(value: unknown, path: OptionPath, known: readonly string[]): value is Record<string, unknown> {
    if (!isRecord(value)) {
      this.type(path, `must be an object, got ${describeType(value)}`);
      return false;
    }
    for (const key of Object.keys(value)) if (!known.includes(key)) this.type([...path, key], `is not a known option${knownHint(key, known)}`);
    return true;
  }

  /** A positive finite number, or a positive integer with `integer` (absent is fine). */
  positive(value: unknown, path: OptionPath, { integer = false, unit = "" }: { integer?: boolean; unit?: string } = {}): void {
    if (value === undefined) return;
    const what = integer ? "a positive integer" : "a positive number";
    const suffix = unit === "" ? "" : ` of ${unit}`;
    if (typeof value !== "number") this.type(path, `must be ${what}${suffix}, got ${describeType(value)}`);
    else if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) this.range(path, `must be ${what}${suffix}, got ${String(value)}`);
  }

  /** A non-negative integer (absent is fine). */
  nonNegativeInteger(value: unknown, path: OptionPath): void {
    if (value === undefined) return;
    if (typeof value !== "number") this.type(path, `must be a non-negative integer, got ${describeType(value)}`);
    else if (!Number.isSafeInteger(value) || value < 0) this.range(path, `must be a non-negative integer, got ${String(value)}`);
  }
}
