/**
 * True when `path` is a string already in normal form — no `\\`, NUL, empty, `.` or `..`
 * segment — so `normalizePath` would return it unchanged: one scan, no allocation.
 */
export function isNormalPath(path: unknown): path is string {
  if (typeof path !== "string") return false;
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    const c = i < path.length ? path.charCodeAt(i) : SLASH;
    if (c === SLASH) {
      const length = i - start;
      if (length === 0) return path.length === 0;
      if (path.charCodeAt(start) === DOT && (length === 1 || (length === 2 && path.charCodeAt(start + 1) === DOT))) return false;
      start = i + 1;
    } else if (c === BACKSLASH || c === 0) {
      return false;
    }
  }
  return true;
}

const SLASH = 0x2f;
const DOT = 0x2e;
const BACKSLASH = 0x5c;
