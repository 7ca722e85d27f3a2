import type * as z from "zod";
import type { IssueList } from "./issues.js";
import type { Location } from "./location.js";
import { describeConfigValue, expectedNoun } from "./describe-value.js";
import { isPlainTable } from "../shared/secrets.js";
import { knownHint } from "../shared/text/suggest.js";
import { isObject } from "../shared/checks/objects.js";

type ZodIssue = z.core.$ZodIssue;

/**
 * Adds zod's issues to `into` in this library's own words (spec REG-012/013): `location: message`,
 * naming types and keys but never values.
 *
 * @param input the value that was validated (to say what was found, and to list known keys)
 * @param schema the schema used (to list the keys an object accepts)
 */
export function addZodIssues(issues: readonly ZodIssue[], input: unknown, schema: z.ZodType, base: Location, into: IssueList): void {
  for (const issue of issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
    const location = [...base, ...path];
    if (issue.code === "unrecognized_keys") {
      const known = objectKeysAt(schema, path);
      for (const key of issue.keys) into.add([...location, key], `unknown key${knownHint(key, known, "expected")}`);
      continue;
    }
    into.add(location, zodMessage(issue, valueAt(input, path)));
  }
}

function zodMessage(issue: ZodIssue, actual: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      if (actual === undefined) return `is required (${expectedNoun(issue.expected)})`;
      if (issue.expected === "int" && typeof actual === "number") return Number.isFinite(actual) ? "must be a whole number" : "must be a finite whole number";
      if (issue.expected === "number" && typeof actual === "number") return "must be a finite number";
      return `expected ${expectedNoun(issue.expected)}, got ${describeConfigValue(actual)}`;
    case "too_small":
      return sizeMessage(issue.origin, "least", issue.minimum, issue.inclusive ?? true);
    case "too_big":
      return sizeMessage(issue.origin, "most", issue.maximum, issue.inclusive ?? true);
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(typeof v === "bigint" ? String(v) : v)).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" ? "does not have the required form" : `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "invalid_union":
      return `does not match any accepted form (got ${describeConfigValue(actual)})`;
    case "invalid_key":
      return "has a key of the wrong form";
    case "invalid_element":
      return "has an entry of the wrong form";
    default:
      return issue.message;
  }
}

function sizeMessage(origin: string, bound: "least" | "most", limit: number | bigint, inclusive: boolean): string {
  const n = String(limit);
  switch (origin) {
    case "string":
      if (bound === "least" && n === "1") return "must not be empty";
      return `must be at ${bound} ${n} characters long`;
    case "array":
    case "set":
      return `must have at ${bound} ${n} items`;
    default:
      if (inclusive) return `must be at ${bound} ${n}`;
      return bound === "least" ? `must be greater than ${n}` : `must be less than ${n}`;
  }
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let current = input;
  for (const key of path) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The keys the object schema at `path` accepts (empty when it cannot be told). */
export function objectKeysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let shape = shapeOf(schema);
  for (const key of path) {
    const inner = shape?.[String(key)];
    shape = inner === undefined ? undefined : shapeOf(inner);
  }
  return shape === undefined ? [] : Object.keys(shape);
}

/** The field schemas of an object schema (looking through wrappers), or `undefined`. */
export function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const def = unwrap(schema);
  if (def?.type === "object" && isPlainTable(def.shape)) return def.shape;
  return undefined;
}

interface ZodDefLike {
  type?: string;
  shape?: unknown;
  innerType?: unknown;
  in?: unknown;
}

/** The definition of a schema with optional/default/nullable/readonly wrappers removed. */
export function unwrap(schema: unknown): ZodDefLike | undefined {
  let def = defOf(schema);
  for (let guard = 0; def !== undefined && guard < 16; guard++) {
    if (["optional", "default", "prefault", "nullable", "readonly", "catch", "nonoptional"].includes(def.type ?? "")) def = defOf(def.innerType);
    else if (def.type === "pipe") def = defOf(def.in);
    else break;
  }
  return def;
}

function defOf(schema: unknown): ZodDefLike | undefined {
  const internals = (schema as { _zod?: { def?: ZodDefLike } } | null | undefined)?._zod;
  return internals?.def;
}
