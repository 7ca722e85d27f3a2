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
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return DEFAULT_CONTENT_TYPE;
  return lookup(name.slice(dot + 1)) ?? DEFAULT_CONTENT_TYPE;
}
