import type { FileInfo } from "../../contract/models.js";
import { notModified } from "../conditions.js";
import type { ObjectRequest, ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import { checksumHeaders, objectHeaders } from "../object-headers.js";
import { requestedRange } from "../range.js";
import { queryParam } from "../route.js";
import type { Reply } from "../responses.js";
import { fileInfoOf, findObject, type FoundObject } from "./find-object.js";

/** Response header overrides a GET or HEAD may ask for in its query (spec S3S-072). */
const OVERRIDES = ["content-type", "content-language", "expires", "cache-control", "content-disposition", "content-encoding"] as const;

/** The query parameters of GetObject and HeadObject. */
export const GET_OBJECT_PARAMS = ["versionId", "partNumber", ...OVERRIDES.map((name) => `response-${name}`)];

/** How many times a read is retried when the file changes between its info and its stream. */
const STABLE_READ_ATTEMPTS = 5;

/**
 * GetObject and HeadObject (spec S3S-072..S3S-074, S3S-061): conditions, a single range, and the
 * file streamed from the store's read, with headers that describe exactly those bytes.
 */
export async function getObject(context: ServerContext, request: ObjectRequest, { head }: { readonly head: boolean }): Promise<Reply> {
  const versionId = queryParam(request.query, "versionId");
  if (versionId !== undefined && versionId !== "null") throw new S3Error("NotImplemented", "Object versions are not implemented: only versionId=null exists.");
  if (request.query.has("partNumber")) throw new S3Error("NotImplemented", "Reading one part of an object (partNumber) is not implemented.");
  for (let attempt = 1; ; attempt++) {
    const object = await findObject(context, request.bucket, request.store, request.target);
    const reply = await answer(request, object, head);
    if (reply !== "changed") return reply;
    if (attempt === STABLE_READ_ATTEMPTS) throw new S3Error("ServiceUnavailable", "The object keeps changing while it is read; try again.");
  }
}

async function answer(request: ObjectRequest, object: FoundObject, head: boolean): Promise<Reply | "changed"> {
  const headers: Record<string, string> = objectHeaders(object);
  if (notModified(request.headers, { etag: object.attributes.etag, lastModified: object.lastModified })) {
    return { status: 304, headers: { etag: headers.etag, "last-modified": headers["last-modified"] } };
  }
  const range = requestedRange(request.headers.get("range"), object.size);
  for (const name of OVERRIDES) {
    const value = queryParam(request.query, `response-${name}`);
    if (value !== undefined) headers[name] = value;
  }
  const length = range === undefined ? object.size : range.end - range.start + 1;
  const status = range === undefined ? 200 : 206;
  if (range !== undefined) headers["content-range"] = `bytes ${range.start}-${range.end}/${object.size}`;
  const checksums = range === undefined && request.headers.get("x-amz-checksum-mode")?.toUpperCase() === "ENABLED" ? checksumHeaders(object.attributes.checksum) : {};
  const replyHeaders = { ...headers, ...checksums, "content-length": String(length) };
  if (head) return { status, headers: replyHeaders };
  if (object.target.kind === "folder" || length === 0) return { status, headers: replyHeaders, body: new Uint8Array(0) };
  const { store, target } = object;
  const stream = await store.read(target.path, range === undefined ? undefined : { offset: range.start, length });
  const now = await fileInfoOf(store, target).catch(() => undefined);
  if (!sameFile(now, object)) {
    await stream.cancel().catch(() => undefined);
    return "changed";
  }
  return { status, headers: replyHeaders, body: { stream, length } };
}

function sameFile(info: FileInfo | undefined, object: FoundObject): boolean {
  return info !== undefined && info.size === object.size && info.modifiedAt.getTime() === object.lastModified.getTime();
}
