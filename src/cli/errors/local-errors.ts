import { AlreadyExists, InvalidPath, DirectoryNotEmpty, NotFound, PermissionDenied, QuotaExceeded } from "../../errors/classes.js";
import { RemoteStoreError } from "../../errors/remote-store-error.js";

type ErrorClass = new (message: string, options: { path?: string; cause?: unknown }) => RemoteStoreError;

const BY_ERRNO: Readonly<Record<string, ErrorClass>> = {
  ENOENT: NotFound,
  EEXIST: AlreadyExists,
  EISDIR: InvalidPath,
  ENOTDIR: InvalidPath,
  ENOTEMPTY: DirectoryNotEmpty,
  EACCES: PermissionDenied,
  EPERM: PermissionDenied,
  ENOSPC: QuotaExceeded,
  EDQUOT: QuotaExceeded,
};

/**
 * A local file-system error as a library error with the local path (spec CLI-034: errno →
 * exit code); errors without a known errno are returned unchanged (exit code 1).
 */
export function localError(error: unknown, path: string, what: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return error;
  const ErrorClass = BY_ERRNO[code];
  if (ErrorClass === undefined) return error;
  const reason = code === "ENOENT" ? "does not exist" : `${code.toLowerCase()}: ${(error as Error).message}`;
  return new ErrorClass(`local ${what} ${reason}`, { path, cause: error });
}
