import { InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { S3_BACKEND_NAME } from "./names.js";

/** S3's limit on a key: 1,024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;

const encoder = new TextEncoder();

/**
 * Maps backend paths to object keys and back under one prefix (spec S3-003, S3-010). The prefix
 * is the backend's root: `""` or a string ending in `/`. It never appears in paths, errors or
 * messages.
 */
export class KeyMap {
  /** The normalised prefix: `""` or `"a/b/"`. */
  readonly prefix: string;

  constructor(prefix: string) {
    this.prefix = prefix;
  }

  /** The object key of the file at `path` (not the root). @throws `InvalidPath` when the key is too long. */
  fileKey(path: string): string {
    return this.checked(this.prefix + path, path);
  }

  /** The key prefix of everything below folder `path` (`""` = the root): `prefix + path + "/"`. */
  folderPrefix(path: string): string {
    return path === "" ? this.prefix : this.checked(`${this.prefix}${path}/`, path);
  }

  /** The key of the folder marker of `path` (not the root): `prefix + path + "/"`. */
  markerKey(path: string): string {
    return this.folderPrefix(path);
  }

  /**
   * The backend path of `key` below `base` (a folder prefix returned by {@link folderPrefix}),
   * split into segments, or `undefined` when the key is not a usable path (spec S3-012): an
   * empty, `.` or `..` segment, a backslash or a NUL — and for `base` itself (the folder's own
   * marker). A trailing `/` (a folder marker) is reported by `marker`.
   */
  relativeSegments(key: string, base: string): { segments: string[]; marker: boolean } | undefined {
    if (!key.startsWith(base)) return undefined;
    let rest = key.slice(base.length);
    const marker = rest.endsWith("/");
    if (marker) rest = rest.slice(0, -1);
    if (rest === "") return undefined;
    if (rest.includes("\\") || rest.includes("\0")) return undefined;
    const segments = rest.split("/");
    for (const segment of segments) if (segment === "" || segment === "." || segment === "..") return undefined;
    return { segments, marker };
  }

  private checked(key: string, path: string): string {
    if (key.length > MAX_KEY_BYTES / 3 && encoder.encode(key).length > MAX_KEY_BYTES) {
      throw new InvalidPath(`Path too long for S3 (keys hold at most ${MAX_KEY_BYTES} bytes): ${quotePath(path)}`, { path, backend: S3_BACKEND_NAME });
    }
    return key;
  }
}

/**
 * Normalises a configured prefix (spec S3-003): `\` is not special, leading and trailing `/` are
 * dropped, empty segments collapse; the result is `""` or ends in `/`. `.`/`..` segments and NUL
 * are a `TypeError`.
 */
export function normalizePrefix(prefix: unknown): string {
  if (prefix === undefined) return "";
  if (typeof prefix !== "string") throw new TypeError(`prefix must be a string, got ${prefix === null ? "null" : typeof prefix}`);
  if (prefix.includes("\0")) throw new TypeError("prefix must not contain a NUL byte");
  const segments = prefix.split("/").filter((segment) => segment !== "");
  if (segments.some((segment) => segment === "." || segment === "..")) throw new TypeError(`prefix must not contain "." or ".." segments, got ${JSON.stringify(prefix)}`);
  return segments.length === 0 ? "" : `${segments.join("/")}/`;
}
