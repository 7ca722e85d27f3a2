import type { Backend } from "../../contract/backend.js";
import { isWithin } from "../../paths/index.js";
import { Store } from "../../store/store.js";

/** Everything a backend holds, seen through an unrooted store: file path → size and time, and folder paths. */
export interface BackendSnapshot {
  readonly files: ReadonlyMap<string, string>;
  readonly folders: ReadonlySet<string>;
}

/** Lists the whole backend (needs `list`). The store is not closed: it would close the backend. */
export async function snapshotBackend(backend: Backend): Promise<BackendSnapshot> {
  const store = new Store({ backend });
  const files = new Map<string, string>();
  for await (const file of store.listFiles("", { recursive: true })) files.set(file.path, `${file.size}@${file.modifiedAt.getTime()}`);
  const folders = new Set<string>();
  for await (const folder of store.listFolders("", { recursive: true })) folders.add(folder.path);
  return { files, folders };
}

/**
 * Every change between `before` and `after` that lies outside `rootPath` (spec CONF-H05). Folders on the
 * way to the root (`conformance-root`, the root itself) may appear; nothing else outside it may change.
 */
export function containmentViolations(before: BackendSnapshot, after: BackendSnapshot, rootPath: string): string[] {
  const problems: string[] = [];
  const outside = (path: string): boolean => !isWithin(path, rootPath) || path === rootPath;
  for (const [path, stamp] of after.files) {
    if (outside(path) && before.files.get(path) !== stamp) problems.push(`file ${JSON.stringify(path)} was written outside the rootPath`);
  }
  for (const [path] of before.files) {
    if (outside(path) && !after.files.has(path)) problems.push(`file ${JSON.stringify(path)} outside the rootPath disappeared`);
  }
  for (const path of after.folders) {
    const onTheWay = isWithin(rootPath, path);
    if (!onTheWay && !isWithin(path, rootPath) && !before.folders.has(path)) problems.push(`folder ${JSON.stringify(path)} was created outside the rootPath`);
  }
  for (const path of before.folders) {
    if (!isWithin(path, rootPath) && !isWithin(rootPath, path) && !after.folders.has(path)) problems.push(`folder ${JSON.stringify(path)} outside the rootPath disappeared`);
  }
  return problems;
}
