import { createHash } from "node:crypto";
import { readableChunks } from "../../shared/streams/stream-chunks.js";
import { checksumElementName, createChecksummer, parseAlgorithm, type ChecksumAlgorithm, type StoredChecksum } from "../checksums.js";
import { checkCopySourceConditions } from "../conditions.js";
import { lockName, type ObjectRequest, type ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import { DEFAULT_OBJECT_TYPE, objectSettings, type ObjectSettings } from "../object-headers.js";
import { quoted, xmlReply, xmlTime, type Reply } from "../responses.js";
import { copySourceObject, type FoundObject } from "./find-object.js";
import { writeConditions, writeError, writeFile } from "./write-object.js";

/**
 * CopyObject (spec S3S-077): the source's bytes stream through the server into the target's
 * write (a same-store copy of a plain-MD5 object without a new checksum uses the store's own
 * `copy`). COPY keeps the source's type, metadata and kept headers; REPLACE takes the request's.
 */
export async function copyObject(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const { target } = request;
  if (target.kind === "folder") throw new S3Error("InvalidArgument", `The key ${JSON.stringify(target.key)} names a folder; an object cannot be copied there.`, { details: { ArgumentName: "key" } });
  const source = await copySourceObject(context, request.headers);
  checkCopySourceConditions(request.headers, { etag: source.attributes.etag, lastModified: source.lastModified });
  const directive = (request.headers.get("x-amz-metadata-directive") ?? "COPY").toUpperCase();
  if (directive !== "COPY" && directive !== "REPLACE") throw new S3Error("InvalidArgument", "x-amz-metadata-directive must be COPY or REPLACE.", { details: { ArgumentName: "x-amz-metadata-directive" } });
  const sameKey = source.bucket === request.bucket && source.target.path === target.path;
  if (sameKey && directive === "COPY") {
    throw new S3Error("InvalidRequest", "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
  }
  const settings: ObjectSettings = directive === "COPY" ? { contentType: source.contentType ?? DEFAULT_OBJECT_TYPE, metadata: source.metadata, headers: source.attributes.headers } : objectSettings(request.headers);
  const named = request.headers.get("x-amz-checksum-algorithm");
  const algorithm = named === undefined ? fullObjectAlgorithm(source.attributes.checksum) : parseAlgorithm(named);
  return context.locks.run(lockName(request.bucket, target.path), async () => {
    const { overwrite } = await writeConditions(context, request, target);
    const native = source.store === request.store && directive === "COPY" && !source.attributes.etag.includes("-") && algorithm === fullObjectAlgorithm(source.attributes.checksum);
    let etag: string;
    let checksum: StoredChecksum | undefined;
    let written;
    if (native) {
      try {
        await request.store.copy(source.target.path, target.path, { overwrite });
      } catch (error) {
        throw await writeError(request.store, target, error);
      }
      written = await request.store.getFileInfo(target.path);
      [etag, checksum] = [source.attributes.etag, source.attributes.checksum];
    } else {
      const copied = await streamCopy(source, algorithm);
      written = await writeFile(request.store, target, copied.content, settings, overwrite);
      [etag, checksum] = [copied.md5Hex(), await copied.checksum()];
    }
    context.index.set(request.bucket, written, { etag, checksum, headers: settings.headers });
    const checksumElement = checksum === undefined ? {} : { [checksumElementName(checksum.algorithm)]: checksum.value, ChecksumType: checksum.type };
    return xmlReply("CopyObjectResult", { ETag: quoted(etag), LastModified: xmlTime(written.modifiedAt), ...checksumElement });
  });
}

/** The algorithm of a full-object checksum (kept by a copy), or `undefined`. */
function fullObjectAlgorithm(checksum: StoredChecksum | undefined): ChecksumAlgorithm | undefined {
  return checksum?.type === "FULL_OBJECT" ? checksum.algorithm : undefined;
}

/** A source object's bytes as a stream, hashed (MD5 and an optional checksum) as they pass. */
export async function streamCopy(source: FoundObject, algorithm: ChecksumAlgorithm | undefined, range?: { readonly offset: number; readonly length: number }) {
  const md5 = createHash("md5");
  const checksummer = algorithm === undefined ? undefined : createChecksummer(algorithm);
  const stream = source.target.kind === "folder" ? undefined : await source.store.read(source.target.path, range);
  async function* content(): AsyncGenerator<Uint8Array> {
    if (stream === undefined) return;
    for await (const chunk of readableChunks(stream)) {
      md5.update(chunk);
      checksummer?.update(chunk);
      yield chunk;
    }
  }
  let digest: string | undefined;
  return {
    content: content(),
    md5Hex: (): string => (digest ??= md5.digest("hex")),
    checksum: async (): Promise<StoredChecksum | undefined> =>
      algorithm === undefined ? undefined : { algorithm, value: Buffer.from(await (checksummer as NonNullable<typeof checksummer>).digest()).toString("base64"), type: "FULL_OBJECT" },
  };
}
