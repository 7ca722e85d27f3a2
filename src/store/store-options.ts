import type { Backend } from "../contract/backend.js";
import type { Metadata } from "../contract/models.js";

/** Options of the `Store` constructor. */
export interface StoreOptions {
  /** The backend that holds the data. A Store built by the user owns it: `close()` closes it. */
  readonly backend: Backend;
  /** A folder of the backend that becomes this store's root; a hard boundary. Default: the backend root. */
  readonly rootPath?: string;
}

/** A byte range of a read. */
export interface ReadOptions {
  /** First byte to read (default 0); at or past the end gives empty content. */
  readonly offset?: number;
  /** How many bytes to read (default: to the end); clipped at the end. */
  readonly length?: number;
}

/** Options of `readText`. */
export interface ReadTextOptions extends ReadOptions {
  /** A `TextDecoder` label; default `"utf-8"`. */
  readonly encoding?: string;
  /**
   * Bytes that are not valid in the encoding reject with a `TypeError` naming the path (spec
   * ST-024) instead of becoming U+FFFD (the default, `false`).
   */
  readonly fatal?: boolean;
}

/** Options of `write`, `writeText` and `writeAtomic`. */
export interface WriteOptions {
  /** Replace an existing file (default false: `AlreadyExists`). */
  readonly overwrite?: boolean;
  /** User metadata: string keys and values, at most 2 KiB in all. */
  readonly metadata?: Metadata;
  /** The content type to store; default: a Blob's type, else guessed from the extension. */
  readonly contentType?: string;
  /** Store this modification time instead of "now" (needs `setModifiedAt`; used by snapshot import). */
  readonly modifiedAt?: Date;
}

/** Options of `createFolder`. */
export interface CreateFolderOptions {
  /** Succeed quietly when the folder already exists. */
  readonly existOk?: boolean;
}

/** Options of `startMultipartUpload`. */
export interface MultipartOptions {
  /** Replace an existing file on completion (default false: `AlreadyExists`). */
  readonly overwrite?: boolean;
  /** User metadata of the assembled file. */
  readonly metadata?: Metadata;
  /** Content type of the assembled file; default guessed from the extension. */
  readonly contentType?: string;
}

/** Options of `delete`. */
export interface DeleteOptions {
  /** Succeed quietly when the file does not exist. */
  readonly missingOk?: boolean;
}

/** Options of `deleteFolder`. */
export interface DeleteFolderOptions {
  /** Delete everything below as well; otherwise a non-empty folder is `DirectoryNotEmpty`. */
  readonly recursive?: boolean;
  /** Succeed quietly when the folder does not exist. */
  readonly missingOk?: boolean;
}

/** Options of `listFiles` and `listFolders`. */
export interface ListOptions {
  /** List the whole subtree. */
  readonly recursive?: boolean;
  /** Levels to descend below the folder (implies `recursive`); `0` lists only the folder's own entries. */
  readonly maxDepth?: number;
}

/** Options of `move` and `copy`. */
export interface TransferOptions {
  /** Replace an existing destination file. */
  readonly overwrite?: boolean;
}

/** Options of `Store.url`. */
export interface UrlOptions {
  /**
   * Seconds the URL stays valid, for backends whose URLs expire (S3's presigned URLs; an
   * integer of at least 1). Backends whose URLs never expire (memory, local) ignore it.
   */
  readonly expiresIn?: number;
}
