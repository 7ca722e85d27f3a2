/** What kind of config value `value` is, in config words ("a table", "a list", …), never the value itself. */
export function describeConfigValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return Number.isFinite(value) ? "a number" : `${String(value)}`;
    case "boolean":
      return "a boolean";
    case "bigint":
      return "a big integer";
    case "object": {
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
      return proto === null || proto === Object.prototype ? "a table" : `a ${proto.constructor?.name ?? "object"}`;
    }
    default:
      return `a ${typeof value}`;
  }
}

/** A noun for an expected type name of a schema ("number" → "a number"). */
export function expectedNoun(expected: string): string {
  switch (expected) {
    case "int":
    case "bigint":
      return "an integer";
    case "object":
    case "record":
      return "a table";
    case "array":
    case "tuple":
      return "a list";
    case "boolean":
      return "a boolean (true or false)";
    case "null":
    case "undefined":
      return expected;
    default:
      return `a ${expected}`;
  }
}
