import type { Capability } from "../../contract/capabilities.js";
import {
  AlreadyExists, BackendUnavailable, CapabilityNotSupported, ConfigError, DirectoryNotEmpty, InvalidArgument,
  InvalidPath, NotFound, PermissionDenied, QuotaExceeded,
} from "../../errors/classes.js";
import type { ErrorCode, RemoteStoreError } from "../../errors/remote-store-error.js";
import type { StoreOperation } from "../../store/wrap/operations.js";

type Make = (message: string, options: { path?: string; backend: string; capability: Capability }) => RemoteStoreError;

/** Each error code the library raises, with its own class (spec ERR-001). */
const MAKERS: Readonly<Record<ErrorCode, Make>> = {
  NOT_FOUND: (m, o) => new NotFound(m, o),
  ALREADY_EXISTS: (m, o) => new AlreadyExists(m, o),
  INVALID_PATH: (m, o) => new InvalidPath(m, o),
  DIRECTORY_NOT_EMPTY: (m, o) => new DirectoryNotEmpty(m, o),
  PERMISSION_DENIED: (m, o) => new PermissionDenied(m, o),
  CAPABILITY_NOT_SUPPORTED: (m, o) => new CapabilityNotSupported(m, o),
  BACKEND_UNAVAILABLE: (m, o) => new BackendUnavailable(m, o),
  QUOTA_EXCEEDED: (m, o) => new QuotaExceeded(m, o),
  CONFIG_INVALID: (m, o) => new ConfigError(m, { ...o, issues: [m] }),
  INVALID_ARGUMENT: (m, o) => new InvalidArgument(m, o),
};

/** Every library error code. */
export const ERROR_CODES = Object.keys(MAKERS) as ErrorCode[];

/** The capability a `CapabilityNotSupported` names for each operation (ST-008). */
function capabilityOf(operation: StoreOperation): Capability {
  switch (operation) {
    case "write": case "writeText": return "write";
    case "writeAtomic": return "atomicWrite";
    case "delete": case "deleteFolder": return "delete";
    case "listFiles": case "listFolders": case "iterChildren": case "glob": return "list";
    case "getFileInfo": case "getFolderInfo": return "metadata";
    case "move": case "copy": case "url": case "createFolder": case "moveFolder": case "copyFolder": return operation;
    case "startMultipartUpload": case "listMultipartUploads": case "uploadPart": case "listParts": case "completeMultipartUpload": case "abortMultipartUpload": return "multipart";
    default: return "read";
  }
}

/** The error an injected fault throws: the library's own class for `code`, with the call's store-relative `path` (spec FAULT-003). */
export function injectedError(code: ErrorCode, call: { readonly operation: StoreOperation; readonly path: string | undefined; readonly backend: string }, rule: number): RemoteStoreError {
  const options = { backend: call.backend, capability: capabilityOf(call.operation), ...(call.path === undefined ? {} : { path: call.path }) };
  return MAKERS[code](`Injected fault (rule ${rule}) in ${call.operation}`, options);
}
