import { createHash } from "node:crypto";
import type { FileInfo, Metadata } from "../contract/models.js";
import type { Store } from "../store/store.js";
import { readableChunks } from "../shared/streams/stream-chunks.js";
import type { StoredChecksum } from "./checksums.js";

/** Response headers S3 keeps with an object that a tree has no place for (spec S3S-070). */
export interface KeptHeaders {
  readonly "cache-control"?: string;
  readonly "content-disposition"?: string;
  readonly "content-encoding"?: string;
  readonly "content-language"?: string;
  readonly expires?: string;
}

/** The names of {@link KeptHeaders}. */
export const KEPT_HEADER_NAMES = ["cache-control", "content-disposition", "content-encoding", "content-language", "expires"] as const;

/** What the side index keeps about an object (spec S3S-100). */
export interface ObjectAttributes {
  /** The ETag without quotes: hex MD5, or `<hex>-<parts>` after a multipart upload. */
  readonly etag: string;
  readonly checksum?: StoredChecksum | undefined;
  readonly headers: KeptHeaders;
  /** Parts of a multipart object. */
  readonly partsCount?: number | undefined;
}

/** A folder marked by a `PUT p/` (spec S3S-091): when, and the marker object's type and metadata. */
export interface FolderMarker {
  readonly createdAt: Date;
  readonly contentType: string;
  readonly metadata: Metadata | undefined;
}

interface Entry {
  readonly size: number;
  readonly modifiedAt: number;
  readonly attributes: ObjectAttributes;
}

/** The ETag of empty content (and of folder keys). */
export const EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

/**
 * The in-process side index (spec S3S-100..S3S-102): per bucket and path, the attributes a tree
 * cannot hold, valid while the file keeps the size and `modifiedAt` it had when they were
 * recorded. A file changed behind the server's back gets its plain MD5 recomputed from content.
 */
export class ObjectIndex {
  private readonly files = new Map<string, Map<string, Entry>>();
  private readonly markers = new Map<string, Map<string, FolderMarker>>();

  /** Records the attributes of the file described by `info`. */
  set(bucket: string, info: Pick<FileInfo, "path" | "size" | "modifiedAt">, attributes: ObjectAttributes): void {
    tableOf(this.files, bucket).set(info.path, { size: info.size, modifiedAt: info.modifiedAt.getTime(), attributes });
  }

  /** The recorded attributes, if they still describe the file. */
  peek(bucket: string, info: Pick<FileInfo, "path" | "size" | "modifiedAt">): ObjectAttributes | undefined {
    const entry = this.files.get(bucket)?.get(info.path);
    if (entry === undefined) return undefined;
    if (entry.size === info.size && entry.modifiedAt === info.modifiedAt.getTime()) return entry.attributes;
    this.files.get(bucket)?.delete(info.path);
    return undefined;
  }

  /** The attributes of a file: recorded ones while valid, else its plain MD5 from content (then recorded). */
  async attributes(bucket: string, store: Store, info: Pick<FileInfo, "path" | "size" | "modifiedAt">): Promise<ObjectAttributes> {
    const known = this.peek(bucket, info);
    if (known !== undefined) return known;
    const attributes: ObjectAttributes = { etag: info.size === 0 ? EMPTY_MD5 : await md5Of(store, info.path), headers: {} };
    this.set(bucket, info, attributes);
    return attributes;
  }

  /** Forgets a file's attributes. */
  forget(bucket: string, path: string): void {
    this.files.get(bucket)?.delete(path);
  }

  /** Forgets everything about a bucket (it was deleted). */
  forgetBucket(bucket: string): void {
    this.files.delete(bucket);
    this.markers.delete(bucket);
  }

  /** The marker of a folder, if it has one. */
  marker(bucket: string, path: string): FolderMarker | undefined {
    return this.markers.get(bucket)?.get(path);
  }

  /** Marks a folder (a `PUT p/`). */
  mark(bucket: string, path: string, marker: FolderMarker): void {
    tableOf(this.markers, bucket).set(path, marker);
  }

  /** Unmarks a folder. */
  unmark(bucket: string, path: string): void {
    this.markers.get(bucket)?.delete(path);
  }
}

function tableOf<T>(tables: Map<string, Map<string, T>>, bucket: string): Map<string, T> {
  let table = tables.get(bucket);
  if (table === undefined) {
    table = new Map();
    tables.set(bucket, table);
  }
  return table;
}

/** The hex MD5 of a file's content, read as a stream. */
export async function md5Of(store: Store, path: string): Promise<string> {
  const hash = createHash("md5");
  for await (const chunk of readableChunks(await store.read(path))) hash.update(chunk);
  return hash.digest("hex");
}
