/**
 * `remote-store/s3`: the S3 backend (spec/s3-backend.md). The only entry that loads
 * `@aws-sdk/client-s3` and `@aws-sdk/s3-request-presigner` (optional peer dependencies).
 * Importing it registers the registry type `s3` and its `s3:` URLs (spec S3-100).
 */
import { registerS3BackendType } from "./s3-type.js";

registerS3BackendType();

export { S3Backend } from "./s3-backend.js";
export type { S3BackendOptions, S3Credentials } from "./s3-options.js";
export type { UrlOptions as S3UrlOptions } from "./presign.js";
export { registerS3BackendType, parseS3Url, s3OptionsSchema, type S3TypeOptions } from "./s3-type.js";
