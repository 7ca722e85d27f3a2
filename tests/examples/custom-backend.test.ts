import { describeBackendConformance, ManualClock } from "remote-store/testing/vitest";
import { MapBackend } from "../../examples/custom-backend/map-backend.js";

// BE-020: examples/custom-backend implements only the required core; the Store's fallbacks do the
// rest, flat-namespace ones included (listFolders, deleteFolder, getFolderInfo, iterChildren).
const clock = new ManualClock();

describeBackendConformance("MapBackend (examples/custom-backend)", {
  create: () => new MapBackend({ clock: clock.now }),
  createWithQuota: (maxSize) => new MapBackend({ maxSize, clock: clock.now }),
  capabilities: ["read", "write", "atomicWrite", "delete", "list", "metadata", "userMetadata", "move", "copy", "atomicMove", "rangeRead"],
  flatNamespace: true,
  clock,
  timestampToleranceMs: 0,
});
