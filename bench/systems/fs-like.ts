import type { Session } from "./system.js";

/** The part of Node's synchronous `fs` API the benchmark uses (memfs and ZenFS both provide it). */
export interface SyncFs {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: Uint8Array): void;
  readFileSync(path: string): unknown;
  statSync(path: string): { size: number | bigint };
  existsSync(path: string): boolean;
  readdirSync(path: string, options: { withFileTypes: true }): unknown;
  readdirSync(path: string, options: { recursive: true }): unknown;
  renameSync(src: string, dst: string): void;
  openSync(path: string, flags: string): number;
  writeSync(fd: number, data: Uint8Array): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  closeSync(fd: number): void;
}

/** A promises-API file handle. */
export interface PromiseFileHandle {
  write(data: Uint8Array): Promise<unknown>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** The part of Node's `fs.promises` API the benchmark uses. */
export interface PromiseFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readFile(path: string): Promise<unknown>;
  stat(path: string): Promise<{ size: number | bigint }>;
  access(path: string): Promise<void>;
  readdir(path: string, options: { withFileTypes: true }): Promise<unknown>;
  readdir(path: string, options: { recursive: true }): Promise<unknown>;
  rename(src: string, dst: string): Promise<void>;
  open(path: string, flags: string): Promise<PromiseFileHandle>;
}

interface DirentLike {
  readonly name: string;
  isDirectory(): boolean;
}

/** Remembers which folders exist so that each is created once: `mkdir -p` is part of the write cost. */
class FolderCache {
  private readonly made = new Set<string>(["/"]);

  /** The parent folder of `path` when it has not been created yet (and marks it created). */
  missingParent(path: string): string | undefined {
    const parent = path.slice(0, path.lastIndexOf("/")) || "/";
    if (this.made.has(parent)) return undefined;
    this.made.add(parent);
    return parent;
  }

  forget(): void {
    this.made.clear();
    this.made.add("/");
  }
}

function childPath(dir: string, name: string): string {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}

function length(value: unknown): number {
  return (value as { length: number }).length;
}

/** A session over a synchronous fs API: every call is synchronous; only the batch is a promise. */
export function syncFsSession(fs: SyncFs, reset: () => void): Session {
  const folders = new FolderCache();
  const walk = (dir: string, totals: { files: number; bytes: number }): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }) as DirentLike[]) {
      const path = childPath(dir, entry.name);
      if (entry.isDirectory()) walk(path, totals);
      else {
        totals.files++;
        totals.bytes += Number(fs.statSync(path).size);
      }
    }
  };
  return {
    async writeFiles(paths, data) {
      for (const path of paths) {
        const parent = folders.missingParent(path);
        if (parent !== undefined) fs.mkdirSync(parent, { recursive: true });
        fs.writeFileSync(path, data);
      }
    },
    async readFiles(paths) {
      let bytes = 0;
      for (const path of paths) bytes += length(fs.readFileSync(path));
      return bytes;
    },
    async statFiles(paths) {
      let bytes = 0;
      for (const path of paths) bytes += Number(fs.statSync(path).size);
      return bytes;
    },
    async countExisting(paths) {
      let found = 0;
      for (const path of paths) if (fs.existsSync(path)) found++;
      return found;
    },
    async listFolders(dirs) {
      let entries = 0;
      for (const dir of dirs) entries += length(fs.readdirSync(dir, { withFileTypes: true }));
      return entries;
    },
    async listRecursive(dir) {
      return length(fs.readdirSync(dir, { recursive: true }));
    },
    async renameFolder(src, dst) {
      fs.renameSync(src, dst);
      folders.forget();
    },
    async folderStats(dir) {
      const totals = { files: 0, bytes: 0 };
      walk(dir, totals);
      return totals;
    },
    async writeChunked(path, chunks) {
      const parent = folders.missingParent(path);
      if (parent !== undefined) fs.mkdirSync(parent, { recursive: true });
      const fd = fs.openSync(path, "w");
      for (const chunk of chunks) fs.writeSync(fd, chunk);
      fs.closeSync(fd);
    },
    async readChunked(path, pieceSize) {
      const fd = fs.openSync(path, "r");
      let bytes = 0;
      for (;;) {
        const read = fs.readSync(fd, new Uint8Array(pieceSize), 0, pieceSize, bytes);
        if (read === 0) break;
        bytes += read;
      }
      fs.closeSync(fd);
      return bytes;
    },
    async close() {
      reset();
    },
  };
}

/** A session over a promises fs API: every call is awaited, as application code would. */
export function promiseFsSession(fs: PromiseFs, reset: () => void): Session {
  const folders = new FolderCache();
  const walk = async (dir: string, totals: { files: number; bytes: number }): Promise<void> => {
    for (const entry of (await fs.readdir(dir, { withFileTypes: true })) as DirentLike[]) {
      const path = childPath(dir, entry.name);
      if (entry.isDirectory()) await walk(path, totals);
      else {
        totals.files++;
        totals.bytes += Number((await fs.stat(path)).size);
      }
    }
  };
  return {
    async writeFiles(paths, data) {
      for (const path of paths) {
        const parent = folders.missingParent(path);
        if (parent !== undefined) await fs.mkdir(parent, { recursive: true });
        await fs.writeFile(path, data);
      }
    },
    async readFiles(paths) {
      let bytes = 0;
      for (const path of paths) bytes += length(await fs.readFile(path));
      return bytes;
    },
    async statFiles(paths) {
      let bytes = 0;
      for (const path of paths) bytes += Number((await fs.stat(path)).size);
      return bytes;
    },
    async countExisting(paths) {
      // The promises API has no `exists`; `access` rejecting is the documented check.
      let found = 0;
      for (const path of paths) {
        try {
          await fs.access(path);
          found++;
        } catch {
          // missing
        }
      }
      return found;
    },
    async listFolders(dirs) {
      let entries = 0;
      for (const dir of dirs) entries += length(await fs.readdir(dir, { withFileTypes: true }));
      return entries;
    },
    async listRecursive(dir) {
      return length(await fs.readdir(dir, { recursive: true }));
    },
    async renameFolder(src, dst) {
      await fs.rename(src, dst);
      folders.forget();
    },
    async folderStats(dir) {
      const totals = { files: 0, bytes: 0 };
      await walk(dir, totals);
      return totals;
    },
    async writeChunked(path, chunks) {
      const parent = folders.missingParent(path);
      if (parent !== undefined) await fs.mkdir(parent, { recursive: true });
      const handle = await fs.open(path, "w");
      for (const chunk of chunks) await handle.write(chunk);
      await handle.close();
    },
    async readChunked(path, pieceSize) {
      const handle = await fs.open(path, "r");
      let bytes = 0;
      for (;;) {
        const { bytesRead } = await handle.read(new Uint8Array(pieceSize), 0, pieceSize, bytes);
        if (bytesRead === 0) break;
        bytes += bytesRead;
      }
      await handle.close();
      return bytes;
    },
    async close() {
      reset();
    },
  };
}

// spec BENCH-002: what the fs-style adapters do differently, printed under the tables.
/** Notes shared by the Node-`fs`-style peers. */
export const FS_NOTES: readonly string[] = [
  "fs-style peers create each new folder once with `mkdir -p` as part of the write cost (the Store creates parents implicitly).",
  "fs-style promises APIs have no `exists`: `access()` is used, which rejects for a missing path.",
  "fs-style folder size/count walks the tree with `readdir` + `stat`; streams use a file handle (`open`/`write`/`read`), reading into a fresh 1 MiB buffer per piece.",
];
