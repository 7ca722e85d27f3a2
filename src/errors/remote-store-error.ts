/** Stable machine-readable error codes. Assert on these, never on message text. */
export type ErrorCode =
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "INVALID_PATH"
  | "DIRECTORY_NOT_EMPTY"
  | "PERMISSION_DENIED"
  | "CAPABILITY_NOT_SUPPORTED"
  | "BACKEND_UNAVAILABLE"
  | "QUOTA_EXCEEDED"
  | "CONFIG_INVALID"
  | "INVALID_ARGUMENT";

/** Options every library error accepts. */
export interface RemoteStoreErrorOptions {
  /** The store-relative (or, inside a backend, backend-relative) path the operation was given. */
  path?: string | undefined;
  /** The name of the backend that raised the error. */
  backend?: string | undefined;
  /** The underlying error, when one caused this. */
  cause?: unknown;
}

/** Brand used by {@link isRemoteStoreError}; a registered symbol so it works across bundles and realms. */
export const ERROR_BRAND: unique symbol = Symbol.for("remote-store.error") as never;

/**
 * Base class of every error the library raises on purpose.
 *
 * `code` is stable; `path` is the path the caller passed (normalised, store-relative);
 * `backend` names the backend; `cause` keeps the underlying error, if any.
 */
export class RemoteStoreError extends Error {
  /** Stable error code. */
  readonly code: ErrorCode;
  /** The path the failed operation was about, if any. */
  readonly path: string | undefined;
  /** The backend name, if known. */
  readonly backend: string | undefined;
  /** Marks library errors for {@link isRemoteStoreError}. */
  readonly [ERROR_BRAND] = true;

  /** @internal Subclasses pass their code; users construct subclasses. */
  constructor(code: ErrorCode, message: string, options: RemoteStoreErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.backend = options.backend;
    this.name = new.target.name;
  }

  /** A copy of this error with another path (and message), same class and extra fields. */
  withPath(path: string | undefined, message: string): RemoteStoreError {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as RemoteStoreError;
    Object.defineProperties(copy, Object.getOwnPropertyDescriptors(this));
    Object.defineProperty(copy, "path", { value: path, enumerable: true });
    Object.defineProperty(copy, "message", { value: message, enumerable: false, writable: true, configurable: true });
    if (typeof this.stack === "string") {
      Object.defineProperty(copy, "stack", { value: this.stack.replace(this.message, message), writable: true, configurable: true });
    }
    return copy;
  }

  /** `Name [CODE]: message`. */
  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

/**
 * True when `value` is a library error (optionally with the given code).
 * Works across bundles and realms, unlike `instanceof`.
 */
export function isRemoteStoreError(value: unknown, code?: ErrorCode): value is RemoteStoreError {
  if (typeof value !== "object" || value === null) return false;
  if ((value as Record<symbol, unknown>)[ERROR_BRAND] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}
