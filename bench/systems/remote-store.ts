import { capabilitySet, MemoryBackend, Store, type Backend, type Capability } from "../../src/index.node.js";
import type { Session, SystemAdapter } from "./system.js";

/** Builds a `ReadableStream` that hands out `chunks` one by one, as a network body would. */
export function chunkStream(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

/** Counts the bytes of a stream, piece by piece. */
export async function drainStream(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.length;
  }
}

/**
 * A session on a Store, used the way the README shows. With `naive`, folder size is summed from
 * a recursive listing instead of `getFolderInfo` (the store is expected to hide native folder moves too).
 */
function storeSession(store: Store, { naive = false } = {}): Session {
  return {
    async writeFiles(paths, data) {
      for (const path of paths) await store.write(path, data);
    },
    async readFiles(paths) {
      let bytes = 0;
      for (const path of paths) bytes += (await store.readBytes(path)).length;
      return bytes;
    },
    async statFiles(paths) {
      let bytes = 0;
      for (const path of paths) bytes += (await store.getFileInfo(path)).size;
      return bytes;
    },
    async countExisting(paths) {
      let found = 0;
      for (const path of paths) if (await store.exists(path)) found++;
      return found;
    },
    async listFolders(folders) {
      let entries = 0;
      for (const folder of folders) entries += (await store.iterChildren(folder).toArray()).length;
      return entries;
    },
    async listRecursive(folder) {
      return (await store.listFiles(folder, { recursive: true }).toArray()).length;
    },
    async renameFolder(src, dst) {
      await store.moveFolder(src, dst);
    },
    async folderStats(folder) {
      if (naive) {
        const totals = { files: 0, bytes: 0 };
        for await (const file of store.listFiles(folder, { recursive: true })) {
          totals.files++;
          totals.bytes += file.size;
        }
        return totals;
      }
      const info = await store.getFolderInfo(folder);
      return { files: info.fileCount, bytes: info.totalSize };
    },
    async writeChunked(path, chunks) {
      await store.write(path, chunkStream(chunks));
    },
    async readChunked(path) {
      return drainStream(await store.read(path));
    },
    async close() {
      await store.close();
    },
  };
}

// spec BENCH-001 (remote-store, remote-store-naive), BENCH-002 (listings collected with toArray).
/** This library: the async `Store` API over a `MemoryBackend`. */
export const remoteStore: SystemAdapter = {
  id: "remote-store",
  label: "remote-store (Store, async)",
  role: "subject",
  path: (canonical) => canonical,
  open: async () => storeSession(new Store({ backend: new MemoryBackend() })),
  notes: [
    "remote-store: listings are collected with `Listing.toArray()` (the peers' listing calls return arrays too); each entry is a full `FileInfo` (size, modification time, content type), where memfs and unstorage return names only.",
  ],
};

const NATIVE_FOLDER_CAPABILITIES: ReadonlySet<Capability> = new Set(["moveFolder", "atomicMoveFolder", "copyFolder"]);

/** A MemoryBackend that hides its native folder operations, so the Store falls back to file by file. */
function withoutFolderOperations(backend: MemoryBackend): Backend {
  const capabilities = capabilitySet([...backend.capabilities].filter((c) => !NATIVE_FOLDER_CAPABILITIES.has(c)));
  return new Proxy(backend, {
    get(target, key) {
      if (key === "capabilities") return capabilities;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The naive baseline of the folder workloads: the same Store and MemoryBackend, but folder moves
 * go file by file (the Store's documented fallback) and folder size is summed from a recursive listing.
 */
export const remoteStoreNaive: SystemAdapter = {
  id: "remote-store-naive",
  label: "remote-store, naive folder ops",
  role: "baseline",
  path: (canonical) => canonical,
  open: async () => storeSession(new Store({ backend: withoutFolderOperations(new MemoryBackend()) }), { naive: true }),
  notes: ["remote-store-naive: the Store over a MemoryBackend that hides `moveFolder` (so the Store moves file by file) and sums folder size from `listFiles({ recursive: true })` — the issue-5 \"naive baseline\"."],
};
