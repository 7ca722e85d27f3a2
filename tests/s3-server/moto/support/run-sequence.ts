import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { Crc32 } from "@aws-sdk/checksums/crc";
import type { Call, PartList } from "./calls.js";
import { canonical, correctMoto, planForMoto, type MotoDeviation } from "./deviations.js";
import { send, type Outcome, type Shared } from "./send.js";
import { newSide, partList, partsOf, uploadIndex, type Side } from "./side.js";

/**
 * Runs one random call sequence against serveS3 and moto (spec S3S-T05): each call goes to both
 * (moto as {@link planForMoto} decides), every answer is compared, and at the end the buckets'
 * contents — every key with its bytes, ETag, type, metadata and kept headers — and their open
 * uploads. The bucket is emptied and deleted on both afterwards.
 */

/** Where the two servers first disagreed. */
export interface Divergence {
  /** The call's index, or `final` for the bucket contents. */
  readonly at: number | "final";
  readonly call?: Call;
  readonly serveS3: unknown;
  readonly moto: unknown;
}

/** The two clients, and a tally of the moto deviations met. */
export interface Servers {
  readonly serveS3: S3Client;
  readonly moto: S3Client;
  readonly deviations: Map<MotoDeviation, number>;
  /** Sees every agreed answer, e.g. to tally which statuses a run reached. */
  readonly observe?: (call: Call, outcomes: readonly Outcome[]) => void;
}

/** Runs `calls` in a new bucket `bucket` on both servers; `undefined` when they agreed throughout. */
export async function runSequence(servers: Servers, calls: readonly Call[], bucket: string): Promise<Divergence | undefined> {
  const serve = newSide("serveS3", servers.serveS3, bucket);
  const moto = newSide("moto", servers.moto, bucket);
  await Promise.all([serve, moto].map((s) => s.client.send(new CreateBucketCommand({ Bucket: bucket }))));
  try {
    return (await runCalls(servers, serve, moto, calls)) ?? (await compareContents(serve, moto));
  } finally {
    await Promise.all([serve, moto].map((s) => removeBucket(s)));
  }
}

async function runCalls(servers: Servers, serve: Side, moto: Side, calls: readonly Call[]): Promise<Divergence | undefined> {
  const shared: Shared = { etags: new Map() };
  const liveUploads = new Set<number>();
  const found = (deviation: MotoDeviation): void => void servers.deviations.set(deviation, (servers.deviations.get(deviation) ?? 0) + 1);
  for (const [at, call] of calls.entries()) {
    const upload = "upload" in call ? uploadIndex(moto, call.upload) : -1;
    const plan = await planForMoto(call, { upload, liveUploads, side: moto, lastEtags: shared.etags, head: (key) => head(moto, key) });
    if (plan.deviation !== undefined) found(plan.deviation);
    const context = {
      ...(call.op === "complete" ? { completeChecksum: await compositeChecksum(moto, upload, call.parts) } : {}),
      ...(call.op === "list-parts" ? { partChecksums: new Map([...partsOf(moto, upload)].map(([n, part]) => [n, part.checksum])), uploadAlgorithm: moto.uploadAlgorithms[upload] } : {}),
    };
    const served = stable(canonical(await send(serve, call, shared)));
    let agreed: readonly Outcome[];
    if (plan.kind === "answer") {
      const match = plan.alternatives.find((outcomes) => stable(canonical(outcomes)) === served);
      if (match === undefined) return { at, call, serveS3: JSON.parse(served) as unknown, moto: { expected: plan.alternatives, because: plan.reason } };
      agreed = match;
    } else {
      const answered = await send(moto, plan.call, shared, { serialRaces: plan.serialRaces });
      agreed = canonical(correctMoto(call, plan.convert === undefined ? answered : plan.convert(answered), context, found));
      const equivalent = (text: string): boolean => (plan.orMoto === true && text === stable(agreed)) || plan.equivalent?.some((outcomes) => stable(canonical(outcomes)) === text) === true;
      if (served !== stable(agreed) && !(equivalent(served) && equivalent(stable(agreed)))) return { at, call, serveS3: JSON.parse(served) as unknown, moto: agreed };
    }
    servers.observe?.(call, agreed);
    remember(call, agreed, { shared, liveUploads, created: moto.uploads.length - 1, index: upload, uploadKey: moto.uploadKeys[upload] });
  }
  return undefined;
}

/**
 * AWS's checksum of a completed upload created with an algorithm: COMPOSITE, the checksum of the
 * listed parts' binary checksums, base64, `-<parts>` (checking-object-integrity); computed here
 * with the SDK's CRC32 and node's SHA-256, independently of both servers.
 */
async function compositeChecksum(side: Side, upload: number, kind: PartList): Promise<Record<string, string> | undefined> {
  const algorithm = side.uploadAlgorithms[upload];
  const listed = partList(side, upload, kind);
  const parts = partsOf(side, upload);
  const checksums = listed.map((part) => parts.get(part.PartNumber ?? 0)?.checksum);
  if (algorithm === undefined || listed.length === 0 || checksums.some((c) => c === undefined)) return undefined;
  const joined = Buffer.concat(checksums.map((c) => Buffer.from(c as string, "base64")));
  let digest: Uint8Array;
  if (algorithm === "CRC32") {
    const crc = new Crc32();
    crc.update(joined);
    digest = await crc.digest();
  } else {
    digest = createHash("sha256").update(joined).digest();
  }
  return { [`Checksum${algorithm}`]: `${Buffer.from(digest).toString("base64")}-${listed.length}`, ChecksumType: "COMPOSITE" };
}

/** JSON with every object's keys sorted, so that field order does not count. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** Updates what the next calls depend on from the agreed answer: the last ETag per key, and which uploads are open. */
function remember(call: Call, outcomes: readonly Outcome[], state: { shared: Shared; liveUploads: Set<number>; created: number; index: number; uploadKey: string | undefined }): void {
  const first = outcomes[0];
  if (first === undefined || first.code !== undefined) return;
  const etag = (first.value as { ETag?: string } | undefined)?.ETag;
  if ((call.op === "put" || call.op === "copy") && etag !== undefined) state.shared.etags.set(call.key, etag);
  if (call.op === "create-upload") state.liveUploads.add(state.created);
  if (call.op === "complete" || call.op === "abort") state.liveUploads.delete(state.index);
  if (call.op === "complete" && etag !== undefined && state.uploadKey !== undefined) state.shared.etags.set(state.uploadKey, etag);
  if ((call.op === "race-put" || call.op === "race-complete") && etag !== undefined) state.shared.etags.set(call.key, etag);
}

/** The ETag and size of `key` on a side, or `undefined` when it holds none. */
async function head(side: Side, key: string): Promise<{ readonly etag: string; readonly size: number } | undefined> {
  try {
    const out = await side.client.send(new HeadObjectCommand({ Bucket: side.bucket, Key: key }));
    return { etag: out.ETag ?? "", size: out.ContentLength ?? 0 };
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
    throw error;
  }
}

async function allKeys(side: Side): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await side.client.send(new ListObjectsV2Command({ Bucket: side.bucket, ...(token === undefined ? {} : { ContinuationToken: token }) }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ""));
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys;
}

/** Every object (key, bytes, ETag, type, metadata, kept headers) and the keys of the open uploads. */
async function contents(side: Side): Promise<unknown> {
  const shared: Shared = { etags: new Map() };
  const objects: unknown[] = [];
  for (const key of await allKeys(side)) objects.push([key, await send(side, { op: "get", key }, shared)]);
  const uploads = await side.client.send(new ListMultipartUploadsCommand({ Bucket: side.bucket }));
  return { objects, uploads: (uploads.Uploads ?? []).map((u) => u.Key).sort() };
}

async function compareContents(serve: Side, moto: Side): Promise<Divergence | undefined> {
  const [a, b] = await Promise.all([contents(serve), contents(moto)]);
  return stable(a) === stable(b) ? undefined : { at: "final", serveS3: a, moto: b };
}

/** Aborts every open upload, deletes every key, then the bucket. */
async function removeBucket(side: Side): Promise<void> {
  const Bucket = side.bucket;
  const open = await side.client.send(new ListMultipartUploadsCommand({ Bucket }));
  for (const upload of open.Uploads ?? []) await side.client.send(new AbortMultipartUploadCommand({ Bucket, Key: upload.Key, UploadId: upload.UploadId }));
  const keys = await allKeys(side);
  for (let i = 0; i < keys.length; i += 1000) {
    await side.client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }));
  }
  await side.client.send(new DeleteBucketCommand({ Bucket }));
}
