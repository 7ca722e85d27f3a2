import { mapLimit } from "../../shared/concurrency/map-limit.js";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { BucketRequest, ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import { EMPTY_MD5 } from "../object-index.js";
import { queryParam, uriEncode } from "../route.js";
import { quoted, xmlReply, xmlTime, type Reply } from "../responses.js";
import type { XmlElement } from "../xml.js";
import { listKeys, type ListedEntry } from "./key-listing.js";

/** The query parameters of ListObjectsV2 (spec S3S-110). */
export const LIST_V2_PARAMS = ["list-type", "prefix", "delimiter", "max-keys", "continuation-token", "start-after", "encoding-type", "fetch-owner"];
/** The query parameters of ListObjects (v1). */
export const LIST_V1_PARAMS = ["prefix", "delimiter", "max-keys", "marker", "encoding-type"];

/** The owner every listing names. */
export const OWNER = { ID: "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a", DisplayName: "remote-store" } as const;

/** The largest page, as on S3. */
export const MAX_PAGE = 1000;

/** Parses a page-size parameter: an integer ≥ 0, capped at 1,000 (`InvalidArgument` otherwise). */
export function pageSize(text: string | undefined, name: string): number {
  if (text === undefined) return MAX_PAGE;
  if (!/^\d{1,10}$/.test(text)) throw new S3Error("InvalidArgument", `${name} must be a non-negative integer.`, { details: { ArgumentName: name, ArgumentValue: text } });
  return Math.min(Number(text), MAX_PAGE);
}

/** `encoding-type`: `url` or absent (spec S3S-112). */
export function encodingOf(text: string | undefined): ((value: string) => string) | undefined {
  if (text === undefined) return undefined;
  if (text !== "url") throw new S3Error("InvalidArgument", "Invalid Encoding Method specified in Request", { details: { ArgumentName: "encoding-type", ArgumentValue: text } });
  return urlEncode;
}

/** S3's URL encoding of keys in listings: every byte but `A-Z a-z 0-9 - _ . ~ /` as `%XX`. */
export function urlEncode(value: string): string {
  return uriEncode(value, { keepSlashes: true });
}

function encodeToken(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

function decodeToken(token: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw new S3Error("InvalidArgument", "The continuation token provided is incorrect", { details: { ArgumentName: "continuation-token" } });
  return Buffer.from(token, "base64url").toString("utf8");
}

/** ListObjectsV2 (`list-type=2`) and ListObjects (spec S3S-110..S3S-112). */
export async function listObjects(context: ServerContext, request: BucketRequest, { version }: { readonly version: 1 | 2 }): Promise<Reply> {
  const q = (name: string): string | undefined => queryParam(request.query, name);
  if (version === 2 && q("list-type") !== "2") throw new S3Error("InvalidArgument", "list-type must be 2.", { details: { ArgumentName: "list-type" } });
  const prefix = q("prefix") ?? "";
  const delimiter = q("delimiter") ?? "";
  const maxKeys = pageSize(q("max-keys"), "max-keys");
  const encode = encodingOf(q("encoding-type"));
  const e = (value: string): string => (encode === undefined ? value : encode(value));
  const token = q("continuation-token");
  const after = version === 1 ? (q("marker") ?? "") : token !== undefined ? decodeToken(token) : (q("start-after") ?? "");
  const all = await listKeys(context, request.bucket, request.store, { prefix, delimiter, after });
  const page = all.slice(0, maxKeys);
  const truncated = maxKeys > 0 && all.length > maxKeys;
  const withOwner = version === 1 || q("fetch-owner") === "true";
  const found = await mapLimit(
    page.filter((entry) => entry.kind === "key"),
    8,
    (entry) => contentOf(context, request, entry, withOwner, e),
  );
  const contents = found.filter((content): content is XmlElement => content !== undefined);
  const commonPrefixes = page.filter((entry) => entry.kind === "prefix").map((entry) => ({ Prefix: e(entry.key) }));
  const last = page.at(-1)?.key;
  const common = { Name: request.bucket, Prefix: e(prefix), Delimiter: delimiter === "" ? undefined : e(delimiter), MaxKeys: maxKeys };
  if (version === 1) {
    return xmlReply("ListBucketResult", {
      IsTruncated: truncated,
      Marker: e(q("marker") ?? ""),
      NextMarker: truncated && delimiter !== "" && last !== undefined ? e(last) : undefined,
      Contents: contents,
      ...common,
      CommonPrefixes: commonPrefixes,
      EncodingType: encode === undefined ? undefined : "url",
    });
  }
  return xmlReply("ListBucketResult", {
    IsTruncated: truncated,
    Contents: contents,
    ...common,
    CommonPrefixes: commonPrefixes,
    EncodingType: encode === undefined ? undefined : "url",
    KeyCount: page.length,
    ContinuationToken: token,
    NextContinuationToken: truncated && last !== undefined ? encodeToken(last) : undefined,
    StartAfter: q("start-after") === undefined ? undefined : e(q("start-after") as string),
  });
}

/** The `<Contents>` of a key; `undefined` for a file deleted since it was listed. */
async function contentOf(context: ServerContext, request: BucketRequest, entry: Extract<ListedEntry, { kind: "key" }>, withOwner: boolean, e: (value: string) => string): Promise<XmlElement | undefined> {
  const owner = withOwner ? { Owner: { ...OWNER } } : {};
  if (entry.file === undefined) {
    const marker = context.index.marker(request.bucket, entry.folder as string);
    return { Key: e(entry.key), LastModified: xmlTime(marker?.createdAt ?? context.startedAt), ETag: quoted(EMPTY_MD5), Size: 0, ...owner, StorageClass: "STANDARD" };
  }
  const attributes = await context.index.attributes(request.bucket, request.store, entry.file).catch((error: unknown) => {
    if (isRemoteStoreError(error, "NOT_FOUND")) return undefined;
    throw error;
  });
  if (attributes === undefined) return undefined;
  const algorithm = attributes.checksum === undefined ? {} : { ChecksumAlgorithm: attributes.checksum.algorithm, ChecksumType: attributes.checksum.type };
  return { Key: e(entry.key), LastModified: xmlTime(entry.file.modifiedAt), ETag: quoted(attributes.etag), ...algorithm, Size: entry.file.size, ...owner, StorageClass: "STANDARD" };
}
