import { describeBackendConformance } from "../../../src/testing/index.js";
import { makeBackend, testServer } from "./support/server.js";
import { gapsOf } from "./support/server-gaps.js";

// spec S3S-T02, CONF-H03: the server's known gaps are skipped with their reasons. The server runs in
// vitest's main process, so its clock cannot be moved from here: the cases that wait for the clock
// run as one concurrent group (CONF-H08, TEST-004).
const server = testServer();

describeBackendConformance(`S3Backend on ${server.server}`, {
  // WATCH-060: the watch cases poll every 20 ms (events are awaited with a deadline, never slept for).
  create: () => makeBackend({ watchInterval: 20 }),
  timeoutMs: 60_000,
  knownGaps: gapsOf(server.server),
});
