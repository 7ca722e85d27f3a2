import { InvalidPath } from "../errors/classes.js";
import { quotePath } from "../errors/quote-path.js";
import { describeType } from "../shared/checks/objects.js";

/**
 * Normalises a user path (spec PATH-001..PATH-006): NUL → `InvalidPath`; `\` → `/`;
 * empty and `.` segments dropped; a `..` segment → `InvalidPath`. Returns `""` for the root.
 * No Unicode or case folding, no percent-decoding.
 *
 * @param argName the argument name used in the `TypeError` for a non-string.
 */
export function normalizePath(raw: unknown, argName = "path"): string {
  if (typeof raw !== "string") {
    throw new TypeError(`${argName} must be a string, got ${describeType(raw)}`);
  }
  if (raw.includes("\0")) {
    throw new InvalidPath("Path contains a NUL byte", { path: raw.replaceAll("\0", "\\0") });
  }
  const segments = raw.replaceAll("\\", "/").split("/");
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      throw new InvalidPath(`Path contains a '..' segment: ${quotePath(raw)}`, { path: raw });
    }
    kept.push(segment);
  }
  return kept.join("/");
}

/**
 * Normalises a path for a file operation: like {@link normalizePath}, but every spelling of
 * the root (`""`, `"."`, `"/"`, `"./"`) is `InvalidPath` (PATH-007).
 */
export function normalizeFilePath(raw: unknown, argName = "path", rootMessage = "A file operation needs a file path, not the root"): string {
  const path = normalizePath(raw, argName);
  if (path === "") {
    throw new InvalidPath(`${rootMessage}: {given}`, { path: "", paths: { given: raw as string } });
  }
  return path;
}

