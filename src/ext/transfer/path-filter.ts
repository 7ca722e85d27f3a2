import { Minimatch } from "minimatch";

import { checkGlobPattern } from "../../store/glob-plan.js";
import { describeType } from "../../shared/checks/objects.js";

/**
 * The include/exclude filter of a sync (spec XFER-025): minimatch patterns (default options, as
 * `Store.glob`) on store-relative paths. A pattern selects a path when it matches the path itself
 * or one of its ancestor folders.
 */
export class PathFilter {
  private readonly include: readonly Minimatch[] | undefined;
  private readonly exclude: readonly Minimatch[];
  private readonly memo = new Map<string, boolean>();

  constructor(include: readonly string[] | undefined, exclude: readonly string[]) {
    this.include = include?.map((pattern) => new Minimatch(pattern));
    this.exclude = exclude.map((pattern) => new Minimatch(pattern));
  }

  /** True when no pattern was given: every path takes part. */
  get selectsEverything(): boolean {
    return this.include === undefined && this.exclude.length === 0;
  }

  /** True when `path` takes part in the sync. */
  selects(path: string): boolean {
    if (this.selectsEverything) return true;
    if (this.include !== undefined && !this.matches(this.include, path, "i")) return false;
    return !this.matches(this.exclude, path, "e");
  }

  private matches(patterns: readonly Minimatch[], path: string, kind: "i" | "e"): boolean {
    if (patterns.length === 0) return false;
    if (patterns.some((pattern) => pattern.match(path))) return true;
    const slash = path.lastIndexOf("/");
    if (slash < 0) return false;
    const parent = path.slice(0, slash);
    const key = kind + parent;
    let hit = this.memo.get(key);
    if (hit === undefined) {
      hit = this.matches(patterns, parent, kind);
      this.memo.set(key, hit);
    }
    return hit;
  }
}

/** Validates an `include`/`exclude` option: a pattern or an array of patterns (`undefined` when absent). */
export function patternsOption(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  const list: unknown[] = typeof value === "string" ? [value] : Array.isArray(value) ? (value as unknown[]) : [];
  if (typeof value !== "string" && !Array.isArray(value)) {
    throw new TypeError(`${name} must be a string or an array of strings, got ${describeType(value)}`);
  }
  return list.map((pattern, index) => {
    if (typeof pattern !== "string") throw new TypeError(`${name}[${index}] must be a string, got ${describeType(pattern)}`);
    return checkGlobPattern(pattern);
  });
}
