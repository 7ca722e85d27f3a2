import { bodySource, lockName, type ObjectRequest, type ServerContext } from "../context.js";
import { planBody } from "../body/body-plan.js";
import { RequestBody } from "../body/request-body.js";
import { S3Error } from "../errors.js";
import { checksumHeaders, objectSettings } from "../object-headers.js";
import { EMPTY_MD5 } from "../object-index.js";
import { quoted, type Reply } from "../responses.js";
import { findObject } from "./find-object.js";
import { createMarkedFolder, writeConditions, writeFile } from "./write-object.js";

/**
 * PutObject (spec S3S-070, S3S-071, S3S-075, S3S-091): the body streams into the store's write
 * under the key's lock; its ETag, checksum and kept headers go to the side index. A folder key
 * with an empty body creates and marks the folder.
 */
export async function putObject(context: ServerContext, request: ObjectRequest): Promise<Reply> {
  const settings = objectSettings(request.headers);
  const plan = planBody(request.headers, request.auth);
  const { target } = request;
  if (target.kind === "folder" && plan.length !== 0) {
    throw new S3Error("InvalidArgument", `The key ${JSON.stringify(target.key)} ends in "/" and names a folder: it can only be written with an empty body.`, { details: { ArgumentName: "key" } });
  }
  const body = new RequestBody(bodySource(request.req), plan);
  return context.locks.run(lockName(request.bucket, target.path), async () => {
    const { overwrite } = await writeConditions(context, request, target);
    if (target.kind === "folder") {
      if (!overwrite && (await findObject(context, request.bucket, request.store, target).then(() => true, () => false))) {
        throw new S3Error("PreconditionFailed", undefined, { details: { Condition: "If-None-Match" } });
      }
      for await (const _chunk of body.content);
      await createMarkedFolder(context, request, target, settings);
      return { status: 200, headers: { etag: quoted(EMPTY_MD5), ...checksumHeaders(body.received.checksum) } };
    }
    const info = await writeFile(request.store, target, body.content, settings, overwrite);
    const { md5, checksum } = body.received;
    const etag = md5.toString("hex");
    context.index.set(request.bucket, info, { etag, checksum, headers: settings.headers });
    return { status: 200, headers: { etag: quoted(etag), ...checksumHeaders(checksum) } };
  });
}
