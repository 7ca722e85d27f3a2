import { createStorage, type Driver, type Storage } from "unstorage";
import memoryDriver from "unstorage/drivers/memory";
import { concat } from "../../src/testing/conformance/support/content.js";
import type { Session, SystemAdapter } from "./system.js";

function segments(key: string): number {
  return key === "" ? 0 : key.split(":").length;
}

function session(storage: Storage): Session {
  const bytesOf = async (key: string): Promise<number> => ((await storage.getItemRaw<Uint8Array>(key)) as Uint8Array).length;
  return {
    async writeFiles(keys, data) {
      // The memory driver keeps the caller's array itself; the copy gives it the same contract as the others.
      for (const key of keys) await storage.setItemRaw(key, data.slice());
    },
    async readFiles(keys) {
      let bytes = 0;
      for (const key of keys) bytes += await bytesOf(key);
      return bytes;
    },
    async statFiles(keys) {
      // The memory driver keeps no size or mtime (`getMeta` is empty): the raw value is the only way to a size.
      let bytes = 0;
      for (const key of keys) {
        await storage.getMeta(key);
        bytes += await bytesOf(key);
      }
      return bytes;
    },
    async countExisting(keys) {
      let found = 0;
      for (const key of keys) if (await storage.hasItem(key)) found++;
      return found;
    },
    async listFolders(bases) {
      let entries = 0;
      for (const base of bases) entries += (await storage.getKeys(base, { maxDepth: segments(base) })).length;
      return entries;
    },
    async listRecursive(base) {
      return (await storage.getKeys(base)).length;
    },
    async renameFolder(src, dst) {
      for (const key of await storage.getKeys(src)) {
        const value = await storage.getItemRaw<Uint8Array>(key);
        await storage.setItemRaw(dst + key.slice(src.length), value);
        await storage.removeItem(key);
      }
    },
    async folderStats(base) {
      const keys = await storage.getKeys(base);
      let bytes = 0;
      for (const key of keys) bytes += await bytesOf(key);
      return { files: keys.length, bytes };
    },
    async writeChunked(key, chunks) {
      // No streaming API: the caller concatenates, then stores one value.
      await storage.setItemRaw(key, concat(chunks));
    },
    async readChunked(key, pieceSize) {
      const value = (await storage.getItemRaw<Uint8Array>(key)) as Uint8Array;
      let bytes = 0;
      for (let at = 0; at < value.length; at += pieceSize) bytes += value.subarray(at, at + pieceSize).length;
      return bytes;
    },
    async close() {
      await storage.clear();
      await storage.dispose();
    },
  };
}

// spec BENCH-001 (unstorage), BENCH-002 (copies on write, no folders, sizes or streams).
/** unstorage 1.x with its memory driver (keys `a:b:c`; promise API only). */
export const unstorage: SystemAdapter = {
  id: "unstorage",
  label: "unstorage (memory driver)",
  role: "peer-async",
  path: (canonical) => canonical.replaceAll("/", ":"),
  async open() {
    // The driver's typings do not resolve under NodeNext (toolchain gotcha 6): state its type.
    const driver = (memoryDriver as unknown as () => Driver)();
    return session(createStorage({ driver }));
  },
  notes: [
    "unstorage: writes pass a copy (its memory driver keeps the caller's array itself); reads get the stored array back without a copy.",
    "unstorage: `stat` is `getMeta` + `getItemRaw().length` (the memory driver keeps no size or mtime); a folder listing is `getKeys(base, { maxDepth })`; rename is get + set + remove per key; no streams (concatenate, then `setItemRaw`).",
  ],
};
