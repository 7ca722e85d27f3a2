import { describeConformanceWithGaps } from "./support/conformance-runner.js";
import { makeBackend, testServer } from "./support/server.js";
import { gapsOf } from "./support/server-gaps.js";

const server = testServer();

describeConformanceWithGaps(`S3Backend on ${server.server}`, {
  create: () => makeBackend(),
  timeoutMs: 60_000,
  gaps: gapsOf(server.server),
});
