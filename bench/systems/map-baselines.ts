import { concat } from "../../src/testing/conformance/support/content.js";
import type { Session, SystemAdapter } from "./system.js";

/**
 * The physical-limit baselines: a flat `Map<string, Uint8Array>` with the same data contract
 * as the stores (a write keeps a private copy, a read returns a fresh copy). Folders are key
 * prefixes, so listings scan every key.
 */
export class MapStore {
  readonly files = new Map<string, Uint8Array>();

  write(path: string, data: Uint8Array): void {
    this.files.set(path, data.slice());
  }

  read(path: string): Uint8Array {
    const data = this.files.get(path);
    if (data === undefined) throw new Error(`missing ${path}`);
    return data.slice();
  }

  size(path: string): number {
    const data = this.files.get(path);
    if (data === undefined) throw new Error(`missing ${path}`);
    return data.length;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Direct children of `folder` (files and implied folders): a scan of every key. */
  list(folder: string): number {
    const prefix = folder === "" ? "" : `${folder}/`;
    const names = new Set<string>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const slash = key.indexOf("/", prefix.length);
      names.add(slash < 0 ? key.slice(prefix.length) : key.slice(prefix.length, slash));
    }
    return names.size;
  }

  listRecursive(folder: string): number {
    const prefix = folder === "" ? "" : `${folder}/`;
    let count = 0;
    for (const key of this.files.keys()) if (key.startsWith(prefix)) count++;
    return count;
  }

  rename(src: string, dst: string): void {
    const prefix = `${src}/`;
    const moved: [string, Uint8Array][] = [];
    for (const [key, data] of this.files) if (key.startsWith(prefix)) moved.push([key, data]);
    for (const [key, data] of moved) {
      this.files.delete(key);
      this.files.set(dst + key.slice(src.length), data);
    }
  }

  stats(folder: string): { files: number; bytes: number } {
    const prefix = folder === "" ? "" : `${folder}/`;
    const totals = { files: 0, bytes: 0 };
    for (const [key, data] of this.files) {
      if (!key.startsWith(prefix)) continue;
      totals.files++;
      totals.bytes += data.length;
    }
    return totals;
  }

  writeChunks(path: string, chunks: readonly Uint8Array[]): void {
    this.files.set(path, concat(chunks));
  }

  readPieces(path: string, pieceSize: number, visit: (piece: Uint8Array) => void): void {
    const data = this.files.get(path);
    if (data === undefined) throw new Error(`missing ${path}`);
    for (let at = 0; at < data.length; at += pieceSize) visit(data.slice(at, at + pieceSize));
  }
}

// spec BENCH-001 (map-sync, map-await), BENCH-002 (copy on write and read; folders are key prefixes).
/** The plain `Map`, called synchronously: the fastest any in-process store can be. */
export const mapSync: SystemAdapter = {
  id: "map-sync",
  label: "Map (sync baseline)",
  role: "baseline",
  path: (canonical) => canonical,
  async open(): Promise<Session> {
    const map = new MapStore();
    return {
      async writeFiles(paths, data) {
        for (const path of paths) map.write(path, data);
      },
      async readFiles(paths) {
        let bytes = 0;
        for (const path of paths) bytes += map.read(path).length;
        return bytes;
      },
      async statFiles(paths) {
        let bytes = 0;
        for (const path of paths) bytes += map.size(path);
        return bytes;
      },
      async countExisting(paths) {
        let found = 0;
        for (const path of paths) if (map.has(path)) found++;
        return found;
      },
      async listFolders(folders) {
        let entries = 0;
        for (const folder of folders) entries += map.list(folder);
        return entries;
      },
      async listRecursive(folder) {
        return map.listRecursive(folder);
      },
      async renameFolder(src, dst) {
        map.rename(src, dst);
      },
      async folderStats(folder) {
        return map.stats(folder);
      },
      async writeChunked(path, chunks) {
        map.writeChunks(path, chunks);
      },
      async readChunked(path, pieceSize) {
        let bytes = 0;
        map.readPieces(path, pieceSize, (piece) => (bytes += piece.length));
        return bytes;
      },
      async close() {
        map.files.clear();
      },
    };
  },
  notes: ["Map baselines: a write stores a copy and a read returns a copy (the same contract as the stores); listings scan all keys."],
};

/** Awaits one async call per operation: the cost of an async API with nothing behind it. */
export async function later<T>(value: () => T): Promise<T> {
  return value();
}

/**
 * The same `Map` behind an `await` per operation, copying the bytes in on a write and out on a
 * read: the copying floor, the fastest a promise-based store can be whose caller owns its bytes.
 */
export const mapAwait: SystemAdapter = {
  id: "map-await",
  label: "Map + await, copying (floor)",
  role: "baseline",
  path: (canonical) => canonical,
  async open(): Promise<Session> {
    const map = new MapStore();
    return {
      async writeFiles(paths, data) {
        for (const path of paths) await later(() => map.write(path, data));
      },
      async readFiles(paths) {
        let bytes = 0;
        for (const path of paths) bytes += (await later(() => map.read(path))).length;
        return bytes;
      },
      async statFiles(paths) {
        let bytes = 0;
        for (const path of paths) bytes += await later(() => map.size(path));
        return bytes;
      },
      async countExisting(paths) {
        let found = 0;
        for (const path of paths) if (await later(() => map.has(path))) found++;
        return found;
      },
      async listFolders(folders) {
        let entries = 0;
        for (const folder of folders) entries += await later(() => map.list(folder));
        return entries;
      },
      async listRecursive(folder) {
        return later(() => map.listRecursive(folder));
      },
      async renameFolder(src, dst) {
        await later(() => map.rename(src, dst));
      },
      async folderStats(folder) {
        return later(() => map.stats(folder));
      },
      async writeChunked(path, chunks) {
        // One copy into the final array, with one await per chunk as a stream consumer would have.
        let size = 0;
        for (const chunk of chunks) size += chunk.length;
        const out = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) {
          await later(() => out.set(chunk, at));
          at += chunk.length;
        }
        map.files.set(path, out);
      },
      async readChunked(path, pieceSize) {
        let bytes = 0;
        const data = map.files.get(path);
        if (data === undefined) throw new Error(`missing ${path}`);
        for (let at = 0; at < data.length; at += pieceSize) bytes += (await later(() => data.slice(at, at + pieceSize))).length;
        return bytes;
      },
      async close() {
        map.files.clear();
      },
    };
  },
};
