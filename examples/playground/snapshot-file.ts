import { exportTree, importTree, MemoryBackend, Store } from "../../src/index.js";

/** File name of a downloaded snapshot. */
export const SNAPSHOT_FILE_NAME = "remote-store-snapshot.json";

/**
 * Offers the whole store as a JSON snapshot download (exportTree → Blob → object URL), and
 * returns the number of entries in it.
 */
export async function downloadSnapshot(store: Store): Promise<number> {
  const snapshot = await exportTree(store);
  const blob = new Blob([`${JSON.stringify(snapshot, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = SNAPSHOT_FILE_NAME;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL can go once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return snapshot.entries.length;
}

/**
 * Reads a snapshot file into a fresh memory store. The snapshot is validated before anything is
 * written (spec SNAP-011); on any problem the fresh store is dropped and the error is thrown.
 */
export async function loadSnapshot(file: Blob): Promise<Store> {
  const data: unknown = JSON.parse(await file.text());
  const store = createPlaygroundStore();
  try {
    await importTree(store, data);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** The playground's store: a private memory tree. */
export function createPlaygroundStore(): Store {
  return new Store({ backend: new MemoryBackend({ name: "playground" }) });
}
