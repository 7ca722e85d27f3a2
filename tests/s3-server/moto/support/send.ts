import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  type ListObjectsCommandOutput,
  type ListObjectsV2CommandOutput,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { BODIES, type Call, type Conditions, type DateRef, type EtagRef, type ObjectAttributes } from "./calls.js";
import { BOGUS_ETAG, NEVER_AN_UPLOAD, partList, partsOf, uploadIndex, uploadKey, type Side } from "./side.js";

/**
 * Sends the calls of the differential (spec S3S-T05) to one server with the raw SDK and turns
 * each answer into a comparable {@link Outcome}: the HTTP status, the S3 error code, and the
 * fields that matter — never times, request ids or upload ids, which differ by nature.
 */

/** What both servers share in a sequence: the last ETag written per key (ETags are MD5s, the same on both). */
export interface Shared {
  readonly etags: Map<string, string>;
}

/** A comparable answer. */
export interface Outcome {
  readonly status: number;
  /** The S3 error code (the SDK's error name). */
  readonly code?: string;
  /** The fields of a success that matter. */
  readonly value?: unknown;
}

const DATES: Readonly<Record<DateRef, Date>> = { past: new Date("2001-01-01T00:00:00Z"), future: new Date("2099-01-01T00:00:00Z") };

function etagOf(ref: EtagRef, key: string, shared: Shared): string {
  return ref === "last" ? (shared.etags.get(key) ?? BOGUS_ETAG) : BOGUS_ETAG;
}

function attributesOf(call: ObjectAttributes): Record<string, unknown> {
  return {
    ...(call.metadata === undefined ? {} : { Metadata: { ...call.metadata } }),
    ...(call.contentType === undefined ? {} : { ContentType: call.contentType }),
    ...(call.cacheControl === undefined ? {} : { CacheControl: call.cacheControl }),
    ...(call.contentDisposition === undefined ? {} : { ContentDisposition: call.contentDisposition }),
  };
}

function conditionsOf(conditions: Conditions | undefined, key: string, shared: Shared): Record<string, unknown> {
  if (conditions === undefined) return {};
  return {
    ...(conditions.ifMatch === undefined ? {} : { IfMatch: etagOf(conditions.ifMatch, key, shared) }),
    ...(conditions.ifNoneMatch === undefined ? {} : { IfNoneMatch: etagOf(conditions.ifNoneMatch, key, shared) }),
    ...(conditions.ifModifiedSince === undefined ? {} : { IfModifiedSince: DATES[conditions.ifModifiedSince] }),
    ...(conditions.ifUnmodifiedSince === undefined ? {} : { IfUnmodifiedSince: DATES[conditions.ifUnmodifiedSince] }),
  };
}

/** The named fields of an SDK output that are present. */
function pick(output: object, names: readonly string[]): Record<string, unknown> {
  const record = output as Record<string, unknown>;
  return Object.fromEntries(names.filter((name) => record[name] !== undefined).map((name) => [name, record[name]]));
}

const CHECKSUMS = ["ChecksumCRC32", "ChecksumCRC32C", "ChecksumCRC64NVME", "ChecksumSHA1", "ChecksumSHA256", "ChecksumType"];
const OBJECT_FIELDS = ["ETag", "ContentLength", "ContentType", "ContentRange", "Metadata", "CacheControl", "ContentDisposition", "AcceptRanges", ...CHECKSUMS];

/** The S3 error of a failed call, as an outcome. */
export function failure(error: unknown): Outcome {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  if (status === undefined) throw error;
  // HEAD errors have no body: the SDK names them by status (NotFound, Unknown, or the number).
  return { status, ...(e.name === undefined ? {} : { code: e.name }) };
}

async function attempt(action: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await action();
  } catch (error) {
    return failure(error);
  }
}

function bytesText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** How to send. */
export interface SendOptions {
  /** Send the two requests of a race one after the other instead of at once. */
  readonly serialRaces?: boolean;
}

/** Sends one call; a listing sends every page and answers one outcome per page. */
export async function send(side: Side, call: Call, shared: Shared, options: SendOptions = {}): Promise<Outcome[]> {
  const { client } = side;
  const Bucket = side.bucket;
  switch (call.op) {
    case "put": {
      const Body = BODIES[call.body] as Uint8Array;
      const checksum = call.checksum === undefined ? {} : call.checksum.wrong ? { ChecksumAlgorithm: call.checksum.algorithm, [`Checksum${call.checksum.algorithm}`]: wrongChecksum(call.checksum.algorithm) } : { ChecksumAlgorithm: call.checksum.algorithm };
      const conditions = { ...(call.ifNoneMatch === true ? { IfNoneMatch: "*" } : {}), ...(call.ifMatch === undefined ? {} : { IfMatch: etagOf(call.ifMatch, call.key, shared) }) };
      return [await attempt(async () => {
        const out = await client.send(new PutObjectCommand({ Bucket, Key: call.key, Body, ContentLength: Body.length, ...attributesOf(call), ...checksum, ...conditions }));
        return { status: out.$metadata.httpStatusCode ?? 0, value: pick(out, ["ETag", ...CHECKSUMS]) };
      })];
    }
    case "get":
    case "head": {
      const input = { Bucket, Key: call.key, ...(call.range === undefined ? {} : { Range: call.range }), ...conditionsOf(call.conditions, call.key, shared), ...(call.checksumMode === true ? { ChecksumMode: "ENABLED" as const } : {}) };
      return [await attempt(async () => {
        if (call.op === "head") {
          const out = await client.send(new HeadObjectCommand(input));
          return { status: out.$metadata.httpStatusCode ?? 0, value: pick(out, OBJECT_FIELDS) };
        }
        const out = await client.send(new GetObjectCommand(input));
        const body = bytesText((await out.Body?.transformToByteArray()) ?? new Uint8Array());
        return { status: out.$metadata.httpStatusCode ?? 0, value: { ...pick(out, OBJECT_FIELDS), body } };
      })];
    }
    case "copy":
      return [await attempt(async () => {
        const out = await client.send(new CopyObjectCommand({
          Bucket, Key: call.key, CopySource: `${Bucket}/${encodeURIComponent(call.source).replaceAll("%2F", "/")}`,
          ...(call.directive === undefined ? {} : { MetadataDirective: call.directive }),
          ...(call.sourceIfMatch === undefined ? {} : { CopySourceIfMatch: etagOf(call.sourceIfMatch, call.source, shared) }),
          ...(call.ifNoneMatch === true ? { IfNoneMatch: "*" } : {}),
          ...attributesOf(call),
        }));
        return { status: out.$metadata.httpStatusCode ?? 0, value: { ETag: out.CopyObjectResult?.ETag } };
      })];
    case "delete":
      return [await attempt(async () => ({ status: (await client.send(new DeleteObjectCommand({ Bucket, Key: call.key }))).$metadata.httpStatusCode ?? 0 }))];
    case "delete-many":
      return [await attempt(async () => {
        const out = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: call.keys.map((Key) => ({ Key })), Quiet: call.quiet } }));
        return { status: out.$metadata.httpStatusCode ?? 0, value: { deleted: (out.Deleted ?? []).map((d) => d.Key).sort(), errors: (out.Errors ?? []).map((e) => [e.Key, e.Code]) } };
      })];
    case "list-v2":
      return listV2(side, call);
    case "list-v1":
      return [await attempt(async () => {
        const out = await client.send(new ListObjectsCommand({ Bucket, ...listParams(call) }));
        return { status: out.$metadata.httpStatusCode ?? 0, value: { ...listing(out), ...pick(out, ["Marker", "NextMarker"]) } };
      })];
    case "create-upload":
      return [await attempt(async () => {
        const out = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: call.key, ...attributesOf(call), ...(call.checksumAlgorithm === undefined ? {} : { ChecksumAlgorithm: call.checksumAlgorithm }) }));
        side.uploads.push(out.UploadId ?? "");
        side.uploadKeys.push(call.key);
        side.uploadAlgorithms.push(call.checksumAlgorithm);
        return { status: out.$metadata.httpStatusCode ?? 0, value: pick(out, ["Key", "ChecksumAlgorithm"]) };
      })];
    case "upload-part": {
      const index = uploadIndex(side, call.upload);
      const Body = BODIES[call.body] as Uint8Array;
      // As lib-storage does: a part of an upload created with a checksum algorithm carries that checksum.
      const algorithm = side.uploadAlgorithms[index];
      return [await attempt(async () => {
        const out = await client.send(new UploadPartCommand({ Bucket, Key: uploadKey(side, index), UploadId: side.uploads[index] ?? NEVER_AN_UPLOAD, PartNumber: call.partNumber, Body, ContentLength: Body.length, ...(algorithm === undefined ? {} : { ChecksumAlgorithm: algorithm as "CRC32" }) }));
        const checksum = algorithm === undefined ? undefined : (out as unknown as Record<string, string | undefined>)[`Checksum${algorithm}`];
        if (out.ETag !== undefined) partsOf(side, index).set(call.partNumber, { etag: out.ETag, size: Body.length, ...(checksum === undefined ? {} : { checksum }) });
        return { status: out.$metadata.httpStatusCode ?? 0, value: pick(out, ["ETag", ...CHECKSUMS]) };
      })];
    }
    case "list-parts": {
      const index = uploadIndex(side, call.upload);
      return [await attempt(async () => {
        const out = await client.send(new ListPartsCommand({ Bucket, Key: uploadKey(side, index), UploadId: side.uploads[index] ?? NEVER_AN_UPLOAD, ...pick({ MaxParts: call.maxParts, PartNumberMarker: call.partNumberMarker === undefined ? undefined : String(call.partNumberMarker) }, ["MaxParts", "PartNumberMarker"]) }));
        return { status: out.$metadata.httpStatusCode ?? 0, value: { parts: (out.Parts ?? []).map((p) => pick(p, ["PartNumber", "ETag", "Size", ...CHECKSUMS])), ...pick(out, ["IsTruncated", "NextPartNumberMarker", "MaxParts"]) } };
      })];
    }
    case "list-uploads":
      return [await attempt(async () => {
        const out = await client.send(new ListMultipartUploadsCommand({ Bucket, ...(call.prefix === undefined ? {} : { Prefix: call.prefix }) }));
        const uploads = (out.Uploads ?? []).map((u) => ({ Key: u.Key, upload: side.uploads.indexOf(u.UploadId ?? "") }));
        return { status: out.$metadata.httpStatusCode ?? 0, value: { uploads, ...pick(out, ["IsTruncated", "Prefix"]) } };
      })];
    case "complete": {
      const index = uploadIndex(side, call.upload);
      return [await attempt(async () => {
        const out = await client.send(new CompleteMultipartUploadCommand({ Bucket, Key: uploadKey(side, index), UploadId: side.uploads[index] ?? NEVER_AN_UPLOAD, MultipartUpload: { Parts: partList(side, index, call.parts) }, ...(call.ifNoneMatch === true ? { IfNoneMatch: "*" } : {}) }));
        return { status: out.$metadata.httpStatusCode ?? 0, value: pick(out, ["Key", "ETag", ...CHECKSUMS]) };
      })];
    }
    case "abort": {
      const index = uploadIndex(side, call.upload);
      return [await attempt(async () => ({ status: (await client.send(new AbortMultipartUploadCommand({ Bucket, Key: uploadKey(side, index), UploadId: side.uploads[index] ?? NEVER_AN_UPLOAD }))).$metadata.httpStatusCode ?? 0 }))];
    }
    case "race-put": {
      const Body = BODIES[call.body] as Uint8Array;
      const put = () =>
        attempt(async () => {
          const out = await client.send(new PutObjectCommand({ Bucket, Key: call.key, Body, ContentLength: Body.length, IfNoneMatch: "*" }));
          return { status: out.$metadata.httpStatusCode ?? 0, value: { ETag: out.ETag } };
        });
      return [sortedStatuses(options.serialRaces === true ? [await put(), await put()] : await Promise.all([put(), put()]))];
    }
    case "race-complete":
      return [sortedStatuses(await raceComplete(side, call.key, call.body, { concurrent: options.serialRaces !== true }))];
    case "presigned-get":
      return [await presignedGet(side, call.key, call.tamper)];
  }
}

/** Two uploads of the same one part to `key`, completed with `If-None-Match: *` — at once, or one after the other. */
export async function raceComplete(side: Side, key: string, body: number, { concurrent }: { readonly concurrent: boolean }): Promise<Outcome[]> {
  const Bucket = side.bucket;
  const Body = BODIES[body] as Uint8Array;
  const started = await Promise.all([0, 1].map(() => side.client.send(new CreateMultipartUploadCommand({ Bucket, Key: key }))));
  const parts = await Promise.all(started.map((s) => side.client.send(new UploadPartCommand({ Bucket, Key: key, UploadId: s.UploadId, PartNumber: 1, Body, ContentLength: Body.length }))));
  const complete = (i: number): Promise<Outcome> =>
    attempt(async () => {
      const out = await side.client.send(new CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId: started[i]?.UploadId, IfNoneMatch: "*", MultipartUpload: { Parts: [{ PartNumber: 1, ETag: parts[i]?.ETag }] } }));
      return { status: out.$metadata.httpStatusCode ?? 0, value: { ETag: out.ETag } };
    });
  const outcomes = concurrent ? await Promise.all([complete(0), complete(1)]) : [await complete(0), await complete(1)];
  // The loser's upload stays open, as on S3; abort it so that upload listings stay comparable.
  await Promise.all(started.map((s) => side.client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: s.UploadId })).catch(() => undefined)));
  return outcomes;
}

/** The statuses of a race, sorted, and the ETag the winner wrote (both servers compute the same). */
function sortedStatuses(outcomes: readonly Outcome[]): Outcome {
  const statuses = outcomes.map((o) => `${o.status}${o.code === undefined ? "" : ` ${o.code}`}`).sort();
  const etag = outcomes.map((o) => (o.value as { ETag?: string } | undefined)?.ETag).find((e) => e !== undefined);
  return { status: 200, value: { statuses, ...(etag === undefined ? {} : { ETag: etag }) } };
}

async function presignedGet(side: Side, key: string, tamper: boolean): Promise<Outcome> {
  const url = await getSignedUrl(side.client, new GetObjectCommand({ Bucket: side.bucket, Key: key }), { expiresIn: 300 });
  const used = tamper ? url.replace(/X-Amz-Signature=([0-9a-f])/, (_, c: string) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`) : url;
  const response = await fetch(used);
  const text = await response.text();
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  return response.ok ? { status: response.status, value: { body: Buffer.from(text).toString("base64"), etag: response.headers.get("etag") } } : { status: response.status, ...(code === undefined ? {} : { code }) };
}

async function listV2(side: Side, call: Extract<Call, { op: "list-v2" }>): Promise<Outcome[]> {
  const pages: Outcome[] = [];
  let token: string | undefined;
  do {
    const page = await attempt(async () => {
      const out = await side.client.send(new ListObjectsV2Command({ Bucket: side.bucket, ...listParams(call), ...(call.startAfter === undefined ? {} : { StartAfter: call.startAfter }), ...(token === undefined ? {} : { ContinuationToken: token }) }));
      token = out.IsTruncated === true ? out.NextContinuationToken : undefined;
      return { status: out.$metadata.httpStatusCode ?? 0, value: { ...listing(out), ...pick(out, ["KeyCount", "StartAfter"]) } };
    });
    pages.push(page);
    if (page.code !== undefined) token = undefined;
  } while (token !== undefined && call.onePage !== true && pages.length < 40);
  return pages;
}

function listParams(call: { readonly prefix?: string; readonly delimiter?: string; readonly maxKeys?: number; readonly marker?: string }): Record<string, unknown> {
  return {
    ...(call.prefix === undefined ? {} : { Prefix: call.prefix }),
    ...(call.delimiter === undefined ? {} : { Delimiter: call.delimiter }),
    ...(call.maxKeys === undefined ? {} : { MaxKeys: call.maxKeys }),
    ...(call.marker === undefined ? {} : { Marker: call.marker }),
  };
}

function listing(out: ListObjectsCommandOutput | ListObjectsV2CommandOutput): Record<string, unknown> {
  return {
    contents: (out.Contents ?? []).map((o) => [o.Key, o.Size, o.ETag, o.StorageClass]),
    prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix),
    ...pick(out, ["IsTruncated", "Prefix", "Delimiter", "MaxKeys"]),
  };
}

function wrongChecksum(algorithm: string): string {
  const length = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32 }[algorithm] ?? 4;
  return Buffer.alloc(length, 0xab).toString("base64");
}
