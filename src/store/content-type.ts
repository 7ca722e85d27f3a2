import { lookup } from "mrmime";

/** The default content type when nothing better is known. */
export const DEFAULT_CONTENT_TYPE = "application/octet-stream";

/**
 * Resolves the stored content type (spec ST-035): the explicit option, else a Blob's `type`,
 * else a guess from the file extension, else `application/octet-stream`.
 */
export function resolveContentType(path: string, explicit: string | undefined, blobType: string | undefined): string {
  if (explicit !== undefined && explicit !== "") return explicit;
  if (blobType !== undefined) return blobType;
  // The extension of the last segment: none without a dot, or when the last dot starts the file's
  // name (".env") or lies in a folder's name — one search from just before the dot finds either slash.
  const dot = path.lastIndexOf(".");
  if (dot <= 0 || path.indexOf("/", dot - 1) >= 0) return DEFAULT_CONTENT_TYPE;
  // Runs of writes mostly share one extension: compare it in place instead of slicing and looking it up again.
  if (path.length - dot - 1 === lastExtension.length && path.endsWith(lastExtension)) return lastType;
  lastExtension = path.slice(dot + 1);
  lastType = lookup(lastExtension) ?? DEFAULT_CONTENT_TYPE;
  return lastType;
}

/** The extension guessed last and its type (the guess is a pure function of the extension). */
let lastExtension = "";
let lastType = DEFAULT_CONTENT_TYPE;
