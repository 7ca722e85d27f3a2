import type { Entry, FileInfo, FolderEntry } from "../../../contract/models.js";
import type { Store } from "../../../store/store.js";
import { assert, assertDeepEqual, assertEqual, show } from "../../assert.js";
import { utf8 } from "./content.js";
import { isObject } from "../../../shared/checks/objects.js";

/** Anything a listing method returns. */
export interface ListingLike<T> extends AsyncIterable<T> {
  toArray(): Promise<T[]>;
}

/** The `path` of every item of a listing, in listing order. */
export async function pathsOf(listing: ListingLike<FileInfo | FolderEntry | Entry>): Promise<string[]> {
  return (await listing.toArray()).map((item) => item.path);
}

/** The `name` of every item of a listing, in listing order. */
export async function namesOf(listing: ListingLike<FileInfo | FolderEntry | Entry>): Promise<string[]> {
  return (await listing.toArray()).map((item) => item.name);
}

/** Sorted copy, for set-like comparisons. */
export function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

/** Fails unless `path` is a file with exactly `content`. */
export async function expectContent(store: Store, path: string, content: string | Uint8Array): Promise<void> {
  const expected = typeof content === "string" ? utf8(content) : content;
  const actual = await store.readBytes(path);
  assertDeepEqual(actual, expected, `content of ${JSON.stringify(path)}`);
}

/** Fails unless nothing exists at `path`. */
export async function expectAbsent(store: Store, path: string): Promise<void> {
  assertEqual(await store.exists(path), false, `exists(${JSON.stringify(path)})`);
}

/** Fails unless the whole store holds exactly the files `paths` (any order). */
export async function expectStoreFiles(store: Store, paths: readonly string[], label = "files in the store"): Promise<void> {
  const actual = await pathsOf(store.listFiles("", { recursive: true }));
  assertDeepEqual(sorted(actual), sorted(paths), label);
}

/** Fails unless the whole store holds exactly the folders `paths` (any order). */
export async function expectStoreFolders(store: Store, paths: readonly string[], label = "folders in the store"): Promise<void> {
  const actual = await pathsOf(store.listFolders("", { recursive: true }));
  assertDeepEqual(sorted(actual), sorted(paths), label);
}

/** Fails unless `value` is a valid `Date`. */
export function expectDate(value: unknown, label: string): asserts value is Date {
  assert(value instanceof Date && !Number.isNaN(value.getTime()), `${label}: expected a valid Date, got ${show(value)}`);
}

/** Fails unless `value` is frozen (an object that cannot be changed). */
export function expectFrozen(value: unknown, label: string): void {
  assert(isObject(value) && Object.isFrozen(value), `${label}: expected a frozen object, got ${show(value)}`);
}

/** Fails unless `value` is a `FileInfo` of `path` with `size`. */
export function expectFileInfo(value: FileInfo | Entry, path: string, size: number, label: string): void {
  assertEqual(value.kind, "file", `${label}.kind`);
  assertEqual(value.path, path, `${label}.path`);
  assertEqual(value.name, path.slice(path.lastIndexOf("/") + 1), `${label}.name`);
  if (value.kind === "file") {
    assertEqual(value.size, size, `${label}.size`);
    expectDate(value.modifiedAt, `${label}.modifiedAt`);
  }
}

/** Tries to change a frozen or copied object; swallows the strict-mode `TypeError`. */
export function tryMutate(action: () => void): void {
  try {
    action();
  } catch {
    // a frozen object refuses the change: that is fine
  }
}
