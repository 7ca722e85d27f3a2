import { AlreadyExists, InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { LOCAL_BACKEND_NAME } from "./errno.js";
import type { Resolved } from "./local-root.js";

/**
 * Checks the target of a write, or the destination of a move or copy, in the contract's order:
 * a folder there, a file above it, or a link leaving the root → `InvalidPath`; an existing
 * entry without `overwrite` → `AlreadyExists` (spec LOC-045).
 */
export function checkDestination(target: Resolved, overwrite: boolean, path: string): void {
  if (target.escapes) throw escapes(path);
  if (target.kind === "folder") throw new InvalidPath(`Is a folder: ${quotePath(path)}`, context(path));
  if (target.kind === "missing") {
    if (target.belowFile) throw new InvalidPath(`A parent of ${quotePath(path)} is a file`, context(path));
    return;
  }
  if (!overwrite) throw new AlreadyExists(`File already exists: ${quotePath(path)}`, context(path));
}

/**
 * Checks the subject of a file operation (read, info, delete, move or copy source):
 * escaping → `InvalidPath`; a folder or a non-regular entry → `InvalidPath`. A missing path is
 * left to the caller (some tolerate it).
 */
export function checkFileSubject(subject: Resolved, path: string): void {
  if (subject.escapes) throw escapes(path);
  if (subject.kind === "folder") throw new InvalidPath(`Is a folder, not a file: ${quotePath(path)}`, context(path));
  if (subject.kind === "other") throw new InvalidPath(`Not a regular file: ${quotePath(path)}`, context(path));
}

/** `NotFound` for a missing file. */
export function fileNotFound(path: string, cause?: unknown): NotFound {
  return new NotFound(`File not found: ${quotePath(path)}`, { ...context(path), cause });
}

/** `InvalidPath` for a path that resolves outside the root through a symbolic link (spec LOC-012). */
export function escapes(path: string): InvalidPath {
  return new InvalidPath(`Resolves outside the local backend's root: ${quotePath(path)}`, context(path));
}

/** The `path` and `backend` options of every local error. */
export function context(path: string): { path: string; backend: string } {
  return { path, backend: LOCAL_BACKEND_NAME };
}
