import type { Metadata } from "../contract/models.js";

/** The format tag of a snapshot. */
export const SNAPSHOT_FORMAT = "remote-store-snapshot";
/** The snapshot version this library writes and reads. */
export const SNAPSHOT_VERSION = 1;

/** A folder in a snapshot (every folder is listed, so empty ones round-trip). */
export interface SnapshotFolder {
  readonly kind: "folder";
  /** Path relative to the snapshot's root, normalised. */
  readonly path: string;
}

/** A file in a snapshot: its bytes as UTF-8 `text` when valid UTF-8, else as `base64`. */
export interface SnapshotFile {
  readonly kind: "file";
  readonly path: string;
  readonly text?: string;
  readonly base64?: string;
  readonly contentType?: string;
  readonly metadata?: Metadata;
  /** ISO 8601 modification time. */
  readonly modifiedAt?: string;
}

/**
 * A JSON-serialisable snapshot of a store or subtree (spec SNAP-*): folders (empty ones too),
 * bytes, content types, metadata and modification times, in code point order of their paths.
 */
export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly entries: readonly (SnapshotFolder | SnapshotFile)[];
}
