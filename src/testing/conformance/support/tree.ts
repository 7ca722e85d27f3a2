import { isRemoteStoreError, type ErrorCode } from "../../../errors/remote-store-error.js";
import type { Metadata } from "../../../contract/models.js";
import { compareCodePoints as byCodePoint } from "../../../paths/index.js";
import type { Store } from "../../../store/store.js";
import { assertDeepEqual, describeError, expectError, fail, show } from "../../assert.js";

/** One file of a {@link TreeState}: everything a folder operation must carry along. */
export interface TreeFile {
  /** Path relative to the captured folder. */
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | undefined;
  readonly metadata: Metadata | undefined;
  /** `modifiedAt` in milliseconds. */
  readonly modifiedAt: number;
}

/** A folder's whole subtree as seen through listings and reads, with paths relative to it. */
export interface TreeState {
  /** Every folder below the captured one, in code point order. */
  readonly folders: readonly string[];
  /** Every file below the captured one, in code point order of its path. */
  readonly files: readonly TreeFile[];
}

/**
 * Lists and reads the subtree of `folder` (needs `list` and `read`), independently of the snapshot
 * module, so folder cases can compare whole trees: paths, bytes, content types, metadata and times.
 */
export async function captureTree(store: Store, folder = ""): Promise<TreeState> {
  const prefix = folder === "" ? "" : `${folder}/`;
  const relative = (path: string): string => (path.startsWith(prefix) ? path.slice(prefix.length) : `<outside ${folder}>${path}`);
  const folders = (await store.listFolders(folder, { recursive: true }).toArray()).map((entry) => relative(entry.path));
  const files: TreeFile[] = [];
  for (const file of await store.listFiles(folder, { recursive: true }).toArray()) {
    files.push({
      path: relative(file.path),
      bytes: await store.readBytes(file.path),
      contentType: file.contentType,
      metadata: file.metadata === undefined ? undefined : { ...file.metadata },
      modifiedAt: file.modifiedAt.getTime(),
    });
  }
  return { folders: [...folders].sort(byCodePoint), files: files.sort((a, b) => byCodePoint(a.path, b.path)) };
}

/** The same tree without modification times (for operations that stamp new ones). */
export function withoutTimes(tree: TreeState): { folders: readonly string[]; files: Omit<TreeFile, "modifiedAt">[] } {
  return { folders: tree.folders, files: tree.files.map(({ modifiedAt: _ignored, ...rest }) => rest) };
}

/** Fails unless the subtree of `folder` still equals `before` (times included). */
export async function expectTreeUnchanged(store: Store, before: TreeState, label: string, folder = ""): Promise<void> {
  assertDeepEqual(await captureTree(store, folder), before, label);
}

/**
 * As `expectError`, but `error.path` must be exactly `path` — also when `path` is `undefined`
 * (an error that names no path) — or one of `path` when an array is given.
 */
export async function expectErrorAt(
  action: (() => unknown) | PromiseLike<unknown>,
  code: ErrorCode,
  path: string | undefined | readonly string[],
  label: string,
): Promise<unknown> {
  let error: unknown;
  try {
    error = await expectError(action, code);
  } catch (failure) {
    return fail(`${label}: ${(failure as Error).message}`);
  }
  const actual = isRemoteStoreError(error) ? error.path : undefined;
  const accepted: readonly (string | undefined)[] = Array.isArray(path) ? (path as readonly string[]) : [path as string | undefined];
  if (!accepted.includes(actual)) {
    fail(`${label}: expected ${code} with path ${accepted.map((p) => show(p)).join(" or ")}, got path ${show(actual)}`);
  }
  return error;
}

/** Writes every file of `files` through `store` (string content is UTF-8), creating parents, overwriting nothing. */
export async function seedStore(store: Store, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) await store.write(path, content);
}

/** Fails unless `reason` (a rejection from `Promise.allSettled`) is the library error `code` naming `path`. */
export function expectReason(reason: unknown, code: ErrorCode, path: string, label: string): void {
  if (!isRemoteStoreError(reason, code)) fail(`${label}: expected ${code}, got ${describeError(reason)}`);
  if (reason.path !== path) fail(`${label}: expected ${code} with path ${show(path)}, got path ${show(reason.path)}`);
}
