import { Volume } from "memfs";
import { FS_NOTES, promiseFsSession, syncFsSession } from "./fs-like.js";
import type { SystemAdapter } from "./system.js";

// spec BENCH-001 (memfs-promises, memfs-sync), BENCH-002 (shared fs-like adapter).
/** memfs 4 through `vol.promises`, its Node-style promises API. */
export const memfsPromises: SystemAdapter = {
  id: "memfs-promises",
  label: "memfs (promises)",
  role: "peer-async",
  path: (canonical) => `/${canonical}`,
  async open() {
    const vol = new Volume();
    return promiseFsSession(vol.promises, () => vol.reset());
  },
  notes: FS_NOTES,
};

/** memfs 4 through its synchronous `*Sync` API. */
export const memfsSync: SystemAdapter = {
  id: "memfs-sync",
  label: "memfs (sync)",
  role: "peer-sync",
  path: (canonical) => `/${canonical}`,
  async open() {
    const vol = new Volume();
    return syncFsSession(vol, () => vol.reset());
  },
};
