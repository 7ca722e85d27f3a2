import { isRemoteStoreError, type RemoteStoreError } from "../../errors/remote-store-error.js";
import { AlreadyExists, BackendUnavailable, DirectoryNotEmpty, InvalidPath, NotFound, PermissionDenied, QuotaExceeded } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { isObject } from "../../shared/checks/objects.js";

/** The backend name every local error carries. */
export const LOCAL_BACKEND_NAME = "local";

/** The `code` of a Node.js system error (`"ENOENT"`, ...), or `undefined` for anything else. */
export function errnoCode(error: unknown): string | undefined {
  if (!isObject(error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when `error` is a Node.js system error with one of `codes`. */
export function hasErrno(error: unknown, ...codes: readonly string[]): boolean {
  const code = errnoCode(error);
  return code !== undefined && codes.includes(code);
}

/**
 * Maps a native file-system error to a library error (spec LOC-020). `path` is the
 * backend-relative path the operation was given; the message quotes it and never names the
 * local directory. The native error is kept as `cause`. A library error passes through.
 */
export function mapFsError(error: unknown, path: string): RemoteStoreError {
  if (isRemoteStoreError(error)) return error;
  const options = { path, backend: LOCAL_BACKEND_NAME, cause: error };
  const quoted = quotePath(path);
  switch (errnoCode(error)) {
    case "ENOENT":
      return new NotFound(`Not found: ${quoted}`, options);
    case "EEXIST":
      return new AlreadyExists(`Already exists: ${quoted}`, options);
    case "ENOTEMPTY":
      return new DirectoryNotEmpty(`Folder not empty: ${quoted}`, options);
    case "EISDIR":
      return new InvalidPath(`Is a folder: ${quoted}`, options);
    case "ENOTDIR":
      return new InvalidPath(`A parent is not a folder: ${quoted}`, options);
    case "ENAMETOOLONG":
      return new InvalidPath(`Name too long for the file system: ${quoted}`, options);
    case "EINVAL":
    case "EILSEQ":
      return new InvalidPath(`Name rejected by the file system: ${quoted}`, options);
    case "ELOOP":
      return new InvalidPath(`Too many symbolic links: ${quoted}`, options);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new PermissionDenied(`Permission denied: ${quoted}`, options);
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return new QuotaExceeded(`No space left for: ${quoted}`, options);
    default:
      return new BackendUnavailable(`File system error (${errnoCode(error) ?? "unknown"}) at ${quoted}`, options);
  }
}
