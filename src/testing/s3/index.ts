/**
 * `remote-store/testing/s3`: an S3 endpoint over a seeded memory tree for tests of S3 SDK code
 * (spec/fixtures.md, FIX-040..FIX-044). Node only, and a separate entry, so that importing
 * `remote-store/testing` never loads the HTTP server.
 */
export { startS3Server, type StartS3ServerOptions, type StartedS3Server, type S3ClientOptions, type S3Seed } from "./start-s3-server.js";
