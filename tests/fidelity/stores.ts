import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { MemoryBackend, Store, type Backend } from "../../src/index.js";
import { LocalBackend } from "../../src/backends/local/index.js";

/** A memory store and a local store on a fresh temp folder, both under the same `rootPath`. */
export interface StorePair {
  readonly memory: Store;
  readonly local: Store;
  /** Closes both stores and removes the temp folder. */
  dispose(): Promise<void>;
}

/** Makes a fresh pair of stores; `makeLocal` builds the local backend for a root folder (tests of the harness replace it). */
export async function storePair(rootPath: string, makeLocal: (root: string) => Backend = (root) => new LocalBackend({ root })): Promise<StorePair> {
  const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-fidelity-"));
  const memory = new Store({ backend: new MemoryBackend(), rootPath });
  const local = new Store({ backend: makeLocal(nodePath.join(dir, "root")), rootPath });
  return {
    memory,
    local,
    async dispose() {
      await memory.close();
      await local.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
