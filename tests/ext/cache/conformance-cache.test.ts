import { MemoryBackend } from "../../../src/index.js";
import { cache } from "../../../src/ext/cache/index.js";
import { describeBackendConformance, ManualClock } from "../../../src/testing/index.js";

// CACHE-011 / CONF-H09: the whole conformance suite, at the backend root and under a rootPath,
// runs through `cache` over memory: a cache that sees every change keeps the Store's contract.
const clock = new ManualClock();

describeBackendConformance("MemoryBackend through cache", {
  create: () => new MemoryBackend({ clock: clock.now }),
  createWithQuota: (maxSize) => new MemoryBackend({ maxSize, clock: clock.now }),
  clock,
  timestampToleranceMs: 0,
  wrap: (store) => cache(store, { clock: clock.now }),
});
