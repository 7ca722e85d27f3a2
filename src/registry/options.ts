import * as z from "zod";
import type { BackendTypeDefinition } from "./backend-types.js";
import { describeConfigValue } from "./describe-value.js";
import type { IssueList } from "./issues.js";
import type { Location } from "./location.js";
import { isPlainTable } from "../shared/secrets.js";
import { addZodIssues, shapeOf, unwrap } from "./zod-issues.js";

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Validates a backend entry's options with its type's schema (spec REG-020), after converting
 * the strings of `coercible` keys where the schema expects a number or boolean (REG-041/052).
 *
 * @returns the parsed options, or `undefined` after adding issues.
 */
export function validateOptions(
  definition: BackendTypeDefinition,
  raw: unknown,
  location: Location,
  issues: IssueList,
  coercible: (key: string) => boolean,
): Record<string, unknown> | undefined {
  const options = raw ?? {};
  if (!isPlainTable(options)) {
    issues.add(location, `expected a table of options, got ${describeConfigValue(options)}`);
    return undefined;
  }
  const schema = schemaOf(definition);
  if (schema === undefined) return { ...options };
  const input = coerce(schema, options, coercible);
  const result = schema.safeParse(input);
  if (result.success) {
    if (isPlainTable(result.data)) return result.data;
    issues.add(location, `the "${definition.type}" type's schema did not produce a table of options`);
    return undefined;
  }
  addZodIssues(result.error.issues, input, schema, location, issues);
  return undefined;
}

const built = new WeakMap<BackendTypeDefinition, z.ZodType>();

/** The type's schema, built from the registry's zod the first time when the type gave a function (REG-020). */
export function schemaOf(definition: BackendTypeDefinition): z.ZodType | undefined {
  const source = definition.schema;
  if (source === undefined || typeof source !== "function") return source;
  let schema = built.get(definition);
  if (schema === undefined) {
    schema = source(z);
    built.set(definition, schema);
  }
  return schema;
}

function coerce(schema: unknown, options: Record<string, unknown>, coercible: (key: string) => boolean): Record<string, unknown> {
  const shape = shapeOf(schema);
  if (shape === undefined) return options;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    let converted = value;
    if (typeof value === "string" && coercible(key) && Object.hasOwn(shape, key)) {
      const kind = unwrap(shape[key])?.type;
      if (kind === "number" && NUMERIC.test(value.trim())) converted = Number(value.trim());
      else if (kind === "boolean" && (value === "true" || value === "false")) converted = value === "true";
    }
    Object.defineProperty(copy, key, { value: converted, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
