import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type CopyObjectCommandInput,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { RemoteStoreError } from "../../errors/remote-store-error.js";
import type { Metadata } from "../../contract/models.js";
import { mapS3Error, isMissing, type ErrorContext } from "./errors.js";
import { decodeMetadata } from "./metadata-codec.js";
import { MARKER_CONTENT_TYPE } from "./names.js";

/** What a HEAD tells about an object (spec S3-040). */
export interface ObjectHead {
  readonly size: number;
  /** S3's `LastModified`, truncated to whole seconds. */
  readonly lastModified: Date;
  readonly contentType: string | undefined;
  /** Decoded user metadata. */
  readonly metadata: Metadata | undefined;
  /** The carried-over modification time (spec S3-037), if any. */
  readonly mtime: number | undefined;
  /** The stored user metadata exactly as S3 returned it (for copies that must re-send it). */
  readonly rawMetadata: Readonly<Record<string, string>>;
  /** Standard headers a metadata-replacing copy re-sends. */
  readonly headers: ObjectHeaders;
}

/** Standard object headers other tools may have set, kept by copies and moves. */
export interface ObjectHeaders {
  readonly CacheControl?: string;
  readonly ContentDisposition?: string;
  readonly ContentEncoding?: string;
  readonly ContentLanguage?: string;
}

/** One key of a listing. */
export interface ListedKey {
  readonly key: string;
  readonly size: number;
  /** Truncated to whole seconds, like {@link ObjectHead.lastModified}. */
  readonly lastModified: Date;
  /** The object's ETag, when the listing gives one (watch polls compare it, spec WATCH-060). */
  readonly etag?: string;
}

/** Everything a (possibly paginated) listing returned. */
export interface KeyListing {
  readonly keys: ListedKey[];
  /** Common prefixes (delimiter listings only). */
  readonly prefixes: string[];
}

/** Options of a PUT. */
export interface PutOptions {
  readonly contentType: string;
  /** Encoded metadata (`x-amz-meta-*` names without the prefix). */
  readonly metadata: Record<string, string>;
  /** Send `If-None-Match: *`. */
  readonly exclusive: boolean;
}

/** Largest number of keys one DeleteObjects request takes. */
const DELETE_BATCH = 1000;

/**
 * The S3 requests the backend makes, each mapping its failure to a library error for the
 * backend path it serves (spec S3-090). Knows the bucket but not the backend's semantics.
 */
export class ObjectApi {
  readonly client: S3Client;
  readonly bucket: string;
  private readonly context: ErrorContext;
  private readonly pageSize: number;

  constructor(parts: { client: S3Client; context: ErrorContext; pageSize: number }) {
    this.client = parts.client;
    this.bucket = parts.context.bucket;
    this.context = parts.context;
    this.pageSize = parts.pageSize;
  }

  /** Maps a failure for backend path `path`. */
  fail(error: unknown, path: string): RemoteStoreError {
    return mapS3Error(error, path, this.context);
  }

  /** Runs one request, mapping its failure for backend path `path`. */
  async call<T>(path: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.fail(error, path);
    }
  }

  /** HEAD of `key`, or `undefined` when there is no such object. */
  async head(key: string, path: string): Promise<ObjectHead | undefined> {
    try {
      const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const decoded = decodeMetadata(r.Metadata);
      return {
        size: r.ContentLength ?? 0,
        lastModified: wholeSeconds(r.LastModified),
        contentType: r.ContentType,
        metadata: decoded.metadata,
        mtime: decoded.mtime,
        rawMetadata: r.Metadata ?? {},
        headers: pick({ CacheControl: r.CacheControl, ContentDisposition: r.ContentDisposition, ContentEncoding: r.ContentEncoding, ContentLanguage: r.ContentLanguage }),
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw this.fail(error, path);
    }
  }

  /** True when at least one key starts with `prefix`. */
  async hasKeysUnder(prefix: string, path: string): Promise<boolean> {
    try {
      const r = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: 1 }));
      return (r.KeyCount ?? 0) > 0 || (r.Contents?.length ?? 0) > 0 || (r.CommonPrefixes?.length ?? 0) > 0;
    } catch (error) {
      throw this.fail(error, path);
    }
  }

  /** Up to `limit` keys below `prefix` (one request), for emptiness checks. */
  async someKeys(prefix: string, limit: number, path: string): Promise<string[]> {
    try {
      const r = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: limit, EncodingType: "url" }));
      const encoded = r.EncodingType === "url";
      return (r.Contents ?? []).map((o) => decodeListedKey(o.Key ?? "", encoded));
    } catch (error) {
      throw this.fail(error, path);
    }
  }

  /**
   * Every key below `prefix`, page after page until the listing is complete (spec S3-050); with
   * `delimiter: true` only the keys directly below it, and the next level as common prefixes.
   */
  async listAll(prefix: string, options: { delimiter: boolean }, path: string): Promise<KeyListing> {
    const keys: ListedKey[] = [];
    const prefixes = new Set<string>();
    let token: string | undefined;
    let startAfter: string | undefined;
    try {
      for (;;) {
        const r = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            MaxKeys: this.pageSize,
            EncodingType: "url",
            ...(options.delimiter ? { Delimiter: "/" } : {}),
            ...(token === undefined ? {} : { ContinuationToken: token }),
            ...(token === undefined && startAfter !== undefined ? { StartAfter: startAfter } : {}),
          }),
        );
        const encoded = r.EncodingType === "url";
        let last: string | undefined;
        for (const object of r.Contents ?? []) {
          if (object.Key === undefined) continue;
          last = decodeListedKey(object.Key, encoded);
          keys.push({ key: last, size: object.Size ?? 0, lastModified: wholeSeconds(object.LastModified), ...(object.ETag === undefined ? {} : { etag: object.ETag }) });
        }
        for (const common of r.CommonPrefixes ?? []) if (common.Prefix !== undefined) prefixes.add(decodeListedKey(common.Prefix, encoded));
        if (r.IsTruncated !== true) break;
        token = r.NextContinuationToken;
        if (token === undefined) {
          if (last === undefined || last === startAfter) break;
          startAfter = last;
        }
      }
    } catch (error) {
      throw this.fail(error, path);
    }
    return { keys, prefixes: [...prefixes] };
  }

  /**
   * GET of `key` (a `Range` header when `range` is given). Resolves to the body and the first
   * and last byte it spans (from `Content-Range`; `0` and `undefined` when the server sent the
   * whole object).
   * Rejects with the native error, unmapped.
   */
  async getRaw(key: string, range: string | undefined): Promise<{ body: GetBody; start: number; end: number | undefined }> {
    const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(range === undefined ? {} : { Range: range }) }));
    if (r.Body === undefined) throw new Error("S3 returned no body");
    const served = r.ContentRange === undefined ? undefined : /^bytes (\d+)-(\d+)\/(?:\d+|\*)$/.exec(r.ContentRange.trim());
    if (served === null || served === undefined) return { body: r.Body as GetBody, start: 0, end: undefined };
    return { body: r.Body as GetBody, start: Number(served[1]), end: Number(served[2]) };
  }

  /** PUT of a whole body. */
  async put(key: string, body: Uint8Array, options: PutOptions, path: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: options.contentType,
          Metadata: options.metadata,
          ...(options.exclusive ? { IfNoneMatch: "*" } : {}),
        }),
      );
    } catch (error) {
      throw this.fail(error, path);
    }
  }

  /** Writes the zero-byte folder marker `key` (spec S3-010). */
  async putMarker(key: string, path: string): Promise<void> {
    await this.put(key, new Uint8Array(0), { contentType: MARKER_CONTENT_TYPE, metadata: {}, exclusive: false }, path);
  }

  /** Server-side copy within the bucket (one request, objects up to 5 GiB). */
  async copy(srcKey: string, dstKey: string, input: Partial<CopyObjectCommandInput>, path: string): Promise<void> {
    try {
      await this.client.send(new CopyObjectCommand({ ...input, Bucket: this.bucket, Key: dstKey, CopySource: this.copySource(srcKey) }));
    } catch (error) {
      throw this.fail(error, path);
    }
  }

  /** `bucket/key` URL-encoded per segment, as `x-amz-copy-source` expects (spec S3-070). */
  copySource(key: string): string {
    return `${encodeURIComponent(this.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  }

  /** Deletes one key (a missing key is no error on S3). */
  async delete(key: string, path: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw this.fail(error, path);
    }
  }

  /** Deletes many keys, 1,000 per request. */
  async deleteMany(keys: readonly string[], path: string): Promise<void> {
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      let failed: { Code?: string | undefined; Key?: string | undefined; Message?: string | undefined } | undefined;
      try {
        const r = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
        );
        failed = r.Errors?.[0];
      } catch (error) {
        throw this.fail(error, path);
      }
      if (failed !== undefined) {
        const error = Object.assign(new Error(failed.Message ?? "DeleteObjects failed"), { name: failed.Code ?? "DeleteFailed" });
        throw this.fail(error, path);
      }
    }
  }
}

/** The body of a GET as the SDK returns it. */
export interface GetBody {
  transformToByteArray(): Promise<Uint8Array>;
  transformToWebStream(): ReadableStream<Uint8Array>;
}

/** A Date truncated to whole seconds (HTTP dates carry no milliseconds), or the epoch. */
export function wholeSeconds(date: Date | undefined): Date {
  const t = date?.getTime() ?? 0;
  return new Date(Math.floor(t / 1000) * 1000);
}

function decodeListedKey(key: string, encoded: boolean): string {
  if (!encoded) return key;
  try {
    return decodeURIComponent(key.replaceAll("+", " "));
  } catch {
    return key;
  }
}

function pick<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}
