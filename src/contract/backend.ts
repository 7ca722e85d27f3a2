import type { CapabilitySet } from "./capabilities.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, Metadata, WriteResult } from "./models.js";
import type { BackendWatch, BackendWatchOptions } from "./watch.js";

/**
 * Content as a backend receives it: a whole byte array, or chunks that arrive over time.
 * A backend must not keep a reference to a caller's `Uint8Array` (copy it, or write it out).
 * A chunk source may fail part-way; the backend must then leave no trace of the write.
 */
export type BackendContent = Uint8Array | AsyncIterable<Uint8Array>;

/** Options of {@link Backend.write} and {@link Backend.writeAtomic}. */
export interface BackendWriteOptions {
  /** Replace an existing file. Without it an existing file is `AlreadyExists`. */
  readonly overwrite: boolean;
  /** The content type to store (already resolved by the Store). */
  readonly contentType: string;
  /** Validated user metadata, or `undefined`. Non-empty metadata only reaches backends that declare `userMetadata`. */
  readonly metadata: Metadata | undefined;
  /** A modification time to store instead of "now"; only sent to backends that declare `setModifiedAt` (snapshot import). */
  readonly modifiedAt?: Date;
}

/** A byte range: both non-negative integers, already validated. */
export interface ByteRange {
  readonly offset: number;
  /** Bytes to read from `offset`; `undefined` reads to the end. */
  readonly length: number | undefined;
}

/** Options of {@link Backend.listFiles} and {@link Backend.listFolders}. */
export interface BackendListOptions {
  /** How many levels below the folder to descend: `0` lists only its own entries, `Infinity` everything. */
  readonly maxDepth: number;
}

/** What is at a path: a file, a folder, or (`undefined`) nothing. */
export type EntryKind = "file" | "folder";

/**
 * The contract a storage backend implements (spec/backend.md). Users never call it directly:
 * the `Store` validates and normalises every path, applies its root, checks capabilities and
 * closed state, and shows errors with store-relative paths — once, for every backend.
 *
 * **A small required core.** Every backend has `name`, `capabilities`, `kindOf` and `close`.
 * Each gate capability it declares requires its method: `read` → `read`, `write` → `write`,
 * `delete` → `delete`, `list` → `listFiles`, `metadata` → `getFileInfo`, `move` → `move`,
 * `copy` → `copy`. Everything else is optional: where it is missing the Store provides it once,
 * from the core (spec BE-020) — `exists`/`isFile`/`isFolder` from `kindOf`, `readBytes` from
 * `read`, `writeAtomic` from `write` (a backend that declares `atomicWrite` without `writeAtomic`
 * promises that its `write` is atomic), `listFolders` from the folders implied by `listFiles`,
 * `iterChildren` from the two listings, `getFolderInfo` from `listFiles`, `deleteFolder` from
 * `listFiles` and `delete`. The last three fallbacks are right only for a flat namespace (folders
 * exist while they hold files), so a backend whose empty folders persist (one that declares
 * `createFolder`) implements `listFolders` and `deleteFolder` itself.
 *
 * **Paths** a backend receives are normalised backend-relative strings: `/`-separated,
 * no leading or trailing slash, no empty, `.` or `..` segments, no NUL. `""` is the backend
 * root, and file operations never receive it. Paths a backend returns (in `FileInfo`,
 * `FolderEntry`, `FolderInfo`, `WriteResult`) are in the same form.
 *
 * **Errors** are library errors (`RemoteStoreError` subclasses) carrying `path` (the
 * backend-relative path the call was given), any other path they name in `paths`, and `backend`
 * (this backend's `name`). Paths appear in messages only as `{path}`/`{key}` placeholders, never
 * as text, so that a Store can show them store-relative (spec ERR-008). No native error may
 * escape: map it, and keep it as `cause`. Type mismatch outranks existence: a file operation on a
 * folder is `InvalidPath` even when other options would tolerate a missing file.
 *
 * **Order**: listings come in Unicode code point order — names within one folder, full
 * paths for recursive listings (`compareCodePoints`).
 *
 * **Failure atomicity**: a failed mutation leaves no partial file, no new parent folders,
 * and no change to any quota accounting.
 *
 * The conformance suite in `remote-store/testing` checks all of this for any implementation.
 */
export interface Backend {
  /** A short non-empty name used in error messages and URLs (e.g. `"memory"`, `"local"`). */
  readonly name: string;

  /** What this backend can do. The Store refuses calls that need anything else. */
  readonly capabilities: CapabilitySet;

  /**
   * Optional promise: every object this backend returns (`FileInfo`, `FolderEntry`,
   * `FolderInfo`, `WriteResult`, and the arrays of snapshot listings) is a new frozen object of
   * exactly the Store's shape, with a new `Date` and a new frozen `metadata` object, referenced
   * by nothing else. A Store at the backend's root then hands these objects out as they are
   * instead of copying them (spec BE-011).
   */
  readonly freshResults?: boolean;

  /**
   * Required. What is at `path`: `"file"`, `"folder"`, or `undefined` when nothing is (also for a
   * path below a file). The root is a folder. Never throws `NotFound`.
   */
  kindOf(path: string): Promise<EntryKind | undefined>;

  /**
   * Required. Releases resources. Idempotent. Afterwards every other method rejects with
   * `BackendUnavailable`.
   */
  close(): Promise<void>;

  /**
   * Optional. A backend that stands in for one still being created (a registry backend whose
   * factory returned a Promise) resolves, once, to the backend that serves the calls; its
   * `capabilities` are final then. The Store waits for it before its first operation (spec BE-021).
   */
  ready?(): Promise<Backend>;

  /** Optional (fallback: `kindOf`). True when a file or folder exists at `path`. The root always exists. */
  exists?(path: string): Promise<boolean>;

  /** Optional (fallback: `kindOf`). True when `path` is a file. The root is not a file. */
  isFile?(path: string): Promise<boolean>;

  /** Optional (fallback: `kindOf`). True when `path` is a folder. The root is a folder. */
  isFolder?(path: string): Promise<boolean>;

  /**
   * Required with `read`. Opens a stream of the file's bytes (the `range` part only).
   * @throws `NotFound` when missing or below a file; `InvalidPath` when `path` is a folder.
   * Errors are raised when the promise settles, not mid-stream, for these cases.
   * A backend without `rangeRead` receives `{ offset: 0, length: undefined }` only.
   */
  read?(path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>>;

  /** Optional (fallback: `read`). The file's bytes (the `range` part only) in a new array the caller may keep. Same errors as {@link Backend.read}. */
  readBytes?(path: string, range: ByteRange): Promise<Uint8Array>;

  /**
   * Required with `write`. Writes a file, creating missing parent folders.
   * Precondition order: `path` is an existing folder, or an ancestor is a file → `InvalidPath`;
   * exists and not `overwrite` → `AlreadyExists`; over a size limit → `QuotaExceeded`.
   * Creating without `overwrite` is exclusive: of concurrent creators exactly one succeeds.
   * If `content` fails, the error propagates and nothing changes.
   */
  write?(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult>;

  /**
   * Optional with `atomicWrite` (fallback: `write`, which the declaration then promises to be
   * atomic). As {@link Backend.write}, and readers never observe a partial file.
   */
  writeAtomic?(path: string, content: BackendContent, options: BackendWriteOptions): Promise<WriteResult>;

  /**
   * Required with `delete`. Deletes a file; its parent folder stays.
   * @throws `InvalidPath` when `path` is a folder (even with `missingOk`); `NotFound` when missing
   * (or below a file) and not `missingOk`.
   */
  delete?(path: string, options: { readonly missingOk: boolean }): Promise<void>;

  /**
   * Optional (fallback: `listFiles` + `delete`; required with `createFolder`). Deletes a folder
   * (never the root: the Store refuses that).
   * @throws `InvalidPath` when `path` is a file; `NotFound` when missing and not `missingOk`;
   * `DirectoryNotEmpty` when it has any entry and not `recursive`.
   */
  deleteFolder?(path: string, options: { readonly recursive: boolean; readonly missingOk: boolean }): Promise<void>;

  /**
   * Required with `list`. Lists files below `path` down to `maxDepth`, in code point order of
   * their full paths. A missing path, a file, or a path below a file lists nothing (never
   * `NotFound`). A backend that returns a snapshot iterable (`snapshotIterable`) lists a
   * consistent snapshot taken when iteration starts; others may page as iteration proceeds.
   */
  listFiles?(path: string, options: BackendListOptions): AsyncIterable<FileInfo>;

  /**
   * Optional (fallback: the folders implied by `listFiles`; required with `createFolder`). Lists
   * folders below `path` down to `maxDepth`, in code point order of their full paths. Missing → nothing.
   */
  listFolders?(path: string, options: BackendListOptions): AsyncIterable<FolderEntry>;

  /** Optional (fallback: the two listings at depth 0). The immediate files and folders of `path`, mixed, in name order. Missing → nothing. */
  iterChildren?(path: string): AsyncIterable<Entry>;

  /** Required with `metadata`. @throws `NotFound` when missing or below a file; `InvalidPath` when a folder. */
  getFileInfo?(path: string): Promise<FileInfo>;

  /**
   * Optional (fallback: `listFiles`, which then needs `list`). Aggregates the folder's whole
   * subtree. The root always works (zero counts when empty).
   * @throws `NotFound` when missing; `InvalidPath` when a file.
   */
  getFolderInfo?(path: string): Promise<FolderInfo>;

  /**
   * Required with `move`. Moves a file, keeping its content, content type, metadata and modification time.
   * Order: src missing → `NotFound` (outranks every destination check); src a folder → `InvalidPath`;
   * `src === dst` → no-op; dst a folder or below a file → `InvalidPath`; dst exists and not
   * `overwrite` → `AlreadyExists`. Never loses both copies; atomic when `atomicMove` is declared.
   */
  move?(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void>;

  /** Required with `copy`. Copies a file with its content type and metadata, stamping a new modification time. Errors as {@link Backend.move}. */
  copy?(src: string, dst: string, options: { readonly overwrite: boolean }): Promise<void>;

  /**
   * Required with `url`. A URL for the object; the object need not exist. `options.expiresIn`
   * (seconds, an integer ≥ 1, validated by the Store) is passed only when the caller gave it;
   * a backend whose URLs do not expire ignores it.
   */
  url?(path: string, options?: BackendUrlOptions): Promise<string>;

  /**
   * Required with `watch` (checked when called; spec WATCH-030). Starts watching the folder `path`
   * and resolves once changes are being reported; `onEvent` receives changes with backend paths.
   * @throws `InvalidPath` when `path` is a file; `BackendUnavailable` when the backend is closed.
   */
  watch?(path: string, options: BackendWatchOptions): Promise<BackendWatch>;
}

/** Options of {@link Backend.url}. */
export interface BackendUrlOptions {
  /** Seconds the URL stays valid (an integer ≥ 1). */
  readonly expiresIn?: number;
}
