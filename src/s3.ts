/**
 * `remote-store/s3`: the S3 backend (spec/s3-backend.md). The only entry that loads
 * `@aws-sdk/client-s3` and `@aws-sdk/s3-request-presigner` (optional peer dependencies).
 * Importing it registers the registry type `s3` and its `s3:` URLs (spec S3-100).
 */
import { s3BackendType } from "./backends/s3/s3-type.js";
import { registerProvidedType } from "./registry/backend-types.js";

registerProvidedType(s3BackendType);

export { S3Backend, parseS3Url, s3BackendType, s3OptionsSchema, type S3BackendOptions, type S3Credentials, type S3UrlOptions, type S3TypeOptions } from "./backends/s3/index.js";
