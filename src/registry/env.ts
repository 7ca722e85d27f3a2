
import { IssueList } from "./issues.js";
import { formatLocation, type Location } from "./location.js";
import { isPlainTable, isSecretKey } from "../shared/secrets.js";
import { describeType, isRecord } from "../shared/checks/objects.js";

/** Environment variables for substitution: pass `process.env`, or any record. */
export type EnvRecord = Readonly<Record<string, string | undefined>>;

/** The result of {@link substituteEnv}. */
export interface Substitution {
  /** A deep copy of the data with every reference replaced. */
  readonly data: unknown;
  /** Formatted locations of the strings that contained a reference. */
  readonly substituted: ReadonlySet<string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks the `env` option: a record of strings (or `undefined` values). */
export function checkEnv(env: unknown): EnvRecord | undefined {
  if (env === undefined) return undefined;
  if (!isRecord(env)) {
    throw new TypeError(`env must be a record of environment variables, got ${describeType(env)}`);
  }
  return env as EnvRecord;
}

/**
 * Replaces `${NAME}`, `${NAME:-default}` and `$${` in every string value (spec REG-051/052).
 * Problems (unset variables, malformed references) go to `issues`.
 */
export function substituteEnv(data: unknown, env: EnvRecord, base: Location, issues: IssueList): Substitution {
  const substituted = new Set<string>();
  const walk = (value: unknown, location: Location): unknown => {
    if (typeof value === "string") {
      if (!value.includes("$")) return value;
      const before = issues.size;
      const result = expand(value, env, location, issues);
      if (issues.size > before) issues.silence(location);
      if (result.changed) substituted.add(formatLocation(location));
      return result.text;
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...location, index]));
    if (isPlainTable(value)) {
      const copy: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) {
        Object.defineProperty(copy, key, { value: walk(inner, [...location, key]), enumerable: true, writable: true, configurable: true });
      }
      return copy;
    }
    return value;
  };
  return { data: walk(data, base), substituted };
}

function expand(text: string, env: EnvRecord, location: Location, issues: IssueList): { text: string; changed: boolean } {
  let out = "";
  let changed = false;
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf("$", i);
    if (dollar < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    if (text.startsWith("$${", dollar)) {
      out += "${";
      changed = true;
      i = dollar + 3;
      continue;
    }
    if (text[dollar + 1] !== "{") {
      out += "$";
      i = dollar + 1;
      continue;
    }
    const close = text.indexOf("}", dollar + 2);
    if (close < 0) {
      issues.add(location, `unterminated "\${" (write \${NAME} or \${NAME:-default}; "$\${" is a literal "\${")`);
      return { text, changed: false };
    }
    const body = text.slice(dollar + 2, close);
    const separator = body.indexOf(":-");
    const name = separator < 0 ? body : body.slice(0, separator);
    const fallback = separator < 0 ? undefined : body.slice(separator + 2);
    i = close + 1;
    changed = true;
    if (!NAME.test(name)) {
      const shown = location.some((key) => typeof key === "string" && isSecretKey(key)) ? "" : ` "\${${name}}"`;
      issues.add(location, `invalid variable reference${shown} (a name is a letter or "_", then letters, digits or "_"; "$\${" is a literal "\${")`);
      continue;
    }
    const value = env[name];
    if (fallback !== undefined && (value === undefined || value === "")) out += fallback;
    else if (value === undefined) issues.add(location, `environment variable "${name}" is not set and has no default (use \${${name}:-default} for one)`);
    else if (typeof value !== "string") issues.add(location, `environment variable "${name}" is ${describeType(value)}, not a string`);
    else out += value;
  }
  return { text: out, changed };
}
