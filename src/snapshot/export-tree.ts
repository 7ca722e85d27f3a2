import { compareCodePoints } from "../paths/compare.js";
import { normalizePath } from "../paths/normalize.js";
import type { Store } from "../store/store.js";
import { encodeBase64 } from "../shared/bytes/base64.js";
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type SnapshotFile, type SnapshotFolder } from "./snapshot-format.js";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Options of {@link exportTree}. */
export interface ExportTreeOptions {
  /**
   * Include each file's `modifiedAt` (default true). `false` leaves times out, so that a
   * snapshot of the same content is the same on every run — for `toMatchSnapshot` and golden
   * files (spec SNAP-003).
   */
  readonly times?: boolean;
}

/**
 * Takes a snapshot of a store, or of the folder `path` of it, with paths relative to that folder
 * (spec SNAP-001). Reads every file; use it for fixtures and golden files, not for terabytes.
 */
export async function exportTree(store: Store, path = "", options: ExportTreeOptions = {}): Promise<Snapshot> {
  if (options.times !== undefined && typeof options.times !== "boolean") {
    throw new TypeError(`exportTree: times must be a boolean, got ${typeof options.times}`);
  }
  const times = options.times ?? true;
  const base = normalizePath(path);
  const relative = (p: string): string => (base === "" ? p : p.slice(base.length + 1));
  const entries: (SnapshotFolder | SnapshotFile)[] = [];
  for await (const folder of store.listFolders(base, { recursive: true })) {
    entries.push({ kind: "folder", path: relative(folder.path) });
  }
  for await (const file of store.listFiles(base, { recursive: true })) {
    const bytes = await store.readBytes(file.path);
    const text = asText(bytes);
    entries.push({
      kind: "file",
      path: relative(file.path),
      ...(text === undefined ? { base64: encodeBase64(bytes) } : { text }),
      ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
      ...(file.metadata === undefined ? {} : { metadata: { ...file.metadata } }),
      ...(times ? { modifiedAt: file.modifiedAt.toISOString() } : {}),
    });
  }
  entries.sort((a, b) => compareCodePoints(a.path, b.path));
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, entries };
}

function asText(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
