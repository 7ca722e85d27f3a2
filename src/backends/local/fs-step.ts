import { lstat } from "node:fs/promises";
import { mapFsError } from "./errno.js";

/**
 * Runs one file-system step and maps its failure to a library error naming the backend path
 * `path` (spec LOC-020, LOC-021). Only file-system calls go through here: a content source's own
 * error must never be wrapped (LOC-023).
 */
export async function fsStep<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw mapFsError(error, path);
  }
}

/** For best-effort cleanup: the outcome being reported matters more than a failed removal. */
export function ignore(): void {
  // Nothing to report.
}

/** True when a directory entry exists at local path `local` (links are not followed). */
export async function present(local: string): Promise<boolean> {
  return lstat(local).then(
    () => true,
    () => false,
  );
}
