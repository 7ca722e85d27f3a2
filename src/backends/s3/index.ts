/** The S3 backend's public parts; the `remote-store/s3` entry (`src/s3.ts`) re-exports them and registers the type. */
export { S3Backend } from "./s3-backend.js";
export type { S3BackendOptions, S3Credentials } from "./s3-options.js";
export type { UrlOptions as S3UrlOptions } from "./presign.js";
export { parseS3Url, s3BackendType, s3OptionsSchema, type S3TypeOptions } from "./s3-type.js";
