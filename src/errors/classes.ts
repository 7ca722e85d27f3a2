import { RemoteStoreError, type RemoteStoreErrorOptions } from "./remote-store-error.js";

/** The file or folder does not exist (or lies below a file). */
export class NotFound extends RemoteStoreError {
  constructor(message: string, options?: RemoteStoreErrorOptions) {
    super("NOT_FOUND", message, options);
  }
}

/** The target exists and the operation was not allowed to overwrite it. */
export class AlreadyExists extends RemoteStoreError {
  constructor(message: string, options?: RemoteStoreErrorOptions) {
    super("ALREADY_EXISTS", message, options);
  }
}

/** The path is malformed, unsafe, the root where a file is needed, or of the wrong kind. */
export class InvalidPath extends RemoteStoreError {
  constructor(message: string, options?: RemoteStoreErrorOptions) {
    super("INVALID_PATH", message, options);
  }
}

/** A non-recursive folder delete found the folder not empty. */
export class DirectoryNotEmpty extends RemoteStoreError {
  constructor(message: string, options?: RemoteStoreErrorOptions) {
    super("DIRECTORY_NOT_EMPTY", message, options);
  }
}

/** The backend refused access. */
export class PermissionDenied extends RemoteStoreError {
  constructor(message: string, options?: RemoteStoreErrorOptions) {
    super("PERMISSION_DENIED", message, options);
  }
}

/** Options of {@link CapabilityNotSupported}. */
export interface CapabilityNotSupportedOptions extends RemoteStoreErrorOptions {
  /** The capability that is missing. */
  capability?: string | undefined;
}

/** The backend does not declare a capability the operation needs. Raised before any I/O. */
export class CapabilityNotSupported extends RemoteStoreError {
  /** The missing capability (the library always names it; `undefined` only when a caller gave none). */
  readonly capability: string | undefined;
  constructor(message: string, options: CapabilityNotSupportedOptions = {}) {
    super("CAPABILITY_NOT_SUPPORTED", message, options);
    this.capability = options.capability;
  }
}

/** The backend cannot be reached, gave up after retries, or is closed. */
export class BackendUnavailable extends RemoteStoreError {
  constructor(message: string, options?: RemoteStoreErrorOptions) {
    super("BACKEND_UNAVAILABLE", message, options);
  }
}

/** The write would take the backend over its size limit. Nothing was changed. */
export class QuotaExceeded extends RemoteStoreError {
  constructor(message: string, options?: RemoteStoreErrorOptions) {
    super("QUOTA_EXCEEDED", message, options);
  }
}

/** Options of {@link ConfigError}. */
export interface ConfigErrorOptions extends RemoteStoreErrorOptions {
  /** Every problem found, each with its location. */
  issues?: readonly string[];
}

/** A configuration is invalid; `issues` lists every problem found, each with its location. */
export class ConfigError extends RemoteStoreError {
  /** Every problem found. */
  readonly issues: readonly string[];
  constructor(message: string, options: ConfigErrorOptions = {}) {
    super("CONFIG_INVALID", message, options);
    this.issues = Object.freeze([...(options.issues ?? [message])]);
  }
}

/**
 * Structured input that is not a path is invalid: a multipart part list with an unknown part or
 * a stale etag, a snapshot with a bad entry. Nothing was changed.
 */
export class InvalidArgument extends RemoteStoreError {
  constructor(message: string, options?: RemoteStoreErrorOptions) {
    super("INVALID_ARGUMENT", message, options);
  }
}
