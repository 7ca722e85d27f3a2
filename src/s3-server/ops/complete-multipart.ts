import { readXmlBody } from "../body/small-body.js";
import { checksumElementName, compositeChecksum, createChecksummer, type StoredChecksum } from "../checksums.js";
import { unquote } from "../conditions.js";
import { lockName, type ObjectRequest, type ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import type { PartRecord, UploadRecord } from "../multipart/upload-table.js";
import { queryParam } from "../route.js";
import { quoted, xmlReply, type Reply } from "../responses.js";
import { readableChunks } from "../../shared/streams/stream-chunks.js";
import type { Store } from "../../store/store.js";
import { listOf, parseXml, textOf } from "../xml.js";
import { urlEncode } from "./list-objects.js";
import { checksumElement, multipartEtag } from "./multipart-ops.js";
import { findObject } from "./find-object.js";
import { writeConditions, writeError } from "./write-object.js";

/**
 * CompleteMultipartUpload (spec S3S-123, S3S-124, S3S-128, S3S-062): the part list is checked
 * first (order, existence, ETags, checksums, sizes); then, alone for this upload and under the
 * key's lock, the write conditions, the assembly, and the side-index entry.
 */
export async function completeMultipartUpload(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const id = queryParam(request.query, "uploadId");
  const record = context.uploads.get(id, request.bucket, request.target.key);
  const listed = parsePartList(await readXmlBody(request));
  const parts = checkParts(record, listed, context.minPartSize);
  return context.uploads.exclusive(record.id, async () => {
    context.uploads.get(id, request.bucket, request.target.key);
    return context.locks.run(lockName(request.bucket, record.path), async () => {
      const { overwrite } = await writeConditions(context, request, request.target);
      if (!overwrite && (await findObject(context, request.bucket, request.store, request.target).then(() => true, () => false))) {
        throw new S3Error("PreconditionFailed", undefined, { details: { Condition: "If-None-Match" } });
      }
      let result;
      try {
        result = await record.storage.assemble(parts.map((part) => ({ partNumber: part.partNumber, token: part.token })));
      } catch (error) {
        throw await writeError(request.store, request.target, error);
      }
      context.uploads.remove(record.id);
      const info = result.modifiedAt === undefined ? await request.store.getFileInfo(record.path) : { path: record.path, size: result.size, modifiedAt: result.modifiedAt };
      const etag = multipartEtag(parts);
      const checksum = await objectChecksum(record, parts, request.store);
      context.index.set(request.bucket, info, { etag, checksum, headers: record.settings.headers, partsCount: parts.length });
      return xmlReply("CompleteMultipartUploadResult", {
        Location: `${context.endpoint()}/${urlEncode(request.bucket)}/${urlEncode(record.key)}`,
        Bucket: request.bucket,
        Key: record.key,
        ETag: quoted(etag),
        ...checksumElement(checksum),
      });
    });
  });
}

interface ListedPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly checksums: ReadonlyMap<string, string>;
}

function parsePartList(text: string): ListedPart[] {
  const document = parseXml(text, "CompleteMultipartUpload", ["Part"]);
  const parts = listOf(document, "Part");
  if (parts.length === 0) throw new S3Error("MalformedXML", "CompleteMultipartUpload must list at least one <Part>.");
  return parts.map((part) => {
    const number = textOf(part, "PartNumber")?.trim();
    const etag = textOf(part, "ETag");
    if (number === undefined || !/^\d{1,5}$/.test(number) || etag === undefined) throw new S3Error("MalformedXML", "Every <Part> needs a <PartNumber> and an <ETag>.");
    const checksums = new Map<string, string>();
    for (const name of Object.keys(part)) if (name.startsWith("Checksum")) checksums.set(name, textOf(part, name) ?? "");
    return { partNumber: Number(number), etag: unquote(etag), checksums };
  });
}

/** The stored parts the list names, or the first S3 error of the list (spec S3S-123, S3S-124). */
function checkParts(record: UploadRecord, listed: readonly ListedPart[], minPartSize: number): PartRecord[] {
  for (let i = 1; i < listed.length; i++) {
    if ((listed[i] as ListedPart).partNumber <= (listed[i - 1] as ListedPart).partNumber) throw new S3Error("InvalidPartOrder", undefined, { details: { UploadId: record.id } });
  }
  const parts = listed.map((item) => {
    const part = record.parts.get(item.partNumber);
    const invalid = (): S3Error => new S3Error("InvalidPart", undefined, { details: { UploadId: record.id, PartNumber: String(item.partNumber), ETag: item.etag } });
    if (part === undefined || part.etag !== item.etag) throw invalid();
    for (const [name, value] of item.checksums) {
      if (part.checksum !== undefined && name === checksumElementName(part.checksum.algorithm) && value !== part.checksum.value) throw invalid();
    }
    return part;
  });
  parts.slice(0, -1).forEach((part) => {
    if (part.size < minPartSize) {
      throw new S3Error("EntityTooSmall", undefined, { details: { UploadId: record.id, PartNumber: String(part.partNumber), ProposedSize: String(part.size), MinSizeAllowed: String(minPartSize) } });
    }
  });
  return parts;
}

/** The object's checksum after completion (spec S3S-062): composite over the parts, or over the whole object. */
async function objectChecksum(record: UploadRecord, parts: readonly PartRecord[], store: Store): Promise<StoredChecksum | undefined> {
  const algorithm = record.checksumAlgorithm;
  if (algorithm === undefined) return undefined;
  if (record.checksumType === "COMPOSITE") {
    const values = parts.map((part) => part.checksum?.value ?? "");
    return { algorithm, value: await compositeChecksum(algorithm, values), type: "COMPOSITE" };
  }
  const checksummer = createChecksummer(algorithm);
  for await (const chunk of readableChunks(await store.read(record.path))) checksummer.update(chunk);
  return { algorithm, value: Buffer.from(await checksummer.digest()).toString("base64"), type: "FULL_OBJECT" };
}
