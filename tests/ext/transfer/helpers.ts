import { MemoryBackend, Store, exportTree, type Snapshot } from "../../../src/index.js";

/** A settable fake clock for memory backends. */
export class FakeClock {
  constructor(public now = Date.parse("2024-01-01T00:00:00.000Z")) {}
  /** The clock function to hand to `MemoryBackend`. */
  readonly date = (): Date => new Date(this.now);
  /** Moves time forward. */
  advance(ms: number): void {
    this.now += ms;
  }
}

/** A memory store with a fake clock. */
export function clockedStore(clock: FakeClock, name?: string): Store {
  return new Store({ backend: new MemoryBackend({ clock: clock.date, ...(name === undefined ? {} : { name }) }) });
}

/** Writes `files` (path → text) into `store`. */
export async function seed(store: Store, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) await store.write(path, text, { overwrite: true });
}

/** A snapshot without modification times (for comparing trees across backends that stamp their own). */
export async function shape(store: Store): Promise<unknown[]> {
  const snapshot: Snapshot = await exportTree(store);
  return snapshot.entries.map((entry) => (entry.kind === "file" ? { ...entry, modifiedAt: undefined } : entry));
}

/** Paths of every file, recursively. */
export async function filePaths(store: Store): Promise<string[]> {
  return (await store.listFiles("", { recursive: true }).toArray()).map((file) => file.path);
}

/** Paths of every folder, recursively. */
export async function folderPaths(store: Store): Promise<string[]> {
  return (await store.listFolders("", { recursive: true }).toArray()).map((folder) => folder.path);
}
