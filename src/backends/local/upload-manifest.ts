import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import type { Metadata } from "../../contract/models.js";
import { hasErrno } from "./errno.js";
import { ignore } from "./fs-step.js";
import { parseJsonObject } from "./json-object.js";
import type { Owner } from "./owner.js";
import { RESERVED_PREFIX } from "./reserved.js";
import { isObject } from "../../shared/checks/objects.js";
import { parseMetadata } from "./sidecar.js";

/** The reserved folder, at the real root, that holds one folder per multipart upload (spec LOC-120). */
export const UPLOADS_FOLDER = `${RESERVED_PREFIX}-uploads`;

/** The manifest's file name inside an upload's folder. */
export const MANIFEST_NAME = "manifest.json";

/** One stored part, as the manifest records it. */
export interface ManifestPart {
  readonly size: number;
  readonly etag: string;
  /** The part's file name inside the upload's folder. */
  readonly file: string;
}

/** What an upload's folder records about it (spec LOC-121). */
export interface UploadManifest {
  readonly v: 1;
  /** The backend path of the target file. */
  readonly path: string;
  readonly overwrite: boolean;
  readonly contentType: string;
  readonly metadata: Metadata | undefined;
  /** Milliseconds since the epoch. */
  readonly startedAt: number;
  /** The current parts, by part number. */
  readonly parts: Readonly<Record<string, ManifestPart>>;
  /** The process that wrote this manifest (spec LOC-134); absent in manifests of earlier versions. */
  readonly owner?: Owner | undefined;
}

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `uploadId` has the form this backend hands out (a UUID), so it names no other folder. */
export function isUploadId(uploadId: string): boolean {
  return UPLOAD_ID.test(uploadId);
}

/** The folder of upload `uploadId` below the real root. */
export function uploadFolder(realRoot: string, uploadId: string): string {
  return nodePath.join(realRoot, UPLOADS_FOLDER, uploadId);
}

/**
 * Reads an upload's manifest; `undefined` when the upload is not active (no folder, no
 * manifest, or one this backend did not write). Other read errors are thrown as they are.
 */
export async function readManifest(folder: string): Promise<UploadManifest | undefined> {
  let text: string;
  try {
    text = await readFile(nodePath.join(folder, MANIFEST_NAME), "utf8");
  } catch (error) {
    if (hasErrno(error, "ENOENT", "ENOTDIR")) return undefined;
    throw error;
  }
  return parseManifest(text);
}

/** Writes the first manifest into a new (temp) upload folder. */
export async function writeFirstManifest(folder: string, manifest: UploadManifest): Promise<void> {
  await writeFile(nodePath.join(folder, MANIFEST_NAME), JSON.stringify(manifest), { flag: "wx" });
}

/** Replaces the manifest atomically: the temp file `temp` in the upload's folder, then a rename. */
export async function writeManifest(folder: string, manifest: UploadManifest, temp: string): Promise<void> {
  try {
    await writeFile(temp, JSON.stringify(manifest), { flag: "wx" });
    await rename(temp, nodePath.join(folder, MANIFEST_NAME));
  } catch (error) {
    await unlink(temp).catch(ignore);
    throw error;
  }
}

function parseManifest(text: string): UploadManifest | undefined {
  const value = parseJsonObject(text);
  if (value === undefined) return undefined;
  const m = value as Partial<Record<keyof UploadManifest, unknown>>;
  if (m.v !== 1 || typeof m.path !== "string" || typeof m.overwrite !== "boolean" || typeof m.contentType !== "string") return undefined;
  if (typeof m.startedAt !== "number" || !Number.isFinite(m.startedAt)) return undefined;
  if (!isObject(m.parts)) return undefined;
  const metadata = parseMetadata(m.metadata);
  if (metadata === false) return undefined;
  const owner = parseOwner(m.owner);
  const parts: Record<string, ManifestPart> = {};
  for (const [number, part] of Object.entries(m.parts as Record<string, unknown>)) {
    if (!isPart(part)) return undefined;
    parts[number] = { size: part.size, etag: part.etag, file: part.file };
  }
  return { v: 1, path: m.path, overwrite: m.overwrite, contentType: m.contentType, metadata, startedAt: m.startedAt, parts, owner };
}

/** The recorded owner, or `undefined` when there is none or it is malformed (an unknown owner). */
function parseOwner(value: unknown): Owner | undefined {
  if (!isObject(value)) return undefined;
  const o = value as Partial<Record<keyof Owner, unknown>>;
  if (typeof o.host !== "string" || typeof o.hostId !== "string" || typeof o.start !== "string") return undefined;
  if (typeof o.pid !== "number" || !Number.isSafeInteger(o.pid) || o.pid < 1) return undefined;
  return { host: o.host, hostId: o.hostId, pid: o.pid, start: o.start };
}

function isPart(value: unknown): value is ManifestPart {
  if (!isObject(value)) return false;
  const p = value as Partial<Record<keyof ManifestPart, unknown>>;
  return typeof p.size === "number" && typeof p.etag === "string" && typeof p.file === "string" && /^part-\d+-[0-9a-f]+$/.test(p.file);
}
