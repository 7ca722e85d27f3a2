
import type { IssueList } from "./issues.js";
import { formatLocation } from "./location.js";
import { isPlainTable } from "../shared/secrets.js";
import { describeType } from "../shared/checks/objects.js";

/** Which nested table of a document holds the config: `["tool", "remote-store"]` or `"tool.remote-store"`. */
export type TablePath = string | readonly string[];

/** Checks a `table` option and returns its keys (`[]` = the whole document). */
export function checkTable(table: unknown): readonly string[] {
  if (table === undefined) return [];
  const keys = typeof table === "string" ? table.split(".") : table;
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== "string" || key === "")) {
    throw new TypeError(`table must be a dotted string or an array of non-empty keys, got ${describeType(table)}`);
  }
  return keys as string[];
}

/**
 * The nested table at `keys` (spec REG-033), or `undefined` after adding an issue that names the
 * table path and the keys that exist where the walk stopped.
 */
export function selectTable(data: unknown, keys: readonly string[], issues: IssueList): unknown {
  let current = data;
  for (let depth = 0; depth < keys.length; depth++) {
    const here = keys.slice(0, depth);
    if (!isPlainTable(current)) {
      issues.add(here, `expected a table on the way to table "${keys.join(".")}", got ${describeType(current)}`);
      return undefined;
    }
    const key = keys[depth]!;
    if (!Object.hasOwn(current, key)) {
      const existing = Object.keys(current);
      const where = depth === 0 ? "top-level keys" : `keys in ${formatLocation(here)}`;
      const listed = existing.length === 0 ? `${where}: none` : `${where}: ${existing.join(", ")}`;
      issues.add(keys.slice(0, depth + 1), `table "${keys.join(".")}" not found (${listed})`);
      return undefined;
    }
    current = current[key];
  }
  return current;
}
