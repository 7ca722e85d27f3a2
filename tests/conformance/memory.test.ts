import { MemoryBackend } from "../../src/index.js";
import { describeBackendConformance, ManualClock } from "../../src/testing/index.js";

// spec CONF-G02: the suite is registered twice, at the backend root and at conformance-root/<random>;
// CONF-G05: with createWithQuota the memory backend runs every case, none skipped (see guarantees.test.ts).
// CONF-H08 / TEST-003: every backend stamps with one ManualClock, so the cases that need time to pass
// move it forward instead of sleeping, and the stamps must match the clock exactly (no tolerance).
const clock = new ManualClock();

describeBackendConformance("MemoryBackend", {
  create: () => new MemoryBackend({ clock: clock.now }),
  createWithQuota: (maxSize) => new MemoryBackend({ maxSize, clock: clock.now }),
  clock,
  timestampToleranceMs: 0,
});
