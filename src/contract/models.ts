/** User metadata: string keys to string values. Always copied in and out. */
export type Metadata = Readonly<Record<string, string>>;

/** A file, as returned by `getFileInfo` and listings. A plain frozen object. */
export interface FileInfo {
  readonly kind: "file";
  /** Store-relative, normalised path; can be passed back to any Store method. */
  readonly path: string;
  /** The last path segment. */
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  /** Last modification time (a fresh copy on every call). */
  readonly modifiedAt: Date;
  /** The stored content type, when the backend keeps one. */
  readonly contentType?: string;
  /** User metadata, `undefined` when there is none. */
  readonly metadata?: Metadata;
}

/** A folder, as returned by listings. */
export interface FolderEntry {
  readonly kind: "folder";
  /** Store-relative, normalised path. */
  readonly path: string;
  /** The last path segment. */
  readonly name: string;
}

/** Aggregates over a folder's whole subtree. */
export interface FolderInfo {
  /** Store-relative path; `""` for the store root. */
  readonly path: string;
  /** Number of files at any depth below the folder (folders are not counted). */
  readonly fileCount: number;
  /** Sum of the sizes of those files. */
  readonly totalSize: number;
  /** Newest modification time of those files; absent when there are none. */
  readonly modifiedAt?: Date;
}

/** What a write reports. */
export interface WriteResult {
  /** Store-relative path written. */
  readonly path: string;
  /** Bytes written. */
  readonly size: number;
  /** Modification time stamped by the write, when the backend reports it. */
  readonly modifiedAt?: Date;
  /** The content type stored. */
  readonly contentType?: string;
  /** The user metadata stored (`undefined` when none). */
  readonly metadata?: Metadata;
}

/** An entry of `iterChildren`: a file or a folder. */
export type Entry = FileInfo | FolderEntry;
