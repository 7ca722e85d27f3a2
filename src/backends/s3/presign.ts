import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { InvalidPath } from "../../errors/classes.js";
import { optionalInteger } from "./s3-options.js";
import type { S3Context } from "./context.js";
import { S3_BACKEND_NAME } from "./names.js";
import { isObject } from "../../shared/checks/objects.js";

/** Options of {@link presignedGetUrl}. */
export interface UrlOptions {
  /** Lifetime in seconds, 1..604,800; default the backend's `urlExpiresIn`. */
  readonly expiresIn?: number;
}

/**
 * A presigned GET URL of the file's key (spec S3-085). Signing needs no request (only the
 * credentials, which the SDK may resolve once); the object need not exist.
 */
export async function presignedGetUrl(ctx: S3Context, path: string, options: UrlOptions | undefined): Promise<string> {
  if (path === "") throw new InvalidPath("A URL needs a file path, not the root", { path, backend: S3_BACKEND_NAME });
  if (options !== undefined && (!isObject(options))) throw new TypeError("url options must be an object");
  const expiresIn = optionalInteger(options?.expiresIn, "expiresIn", 1, 604_800) ?? ctx.settings.urlExpiresIn;
  const command = new GetObjectCommand({ Bucket: ctx.api.bucket, Key: ctx.keys.fileKey(path) });
  return ctx.api.call(path, () => getSignedUrl(ctx.api.client, command, { expiresIn }));
}
