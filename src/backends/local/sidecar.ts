import { lstat, mkdir, readdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { lookup } from "mrmime";
import type { Metadata } from "../../contract/models.js";
import { hasErrno, mapFsError } from "./errno.js";
import { ignore } from "./fs-step.js";
import type { TempNames } from "./journal.js";
import { parseJsonObject } from "./json-object.js";
import { RESERVED_PREFIX } from "./reserved.js";
import { isRecord } from "../../shared/checks/objects.js";

/**
 * The hidden folder, inside each folder, that holds the sidecars of that folder's files
 * (spec LOC-031). A sidecar has the same name as its file, so no name is too long for it.
 */
export const SIDECAR_FOLDER = RESERVED_PREFIX;

const DEFAULT_CONTENT_TYPE = "application/octet-stream";

/** The stored attributes of a file besides its bytes. */
export interface FileAttributes {
  readonly contentType: string;
  /** A frozen copy, or `undefined` when there is no user metadata. */
  readonly metadata: Metadata | undefined;
}

/**
 * The content type a file has when it has no sidecar (spec LOC-032): guessed from the
 * extension of its name, else `application/octet-stream`.
 */
export function defaultContentType(name: string): string {
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return DEFAULT_CONTENT_TYPE;
  return lookup(name.slice(dot + 1)) ?? DEFAULT_CONTENT_TYPE;
}

/** The attributes of a file without a sidecar. */
export function defaultAttributes(name: string): FileAttributes {
  return { contentType: defaultContentType(name), metadata: undefined };
}

/** Builds attributes from write options: empty metadata counts as none, and is copied and frozen. */
export function attributes(contentType: string, metadata: Metadata | undefined): FileAttributes {
  return { contentType, metadata: copyMetadata(metadata) };
}

/** A frozen copy of `metadata`, or `undefined` when it is absent or empty. */
export function copyMetadata(metadata: Metadata | undefined): Metadata | undefined {
  if (metadata === undefined || Object.keys(metadata).length === 0) return undefined;
  return Object.freeze({ ...metadata });
}

/** The names that have a sidecar in `folder` (a real local folder). */
export async function sidecarNames(folder: string): Promise<ReadonlySet<string>> {
  try {
    return new Set(await readdir(nodePath.join(folder, SIDECAR_FOLDER)));
  } catch (error) {
    if (hasErrno(error, "ENOENT", "ENOTDIR")) return new Set();
    throw error;
  }
}

/**
 * Reads the attributes of file `name` in `folder`. A missing or unreadable sidecar gives the
 * defaults; `path` is the backend path, for errors.
 */
export async function readAttributes(folder: string, name: string, path: string): Promise<FileAttributes> {
  let text: string;
  try {
    text = await readFile(nodePath.join(folder, SIDECAR_FOLDER, name), "utf8");
  } catch (error) {
    if (hasErrno(error, "ENOENT", "ENOTDIR", "EISDIR")) return defaultAttributes(name);
    throw mapFsError(error, path);
  }
  return parseSidecar(text) ?? defaultAttributes(name);
}

/** A sidecar written to a temp file, waiting for its file to be committed. */
export interface PendingSidecar {
  /** Puts the sidecar in place (or removes a stale one when the file needs none). */
  commit(): Promise<void>;
  /** Forgets the prepared sidecar; leaves any existing one alone. Never throws. */
  discard(): Promise<void>;
}

/** Options of {@link prepareSidecar}. */
export interface PrepareSidecarOptions {
  /** The backend path of the file, for errors. */
  readonly path: string;
  /** Where the sidecar's temp file gets its name (spec LOC-130, LOC-132). */
  readonly temps: TempNames;
}

/**
 * Prepares the sidecar that file `name` in `folder` must have for `attrs`: a temp file when
 * the attributes differ from the defaults, nothing otherwise (spec LOC-031..LOC-033).
 */
export async function prepareSidecar(folder: string, name: string, attrs: FileAttributes, options: PrepareSidecarOptions): Promise<PendingSidecar> {
  const path = options.path;
  const sidecarFolder = nodePath.join(folder, SIDECAR_FOLDER);
  const target = nodePath.join(sidecarFolder, name);
  if (!needsSidecar(name, attrs)) {
    return {
      commit: () => removeSidecar(folder, name, path),
      discard: () => Promise.resolve(),
    };
  }
  let createdFolder = false;
  const temp = await options.temps.temp(sidecarFolder);
  for (let attempt = 1; ; attempt++) {
    try {
      createdFolder = await ensureSidecarFolder(sidecarFolder);
      await writeFile(temp, serialise(attrs), { flag: "wx" });
      break;
    } catch (error) {
      await unlink(temp).catch(ignore);
      if (createdFolder) await rmdir(sidecarFolder).catch(ignore);
      // A concurrent removal of the emptied sidecar folder can race with us: try once more.
      if (attempt < 3 && hasErrno(error, "ENOENT")) continue;
      throw mapFsError(error, path);
    }
  }
  return {
    commit: async () => {
      try {
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(ignore);
        throw mapFsError(error, path);
      }
    },
    discard: async () => {
      await unlink(temp).catch(ignore);
      if (createdFolder) await rmdir(sidecarFolder).catch(ignore);
    },
  };
}

/** Removes the sidecar of `name` in `folder`, if any, and the sidecar folder when it empties. */
export async function removeSidecar(folder: string, name: string, path: string): Promise<void> {
  const sidecarFolder = nodePath.join(folder, SIDECAR_FOLDER);
  try {
    await unlink(nodePath.join(sidecarFolder, name));
  } catch (error) {
    if (hasErrno(error, "ENOENT", "ENOTDIR")) return;
    throw mapFsError(error, path);
  }
  await rmdir(sidecarFolder).catch(ignore);
}

/** True when `attrs` cannot be reconstructed from the file name alone. */
export function needsSidecar(name: string, attrs: FileAttributes): boolean {
  return attrs.metadata !== undefined || attrs.contentType !== defaultContentType(name);
}

async function ensureSidecarFolder(sidecarFolder: string): Promise<boolean> {
  try {
    await mkdir(sidecarFolder);
    return true;
  } catch (error) {
    if (!hasErrno(error, "EEXIST")) throw error;
  }
  const stats = await lstat(sidecarFolder);
  if (!stats.isDirectory()) {
    throw Object.assign(new Error("the sidecar folder is not a real folder"), { code: "ENOTDIR" });
  }
  return false;
}

function serialise(attrs: FileAttributes): string {
  return JSON.stringify({ v: 1, contentType: attrs.contentType, metadata: attrs.metadata });
}

function parseSidecar(text: string): FileAttributes | undefined {
  const value = parseJsonObject(text);
  if (value === undefined) return undefined;
  const { contentType, metadata } = value;
  if (typeof contentType !== "string") return undefined;
  const parsed = parseMetadata(metadata);
  return parsed === false ? undefined : { contentType, metadata: parsed };
}

/**
 * Stored user metadata as read back from JSON (a sidecar, an upload's manifest): `undefined` when
 * absent, null or empty, a frozen copy when every value is a string, `false` when malformed.
 */
export function parseMetadata(value: unknown): Metadata | undefined | false {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  if (!entries.every(([, v]) => typeof v === "string")) return false;
  return copyMetadata(Object.fromEntries(entries) as Record<string, string>);
}
