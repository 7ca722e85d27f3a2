import type { FileInfo } from "../../contract/models.js";
import { isNormalPath } from "../../paths/is-normal-path.js";
import { compareCodePoints } from "../../paths/compare.js";
import type { Store } from "../../store/store.js";
import type { ServerContext } from "../context.js";
import { folderKeyOf } from "../keys.js";

/** A key of a listing: a file, or a folder key (`p/`) of an empty or marked folder (spec S3S-092). */
export interface ListedKey {
  readonly kind: "key";
  readonly key: string;
  /** The file; `undefined` for a folder key. */
  readonly file: FileInfo | undefined;
  /** The folder's path, for a folder key. */
  readonly folder: string | undefined;
}

/** A rolled-up common prefix. */
export interface ListedPrefix {
  readonly kind: "prefix";
  readonly key: string;
}

/** One entry of a listing. */
export type ListedEntry = ListedKey | ListedPrefix;

/** What to list. */
export interface KeyQuery {
  readonly prefix: string;
  readonly delimiter: string;
  /** Only entries greater than this (start-after, marker or continuation token). */
  readonly after: string;
}

/**
 * The keys and common prefixes of a bucket that start with `prefix` and sort after `after`, in
 * UTF-8 byte order (spec S3S-110, S3S-111). With the delimiter `/` it reads one folder level;
 * otherwise it walks the subtree below the prefix's folder.
 */
export async function listKeys(context: ServerContext, bucket: string, store: Store, query: KeyQuery): Promise<ListedEntry[]> {
  const slash = query.prefix.lastIndexOf("/");
  const folder = slash === -1 ? "" : query.prefix.slice(0, slash);
  if (folder !== "" && !isNormalPath(folder)) return [];
  const entries = query.delimiter === "/" ? await oneLevel(context, bucket, store, folder, query.prefix) : await subtree(context, bucket, store, folder, query);
  return entries.filter((entry) => compareCodePoints(entry.key, query.after) > 0).sort((a, b) => compareCodePoints(a.key, b.key));
}

function fileKey(file: FileInfo): ListedKey {
  return { kind: "key", key: file.path, file, folder: undefined };
}

function folderKey(path: string): ListedKey {
  return { kind: "key", key: folderKeyOf(path), file: undefined, folder: path };
}

async function oneLevel(context: ServerContext, bucket: string, store: Store, folder: string, prefix: string): Promise<ListedEntry[]> {
  const out: ListedEntry[] = [];
  let empty = true;
  for await (const entry of store.iterChildren(folder)) {
    empty = false;
    const key = entry.kind === "file" ? entry.path : folderKeyOf(entry.path);
    if (!key.startsWith(prefix)) continue;
    out.push(entry.kind === "file" ? fileKey(entry) : { kind: "prefix", key });
  }
  if (folder !== "" && prefix === folderKeyOf(folder) && (empty || context.index.marker(bucket, folder) !== undefined) && (await store.isFolder(folder))) {
    out.push(folderKey(folder));
  }
  return out;
}

async function subtree(context: ServerContext, bucket: string, store: Store, folder: string, query: KeyQuery): Promise<ListedEntry[]> {
  const [files, folders] = await Promise.all([store.listFiles(folder, { recursive: true }).toArray(), store.listFolders(folder, { recursive: true }).toArray()]);
  // In key order a folder's own key `p/` is directly followed by the keys below it, if any.
  const sorted = [...files.map((f) => f.path), ...folders.map((f) => folderKeyOf(f.path))].sort(compareCodePoints);
  const keys: ListedKey[] = files.map(fileKey);
  const marked = (path: string): boolean => context.index.marker(bucket, path) !== undefined;
  for (const { path } of folders) {
    const own = folderKeyOf(path);
    const next = sorted[binarySearch(sorted, own) + 1];
    if (marked(path) || next === undefined || !next.startsWith(own)) keys.push(folderKey(path));
  }
  if (folder !== "" && (sorted.length === 0 || marked(folder)) && (await store.isFolder(folder))) keys.push(folderKey(folder));
  const matching = keys.filter((k) => k.key.startsWith(query.prefix));
  if (query.delimiter === "") return matching;
  const out: ListedEntry[] = [];
  const prefixes = new Set<string>();
  for (const entry of matching) {
    const cut = entry.key.indexOf(query.delimiter, query.prefix.length);
    if (cut === -1) out.push(entry);
    else prefixes.add(entry.key.slice(0, cut + query.delimiter.length));
  }
  for (const key of prefixes) out.push({ kind: "prefix", key });
  return out;
}

function binarySearch(sorted: readonly string[], value: string): number {
  let [low, high] = [0, sorted.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    const c = compareCodePoints(sorted[mid] as string, value);
    if (c === 0) return mid;
    if (c < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
