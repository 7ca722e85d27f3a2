import { MemoryBackend, wrapStore } from "../../../src/index.js";
import { describeBackendConformance, ManualClock } from "../../../src/testing/index.js";

// WRAP-010 / CONF-H09: the whole conformance suite, at the backend root and under a rootPath, runs
// through a layer that intercepts every call and passes it on (`call.next()`), over memory: a
// wrapper that changes nothing behaves exactly like the inner store.
const clock = new ManualClock();

describeBackendConformance("MemoryBackend through an identity wrapper", {
  create: () => new MemoryBackend({ clock: clock.now }),
  createWithQuota: (maxSize) => new MemoryBackend({ maxSize, clock: clock.now }),
  clock,
  timestampToleranceMs: 0,
  wrap: (store) => wrapStore(store, { name: "identity", intercept: (call) => call.next() }),
});
