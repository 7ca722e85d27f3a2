import { createHash } from "node:crypto";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import { MAX_PART_NUMBER } from "../../store/multipart-upload.js";
import { planBody } from "../body/body-plan.js";
import { RequestBody } from "../body/request-body.js";
import { checksumElementName, multipartTypes, parseAlgorithm, type ChecksumAlgorithm, type ChecksumType, type StoredChecksum } from "../checksums.js";
import { checkCopySourceConditions } from "../conditions.js";
import { bodySource, type ObjectRequest, type ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import { NativeParts, StagedParts, type PartStorage } from "../multipart/part-storage.js";
import type { PartRecord, UploadRecord } from "../multipart/upload-table.js";
import { checksumHeaders, objectSettings, storeWriteOptions, type ObjectSettings } from "../object-headers.js";
import { copySourceRange } from "../range.js";
import { queryParam } from "../route.js";
import { quoted, xmlReply, xmlTime, type Reply } from "../responses.js";
import { copySourceObject } from "./find-object.js";
import { streamCopy } from "./copy-object.js";
import { writeError } from "./write-object.js";

/** CreateMultipartUpload (spec S3S-120, S3S-062). */
export async function createMultipartUpload(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const { target } = request;
  if (target.kind === "folder") throw new S3Error("InvalidArgument", `The key ${JSON.stringify(target.key)} names a folder; it cannot be uploaded to.`, { details: { ArgumentName: "key" } });
  const settings = objectSettings(request.headers);
  const { algorithm, type } = uploadChecksum(request.headers.get("x-amz-checksum-algorithm"), request.headers.get("x-amz-checksum-type"));
  const id = context.uploads.newId();
  const storage = await partStorage(context, request, settings, id);
  const record: UploadRecord = { id, bucket: request.bucket, key: target.key, path: target.path, initiated: context.clock(), settings, checksumAlgorithm: algorithm, checksumType: type, parts: new Map(), storage };
  context.uploads.add(record);
  const headers = algorithm === undefined ? {} : { "x-amz-checksum-algorithm": algorithm, "x-amz-checksum-type": type };
  return xmlReply("InitiateMultipartUploadResult", { Bucket: request.bucket, Key: target.key, UploadId: id }, headers);
}

function uploadChecksum(named: string | undefined, typeName: string | undefined): { algorithm: ChecksumAlgorithm | undefined; type: ChecksumType | undefined } {
  if (named === undefined) {
    if (typeName !== undefined) throw new S3Error("InvalidRequest", "x-amz-checksum-type needs x-amz-checksum-algorithm.");
    return { algorithm: undefined, type: undefined };
  }
  const algorithm = parseAlgorithm(named);
  const types = multipartTypes(algorithm);
  const type = (typeName?.toUpperCase() ?? types[0]) as ChecksumType;
  if (!types.includes(type)) throw new S3Error("InvalidRequest", `The ${algorithm} algorithm supports the checksum type${types.length > 1 ? "s" : ""} ${types.join(", ")} for multipart uploads, not ${typeName}.`);
  return { algorithm, type };
}

/** The store's own multipart upload when it has one, else the server's staging store (spec S3S-120). */
async function partStorage(context: ServerContext, request: ObjectRequest, settings: ObjectSettings, id: string): Promise<PartStorage> {
  const { store, target } = request;
  if (!store.supports("multipart")) return new StagedParts(context.staging(), id, { store, path: target.path, settings });
  try {
    return new NativeParts(await store.startMultipartUpload(target.path, storeWriteOptions(settings, true)));
  } catch (error) {
    throw await writeError(store, target, error);
  }
}

/** `partNumber`: an integer in 1..10,000 (spec S3S-121). */
function partNumberOf(request: ObjectRequest): number {
  const text = queryParam(request.query, "partNumber") ?? "";
  const n = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= MAX_PART_NUMBER)) throw new S3Error("InvalidArgument", `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`, { details: { ArgumentName: "partNumber", ArgumentValue: text } });
  return n;
}

async function storePart(record: UploadRecord, partNumber: number, content: AsyncIterable<Uint8Array>): Promise<string> {
  try {
    return await record.storage.put(partNumber, content);
  } catch (error) {
    if (isRemoteStoreError(error, "NOT_FOUND")) throw new S3Error("NoSuchUpload", undefined, { details: { UploadId: record.id }, cause: error });
    throw error;
  }
}

/** UploadPart (spec S3S-121): the part streams into the upload's part storage. */
export async function uploadPart(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const partNumber = partNumberOf(request);
  const record = context.uploads.get(queryParam(request.query, "uploadId"), request.bucket, request.target.key);
  const plan = planBody(request.headers, request.auth);
  if (plan.checksum !== undefined && record.checksumAlgorithm !== undefined && plan.checksum.algorithm !== record.checksumAlgorithm) {
    throw new S3Error("InvalidRequest", `Checksum Type mismatch occurred, expected checksum Type: ${record.checksumAlgorithm.toLowerCase()}, actual checksum Type: ${plan.checksum.algorithm.toLowerCase()}`);
  }
  const body = new RequestBody(bodySource(request.req), plan, { computeAlgorithm: record.checksumAlgorithm });
  const token = await storePart(record, partNumber, body.content);
  const { size, md5, checksum } = body.received;
  const part: PartRecord = { partNumber, size, etag: md5.toString("hex"), checksum, lastModified: context.clock(), token };
  record.parts.set(partNumber, part);
  return { status: 200, headers: { etag: quoted(part.etag), ...checksumHeaders(checksum) } };
}

/** UploadPartCopy (spec S3S-122): a source object (or a range of it) becomes a part. */
export async function uploadPartCopy(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const partNumber = partNumberOf(request);
  const record = context.uploads.get(queryParam(request.query, "uploadId"), request.bucket, request.target.key);
  const source = await copySourceObject(context, request.headers);
  checkCopySourceConditions(request.headers, { etag: source.attributes.etag, lastModified: source.lastModified });
  const range = copySourceRange(request.headers.get("x-amz-copy-source-range"), source.size);
  const copied = await streamCopy(source, record.checksumAlgorithm, range === undefined ? undefined : { offset: range.start, length: range.end - range.start + 1 });
  let size = 0;
  const token = await storePart(record, partNumber, counted(copied.content, (n) => (size = n)));
  const checksum = await copied.checksum();
  const part: PartRecord = { partNumber, size, etag: copied.md5Hex(), checksum, lastModified: context.clock(), token };
  record.parts.set(partNumber, part);
  return xmlReply("CopyPartResult", { ETag: quoted(part.etag), LastModified: xmlTime(part.lastModified), ...checksumElement(checksum) });
}

async function* counted(content: AsyncIterable<Uint8Array>, report: (size: number) => void): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of content) {
    size += chunk.length;
    report(size);
    yield chunk;
  }
}

/** `<ChecksumXXX>` and `<ChecksumType>` of a checksum, for XML results. */
export function checksumElement(checksum: StoredChecksum | undefined): Record<string, string> {
  return checksum === undefined ? {} : { [checksumElementName(checksum.algorithm)]: checksum.value, ChecksumType: checksum.type };
}

/** AbortMultipartUpload (spec S3S-125). */
export async function abortMultipartUpload(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const id = queryParam(request.query, "uploadId");
  const record = context.uploads.get(id, request.bucket, request.target.key);
  await context.uploads.exclusive(record.id, async () => {
    const current = context.uploads.get(id, request.bucket, request.target.key);
    context.uploads.remove(current.id);
    await current.storage.discard();
  });
  return { status: 204 };
}

/** The hex MD5 of the concatenated binary MD5s of the parts, then `-<parts>` (spec S3S-071). */
export function multipartEtag(parts: readonly PartRecord[]): string {
  const hash = createHash("md5");
  for (const part of parts) hash.update(Buffer.from(part.etag, "hex"));
  return `${hash.digest("hex")}-${parts.length}`;
}
