import { describeConformanceWithGaps } from "./support/conformance-runner.js";
import { makeBackend, testServer } from "./support/server.js";
import { S3RVER_GAPS } from "./support/s3rver-gaps.js";

const server = testServer();

describeConformanceWithGaps(`S3Backend on ${server.kind}`, {
  create: () => makeBackend(),
  timeoutMs: 60_000,
  gaps: server.kind === "s3rver" ? S3RVER_GAPS : new Map(),
});
