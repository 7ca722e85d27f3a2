import { MemoryBackend } from "../../src/index.js";
import { describeBackendConformance } from "../../src/testing/index.js";

// spec CONF-G02: the suite is registered twice, at the backend root and at conformance-root/<random>;
// CONF-G05: with createWithQuota the memory backend runs every case, none skipped (see guarantees.test.ts).
describeBackendConformance("MemoryBackend", {
  create: () => new MemoryBackend(),
  createWithQuota: (maxSize) => new MemoryBackend({ maxSize }),
});
