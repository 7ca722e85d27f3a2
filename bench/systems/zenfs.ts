import { configureSingleSync, fs, InMemory } from "@zenfs/core";
import { promiseFsSession, syncFsSession } from "./fs-like.js";
import type { SystemAdapter } from "./system.js";

/** Mounts a fresh `InMemory` file system at `/` (ZenFS's API is a process-wide `fs`). */
function freshRoot(): void {
  configureSingleSync({ backend: InMemory });
}

// spec BENCH-001 (zenfs-promises, zenfs-sync), BENCH-002 (shared fs-like adapter).
/** @zenfs/core 2 with an `InMemory` root, through `fs.promises`. */
export const zenfsPromises: SystemAdapter = {
  id: "zenfs-promises",
  label: "@zenfs/core (promises)",
  role: "peer-async",
  path: (canonical) => `/${canonical}`,
  async open() {
    freshRoot();
    return promiseFsSession(fs.promises, freshRoot);
  },
};

/** @zenfs/core 2 with an `InMemory` root, through its synchronous API. */
export const zenfsSync: SystemAdapter = {
  id: "zenfs-sync",
  label: "@zenfs/core (sync)",
  role: "peer-sync",
  path: (canonical) => `/${canonical}`,
  async open() {
    freshRoot();
    return syncFsSession(fs, freshRoot);
  },
};
