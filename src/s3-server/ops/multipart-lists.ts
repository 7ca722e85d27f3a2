import { compareCodePoints } from "../../paths/compare.js";
import type { BucketRequest, ObjectRequest, ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import type { UploadRecord } from "../multipart/upload-table.js";
import { queryParam } from "../route.js";
import { quoted, xmlReply, xmlTime, type Reply } from "../responses.js";
import { encodingOf, OWNER, pageSize } from "./list-objects.js";
import { checksumElement } from "./multipart-ops.js";

/** The query parameters of ListParts. */
export const LIST_PARTS_PARAMS = ["uploadId", "max-parts", "part-number-marker"];
/** The query parameters of ListMultipartUploads. */
export const LIST_UPLOADS_PARAMS = ["uploads", "prefix", "delimiter", "key-marker", "upload-id-marker", "max-uploads", "encoding-type"];

/** ListParts (spec S3S-126): parts in number order after `part-number-marker`, `max-parts` at a time. */
export async function listParts(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const record = context.uploads.get(queryParam(request.query, "uploadId"), request.bucket, request.target.key);
  const max = pageSize(queryParam(request.query, "max-parts"), "max-parts");
  const markerText = queryParam(request.query, "part-number-marker") ?? "0";
  if (!/^\d{1,5}$/.test(markerText)) throw new S3Error("InvalidArgument", "part-number-marker must be a non-negative integer.", { details: { ArgumentName: "part-number-marker" } });
  const marker = Number(markerText);
  const after = [...record.parts.values()].filter((part) => part.partNumber > marker).sort((a, b) => a.partNumber - b.partNumber);
  const page = after.slice(0, max);
  const truncated = max > 0 && after.length > max;
  return xmlReply("ListPartsResult", {
    Bucket: request.bucket,
    Key: record.key,
    UploadId: record.id,
    PartNumberMarker: marker,
    NextPartNumberMarker: page.at(-1)?.partNumber ?? marker,
    MaxParts: max,
    IsTruncated: truncated,
    Part: page.map((part) => ({ PartNumber: part.partNumber, LastModified: xmlTime(part.lastModified), ETag: quoted(part.etag), Size: part.size, ...checksumElement(part.checksum) })),
    Initiator: { ID: OWNER.ID, DisplayName: OWNER.DisplayName },
    Owner: { DisplayName: OWNER.DisplayName, ID: OWNER.ID },
    StorageClass: "STANDARD",
    ChecksumAlgorithm: record.checksumAlgorithm,
    ChecksumType: record.checksumType,
  });
}

type UploadEntry = { readonly kind: "upload"; readonly key: string; readonly record: UploadRecord } | { readonly kind: "prefix"; readonly key: string };

function byKeyThenAge(a: UploadRecord, b: UploadRecord): number {
  return compareCodePoints(a.key, b.key) || a.initiated.getTime() - b.initiated.getTime() || compareCodePoints(a.id, b.id);
}

/**
 * ListMultipartUploads (spec S3S-127): the bucket's open uploads by key, then initiation time,
 * then id; keys rolled up by `delimiter`; paginated by `key-marker`/`upload-id-marker`.
 */
export async function listMultipartUploads(context: ServerContext, request: BucketRequest): Promise<Reply> {
  const q = (name: string): string | undefined => queryParam(request.query, name);
  const prefix = q("prefix") ?? "";
  const delimiter = q("delimiter") ?? "";
  const max = pageSize(q("max-uploads"), "max-uploads");
  const encode = encodingOf(q("encoding-type"));
  const e = (value: string): string => (encode === undefined ? value : encode(value));
  const keyMarker = q("key-marker") ?? "";
  const idMarker = q("upload-id-marker");
  const uploads = context.uploads.inBucket(request.bucket).filter((record) => record.key.startsWith(prefix)).sort(byKeyThenAge);
  const markerIndex = idMarker === undefined ? -1 : uploads.findIndex((record) => record.key === keyMarker && record.id === idMarker);
  const entries: UploadEntry[] = [];
  const seen = new Set<string>();
  uploads.forEach((record, index) => {
    const cut = delimiter === "" ? -1 : record.key.indexOf(delimiter, prefix.length);
    if (cut !== -1) {
      const key = record.key.slice(0, cut + delimiter.length);
      if (!seen.has(key) && compareCodePoints(key, keyMarker) > 0) entries.push({ kind: "prefix", key });
      seen.add(key);
      return;
    }
    const order = compareCodePoints(record.key, keyMarker);
    if (order > 0 || (order === 0 && markerIndex !== -1 && index > markerIndex)) entries.push({ kind: "upload", key: record.key, record });
  });
  const page = entries.slice(0, max);
  const truncated = max > 0 && entries.length > max;
  const last = page.at(-1);
  return xmlReply("ListMultipartUploadsResult", {
    Bucket: request.bucket,
    KeyMarker: e(keyMarker),
    UploadIdMarker: idMarker ?? "",
    NextKeyMarker: truncated && last !== undefined ? e(last.key) : undefined,
    Prefix: e(prefix),
    Delimiter: delimiter === "" ? undefined : e(delimiter),
    NextUploadIdMarker: truncated && last?.kind === "upload" ? last.record.id : undefined,
    MaxUploads: max,
    IsTruncated: truncated,
    Upload: page.flatMap((entry) =>
      entry.kind === "prefix"
        ? []
        : [
            {
              Key: e(entry.key),
              UploadId: entry.record.id,
              Initiator: { ID: OWNER.ID, DisplayName: OWNER.DisplayName },
              Owner: { DisplayName: OWNER.DisplayName, ID: OWNER.ID },
              StorageClass: "STANDARD",
              Initiated: xmlTime(entry.record.initiated),
              ChecksumAlgorithm: entry.record.checksumAlgorithm,
              ChecksumType: entry.record.checksumType,
            },
          ],
    ),
    CommonPrefixes: page.flatMap((entry) => (entry.kind === "prefix" ? [{ Prefix: e(entry.key) }] : [])),
    EncodingType: encode === undefined ? undefined : "url",
  });
}
