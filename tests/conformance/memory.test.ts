import { MemoryBackend } from "../../src/index.js";
import { describeBackendConformance } from "../../src/testing/index.js";

describeBackendConformance("MemoryBackend", {
  create: () => new MemoryBackend(),
  createWithQuota: (maxSize) => new MemoryBackend({ maxSize }),
});
