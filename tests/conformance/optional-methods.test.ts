import { MemoryBackend, type Backend } from "../../src/index.js";
import { describeBackendConformance, ManualClock } from "../../src/testing/index.js";

/**
 * BE-020 ARCH-004: the Store's fallbacks stand in for every optional method. The whole suite runs on a
 * memory backend seen with only its required core and the methods its declarations demand
 * (`createFolder` keeps `listFolders` and `deleteFolder`, whose fallbacks are for flat
 * namespaces; the flat ones are covered by examples/custom-backend, which has none of them).
 */
const OPTIONAL = ["exists", "isFile", "isFolder", "readBytes", "writeAtomic", "iterChildren", "getFolderInfo"] as const;

function coreOnly(inner: MemoryBackend): Backend {
  return new Proxy(inner, {
    get(target, property) {
      if ((OPTIONAL as readonly (string | symbol)[]).includes(property)) return undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has(target, property) {
      return !(OPTIONAL as readonly (string | symbol)[]).includes(property) && Reflect.has(target, property);
    },
  });
}

const clock = new ManualClock();

describeBackendConformance("MemoryBackend, optional methods hidden", {
  create: () => coreOnly(new MemoryBackend({ clock: clock.now })),
  createWithQuota: (maxSize) => coreOnly(new MemoryBackend({ maxSize, clock: clock.now })),
  clock,
  timestampToleranceMs: 0,
});
