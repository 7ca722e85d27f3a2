import { InvalidArgument, InvalidPath } from "../errors/classes.js";
import { quotePath } from "../errors/quote-path.js";
import type { Metadata } from "../contract/models.js";
import { normalizePath } from "../paths/normalize.js";
import { parentPath } from "../paths/path-parts.js";
import { validateMetadata } from "../store/metadata.js";
import { decodeBase64 } from "../shared/bytes/base64.js";
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from "./snapshot-format.js";
import { isObject } from "../shared/checks/objects.js";

/** A validated snapshot file entry, decoded. */
export interface ParsedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | undefined;
  readonly metadata: Metadata | undefined;
  readonly modifiedAt: Date | undefined;
}

const encoder = new TextEncoder();

/**
 * Validates a whole snapshot (spec SNAP-011): format and version, every path normalised and
 * relative (no `..`, not absolute, not empty), no duplicate path, no file where another entry
 * needs a folder, `text` xor valid `base64`, metadata and dates valid.
 */
export function parseSnapshot(snapshot: unknown): { folders: string[]; files: ParsedFile[] } {
  if (!isObject(snapshot)) throw new InvalidArgument("A snapshot must be an object");
  const { format, version, entries } = snapshot as Record<string, unknown>;
  if (format !== SNAPSHOT_FORMAT) throw new InvalidArgument(`Not a snapshot: format must be "${SNAPSHOT_FORMAT}"`);
  if (version !== SNAPSHOT_VERSION) throw new InvalidArgument(`Unsupported snapshot version ${JSON.stringify(version)}; this library reads version ${SNAPSHOT_VERSION}`);
  if (!Array.isArray(entries)) throw new InvalidArgument("A snapshot's entries must be an array");
  const kinds = new Map<string, "file" | "folder">();
  const folders: string[] = [];
  const files: ParsedFile[] = [];
  for (const entry of entries as unknown[]) {
    if (!isObject(entry)) throw new InvalidArgument("Every snapshot entry must be an object");
    const record = entry as Record<string, unknown>;
    const path = checkEntryPath(record.path);
    if (kinds.has(path)) throw new InvalidArgument(`The snapshot lists ${quotePath(path)} twice`, { path });
    if (record.kind === "folder") {
      kinds.set(path, "folder");
      folders.push(path);
    } else if (record.kind === "file") {
      kinds.set(path, "file");
      files.push(parseFile(path, record));
    } else {
      throw new InvalidArgument(`Entry ${quotePath(path)} has an unknown kind ${JSON.stringify(record.kind)}`, { path });
    }
  }
  for (const path of kinds.keys()) {
    for (let parent = parentPath(path); parent !== ""; parent = parentPath(parent)) {
      if (kinds.get(parent) === "file") throw new InvalidArgument(`Snapshot entry ${quotePath(path)} lies below the file ${quotePath(parent)}`, { path });
    }
  }
  return { folders, files };
}

function checkEntryPath(raw: unknown): string {
  if (typeof raw !== "string") throw new InvalidArgument("Every snapshot entry needs a string path");
  let normalised: string;
  try {
    normalised = normalizePath(raw);
  } catch {
    throw new InvalidPath(`Snapshot path is not allowed: ${quotePath(raw)}`, { path: raw });
  }
  if (normalised !== raw || raw === "") throw new InvalidPath(`Snapshot paths must be relative and normalised: ${quotePath(raw)}`, { path: raw });
  return raw;
}

function parseFile(path: string, record: Record<string, unknown>): ParsedFile {
  const { text, base64, contentType, metadata, modifiedAt } = record;
  if ((text === undefined) === (base64 === undefined)) throw new InvalidArgument(`File ${quotePath(path)} needs exactly one of text and base64`, { path });
  let bytes: Uint8Array | undefined;
  if (typeof text === "string") bytes = encoder.encode(text);
  else if (typeof base64 === "string") bytes = decodeBase64(base64);
  if (bytes === undefined) throw new InvalidArgument(`File ${quotePath(path)} has invalid ${text === undefined ? "base64" : "text"} content`, { path });
  if (contentType !== undefined && typeof contentType !== "string") throw new InvalidArgument(`File ${quotePath(path)} has a non-string contentType`, { path });
  let checkedMetadata: Metadata | undefined;
  try {
    checkedMetadata = validateMetadata(metadata);
  } catch (error) {
    throw new InvalidArgument(`File ${quotePath(path)} has invalid metadata: ${(error as Error).message}`, { path, cause: error });
  }
  let date: Date | undefined;
  if (modifiedAt !== undefined) {
    date = typeof modifiedAt === "string" ? new Date(modifiedAt) : undefined;
    if (date === undefined || Number.isNaN(date.getTime())) throw new InvalidArgument(`File ${quotePath(path)} has an invalid modifiedAt`, { path });
  }
  return { path, bytes, contentType, metadata: checkedMetadata, modifiedAt: date };
}
