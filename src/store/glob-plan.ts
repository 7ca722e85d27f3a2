import type { Minimatch } from "minimatch";
import { InvalidPath } from "../errors/classes.js";
import { quotePath } from "../errors/quote-path.js";
import type { FileInfo } from "../contract/models.js";
import { normalizePath } from "../paths/normalize.js";
import { describeType } from "../shared/checks/objects.js";

/** Where a glob lists from and how deep (spec ST-070..ST-073). */
export interface GlobPlan {
  /** The normalised pattern minimatch matches store-relative paths against. */
  readonly pattern: string;
  /** The longest literal folder prefix shared by every expansion of the pattern. */
  readonly base: string;
  /** How many levels below `base` a match can lie (`Infinity` with `**`). */
  readonly maxDepth: number;
  /** The compiled matcher. */
  readonly matcher: Minimatch;
}

type MinimatchModule = typeof import("minimatch");
let minimatchModule: Promise<MinimatchModule> | undefined;

/** Loads minimatch on first use, so stores that never glob never pay for it. */
function loadMinimatch(): Promise<MinimatchModule> {
  minimatchModule ??= import("minimatch");
  return minimatchModule;
}

/** Validates a glob pattern and plans the listing that answers it. */
export function checkGlobPattern(pattern: unknown): string {
  if (typeof pattern !== "string") throw new TypeError(`pattern must be a string, got ${describeType(pattern)}`);
  if (pattern.includes("\0")) throw new InvalidPath(`Pattern contains a NUL byte: ${quotePath(pattern)}`, { path: pattern });
  let trimmed = pattern;
  for (;;) {
    if (trimmed.startsWith("./")) trimmed = trimmed.slice(2);
    else if (trimmed.startsWith("/")) trimmed = trimmed.slice(1);
    else break;
  }
  if (trimmed.split("/").includes("..")) {
    throw new InvalidPath(`Pattern contains a '..' segment: ${quotePath(pattern)}`, { path: pattern });
  }
  if (trimmed === "") throw new InvalidPath(`Pattern is empty: ${quotePath(pattern)}`, { path: pattern });
  return trimmed;
}

/** Compiles a checked pattern and derives the listing base and depth. */
export async function planGlob(pattern: string): Promise<GlobPlan> {
  const { Minimatch, GLOBSTAR } = await loadMinimatch();
  const matcher = new Minimatch(pattern);
  let base: string[] | undefined;
  let maxDepth = 0;
  for (const parts of matcher.set) {
    const literal: string[] = [];
    for (const part of parts.slice(0, -1)) {
      if (typeof part !== "string") break;
      literal.push(part);
    }
    base = base === undefined ? literal : commonPrefix(base, literal);
    const hasGlobstar = parts.some((part) => part === GLOBSTAR);
    maxDepth = Math.max(maxDepth, hasGlobstar ? Number.POSITIVE_INFINITY : parts.length - 1);
  }
  const baseParts = base ?? [];
  const depth = maxDepth - baseParts.length;
  return { pattern, base: baseParts.join("/"), maxDepth: Math.max(depth, 0), matcher };
}

function commonPrefix(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) out.push(a[i] as string);
  return out;
}

/**
 * The files of a glob (spec ST-070): lists only below the pattern's literal prefix, as deep as
 * the pattern can match, and yields the files whose store-relative path matches. A prefix that
 * is no valid path matches nothing.
 */
export async function* globMatches(pattern: string, listFiles: (base: string, maxDepth: number) => AsyncIterable<FileInfo>): AsyncGenerator<FileInfo> {
  const plan = await planGlob(pattern);
  let base: string;
  try {
    base = normalizePath(plan.base);
  } catch {
    return;
  }
  for await (const file of listFiles(base, plan.maxDepth)) {
    if (plan.matcher.match(file.path)) yield file;
  }
}
