/**
 * The adapter every benchmarked system implements. Workloads speak only this interface, so
 * every system runs exactly the same sequence of operations.
 *
 * Paths are given in the system's own dialect, converted by {@link SystemAdapter.path} before
 * timing starts. Every method returns a figure the workload checks (bytes read, entries
 * listed, …), so no system can skip work and no result is taken on trust.
 */
export interface Session {
  /** Writes each path with a private copy of `data`, creating parent folders as needed. */
  writeFiles(paths: readonly string[], data: Uint8Array): Promise<void>;
  /** Reads each file fully; returns the total bytes read. */
  readFiles(paths: readonly string[]): Promise<number>;
  /** Asks for each file's size and modification time; returns the total size (or the count, see `statNote`). */
  statFiles(paths: readonly string[]): Promise<number>;
  /** Checks each path for existence; returns how many exist. */
  countExisting(paths: readonly string[]): Promise<number>;
  /** Lists the direct entries of each folder in turn; returns the total number of entries. */
  listFolders(folders: readonly string[]): Promise<number>;
  /** Lists every file below `folder` at any depth; returns the number of entries seen. */
  listRecursive(folder: string): Promise<number>;
  /** Renames a folder with everything below it. */
  renameFolder(src: string, dst: string): Promise<void>;
  /** File count and total bytes of the subtree below `folder`. */
  folderStats(folder: string): Promise<{ files: number; bytes: number }>;
  /** Writes one file from `chunks`, as a stream where the system has one. */
  writeChunked(path: string, chunks: readonly Uint8Array[]): Promise<void>;
  /** Reads one file back in pieces of about `pieceSize` bytes; returns the bytes seen. */
  readChunked(path: string, pieceSize: number): Promise<number>;
  /** Frees the instance. */
  close(): Promise<void>;
}

/** Which role a system plays in the comparison. */
export type SystemRole = "subject" | "peer-async" | "peer-sync" | "baseline";

// spec BENCH-002: one adapter per peer maps the workloads onto its API, under one data contract.
/** A benchmarked system: how to name it, how to spell its paths, and how to open a fresh instance. */
export interface SystemAdapter {
  /** Stable id used in JSON (`remote-store`, `memfs-promises`, …). */
  readonly id: string;
  /** Human label for tables and charts. */
  readonly label: string;
  readonly role: SystemRole;
  /** Converts a canonical `a/b/c` path (the empty string is the root) to the system's dialect. */
  readonly path: (canonical: string) => string;
  /** Opens a fresh, empty instance. Only one instance of any system is open at a time. */
  readonly open: () => Promise<Session>;
  /** Caveats printed under the tables (e.g. what "stat" means for a key-value store). */
  readonly notes?: readonly string[];
}
