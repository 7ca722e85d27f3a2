import type { Metadata } from "../contract/models.js";
import { validateMetadata } from "../store/metadata.js";
import { checksumHeaderName, type StoredChecksum } from "./checksums.js";
import { S3Error } from "./errors.js";
import { KEPT_HEADER_NAMES, type KeptHeaders, type ObjectAttributes } from "./object-index.js";
import type { RequestHeaders } from "./request-headers.js";
import { httpTime, quoted, type ReplyHeaders } from "./responses.js";

/** S3's content type for objects stored without one (spec S3S-070). */
export const DEFAULT_OBJECT_TYPE = "binary/octet-stream";

/** What a write request says about the object besides its bytes. */
export interface ObjectSettings {
  readonly contentType: string;
  readonly metadata: Metadata | undefined;
  readonly headers: KeptHeaders;
}

const META = "x-amz-meta-";
const UNSUPPORTED = /^(?:x-amz-tagging|x-amz-object-lock-.*|x-amz-server-side-encryption-customer-.*|x-amz-website-redirect-location)$/;

/**
 * The content type, user metadata and kept headers of a PutObject, CreateMultipartUpload or
 * CopyObject (REPLACE) request (spec S3S-070, S3S-022). Metadata over 2 KiB is
 * `MetadataTooLarge`; metadata the Store refuses `InvalidArgument`; headers asking for features
 * this server lacks `NotImplemented`.
 */
export function objectSettings(headers: RequestHeaders): ObjectSettings {
  const metadata: Record<string, string> = {};
  const kept: Record<string, string> = {};
  for (const [name, value] of headers.entries()) {
    if (UNSUPPORTED.test(name)) throw new S3Error("NotImplemented", `The header ${name} asks for a feature this server does not implement.`, { details: { Header: name } });
    if (name.startsWith(META)) metadata[name.slice(META.length)] = value;
  }
  for (const name of KEPT_HEADER_NAMES) {
    const value = headers.get(name);
    if (value === undefined) continue;
    const cleaned = name === "content-encoding" ? withoutAwsChunked(value) : value;
    if (cleaned !== "") kept[name] = cleaned;
  }
  return { contentType: headers.get("content-type") ?? DEFAULT_OBJECT_TYPE, metadata: checkedMetadata(metadata), headers: kept };
}

function checkedMetadata(metadata: Record<string, string>): Metadata | undefined {
  try {
    return validateMetadata(metadata);
  } catch (error) {
    if (error instanceof RangeError) throw new S3Error("MetadataTooLarge", `${error.message}.`, { details: { MaxSizeAllowed: "2048" } });
    throw new S3Error("InvalidArgument", `User metadata is not usable: ${(error as Error).message}.`, { details: { ArgumentName: "x-amz-meta-*" } });
  }
}

/** `Content-Encoding` without the `aws-chunked` token the framing added (spec S3S-053). */
function withoutAwsChunked(value: string): string {
  return value
    .split(",")
    .map((token) => token.trim())
    .filter((token) => token !== "" && token.toLowerCase() !== "aws-chunked")
    .join(",");
}

/** The headers GetObject and HeadObject answer about an object (spec S3S-072), without its length. */
export function objectHeaders(object: { readonly contentType: string | undefined; readonly metadata: Metadata | undefined; readonly lastModified: Date; readonly attributes: ObjectAttributes }): Record<string, string> {
  const out: Record<string, string> = {
    "content-type": object.contentType ?? DEFAULT_OBJECT_TYPE,
    etag: quoted(object.attributes.etag),
    "last-modified": httpTime(object.lastModified),
    "accept-ranges": "bytes",
  };
  for (const [name, value] of Object.entries(object.attributes.headers)) out[name] = value as string;
  for (const [name, value] of Object.entries(object.metadata ?? {})) out[`${META}${name.toLowerCase()}`] = value;
  if (object.attributes.partsCount !== undefined) out["x-amz-mp-parts-count"] = String(object.attributes.partsCount);
  return out;
}

/** `x-amz-checksum-<alg>` and `x-amz-checksum-type` of a kept checksum (spec S3S-061). */
export function checksumHeaders(checksum: StoredChecksum | undefined): ReplyHeaders {
  if (checksum === undefined) return {};
  return { [checksumHeaderName(checksum.algorithm)]: checksum.value, "x-amz-checksum-type": checksum.type };
}

/** The Store write options for an object with these settings. */
export function storeWriteOptions(settings: ObjectSettings, overwrite: boolean): { overwrite: boolean; contentType: string; metadata?: Metadata } {
  return settings.metadata === undefined ? { overwrite, contentType: settings.contentType } : { overwrite, contentType: settings.contentType, metadata: settings.metadata };
}
