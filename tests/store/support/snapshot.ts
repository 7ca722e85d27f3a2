import { MemoryBackend, Store, type Metadata } from "../../../src/index.js";

/** One node of a backend's whole tree, as seen from the backend root. */
export type TreeEntry =
  | { readonly kind: "folder"; readonly path: string }
  | {
      readonly kind: "file";
      readonly path: string;
      readonly bytes: string;
      readonly modifiedAt: number;
      readonly contentType: string | undefined;
      readonly metadata: Metadata | undefined;
    };

/**
 * Everything a backend holds — every folder, and every file with its bytes (hex), time,
 * content type and metadata — read through an unrooted Store over the same backend.
 */
export async function snapshotTree(backend: MemoryBackend): Promise<TreeEntry[]> {
  const store = new Store({ backend }); // never closed, so the backend stays open
  const entries: TreeEntry[] = [];
  for (const folder of await store.listFolders("", { recursive: true }).toArray()) entries.push({ kind: "folder", path: folder.path });
  for (const file of await store.listFiles("", { recursive: true }).toArray()) {
    const bytes = await store.readBytes(file.path);
    entries.push({
      kind: "file",
      path: file.path,
      bytes: Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""),
      modifiedAt: file.modifiedAt.getTime(),
      contentType: file.contentType,
      metadata: file.metadata === undefined ? undefined : { ...file.metadata },
    });
  }
  return entries;
}
