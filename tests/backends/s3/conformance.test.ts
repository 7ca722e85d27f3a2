import { describeBackendConformance } from "../../../src/testing/index.js";
import { describeOnTestServer, makeFreshBackend, testServer } from "./support/server.js";
import { gapsOf, leftOutOn } from "./support/server-gaps.js";

// spec S3S-T02, CONF-H03: the server's known gaps are skipped with their reasons. The server runs in
// vitest's main process (or is moto, another process), so its clock cannot be moved from here: the
// cases that wait for the clock run as one concurrent group (CONF-H08, TEST-004).
// spec S3S-T04, CONF-H10: on moto, the second server, the suite runs at the backend root only; the
// rootPath run proves the Store's scoping, which the run on serveS3 already proves.
const server = testServer();

describeOnTestServer(`S3Backend on ${server.server}`, () =>
  describeBackendConformance(`S3Backend on ${server.server}`, {
    // WATCH-060: the watch cases poll every 20 ms (events are awaited with a deadline, never slept for).
    create: () => makeFreshBackend({ watchInterval: 20 }),
    // A hang guard, not a timing: the folder-fallback cases make hundreds of requests, slow on a loaded 2-core machine.
    timeoutMs: 180_000,
    knownGaps: gapsOf(server.server),
    leaveOut: leftOutOn(server.server),
    rootPathRun: server.server !== "moto",
  }),
);
