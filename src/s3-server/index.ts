/**
 * remote-store/s3-server — serve any Store as an S3-compatible HTTP endpoint (Node only;
 * spec/s3-server.md).
 */
export { serveS3, type S3Server } from "./serve-s3.js";
export type { ServeS3Options, S3Credentials, S3ServerCors } from "./server-options.js";
export type { S3RequestLogEntry } from "./request-handler.js";
