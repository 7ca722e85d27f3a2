/**
 * The JSON text of a value (spec KV-010), or a `TypeError` naming where in the value the first
 * thing JSON cannot represent faithfully is. Object properties that are `undefined` are omitted.
 */
export function toJson(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw notJson([], String(value));
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      new JsonCheck().tree(value);
      return JSON.stringify(value);
    default:
      throw notJson([], describeKind(value));
  }
}

/** One walk over a value. Where it is, is kept as a stack of keys and formatted only for an error. */
class JsonCheck {
  private readonly ancestors: object[] = [];
  private readonly at: (string | number)[] = [];

  tree(value: object): void {
    if (this.ancestors.includes(value)) throw new TypeError(`${where(this.at)} is not JSON: it contains itself (a cycle)`);
    this.ancestors.push(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        this.at.push(i);
        if (!(i in value)) throw new TypeError(`${where(this.at)} is not JSON: a hole in a sparse array`);
        this.member(value[i]);
        this.at.pop();
      }
    } else {
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new TypeError(`${where(this.at)} is not JSON: a ${constructorName(value)}, not a plain object or array`);
      }
      for (const key of Object.keys(value)) {
        const member = (value as Record<string, unknown>)[key];
        if (member === undefined) continue;
        this.at.push(key);
        this.member(member);
        this.at.pop();
      }
    }
    this.ancestors.pop();
  }

  private member(value: unknown): void {
    switch (typeof value) {
      case "string":
      case "boolean":
        return;
      case "number":
        if (!Number.isFinite(value)) throw notJson(this.at, String(value));
        return;
      case "object":
        if (value !== null) this.tree(value);
        return;
      default:
        throw notJson(this.at, describeKind(value));
    }
  }
}

/** `value.items[2].name` for the key stack `["items", 2, "name"]`. */
function where(at: readonly (string | number)[]): string {
  return at.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${key}`), "value");
}

function notJson(at: readonly (string | number)[], what: string): TypeError {
  return new TypeError(`${where(at)} is not JSON-serialisable: ${what}`);
}

function describeKind(value: unknown): string {
  return typeof value === "bigint" ? "a BigInt" : typeof value === "function" ? "a function" : typeof value === "symbol" ? "a symbol" : "undefined";
}

function constructorName(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? name : "class instance";
}
