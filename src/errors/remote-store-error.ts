import { quotePath } from "./quote-path.js";
import { isObject } from "../shared/checks/objects.js";

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
  /**
   * Further paths the message names, by key: `{ blocking: "a/b" }` for a message that says
   * `"… {blocking} …"`. Like `path`, they are data, so a Store can show them store-relative.
   */
  paths?: Readonly<Record<string, string>> | undefined;
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
  /** Further paths the message names, by key (see {@link RemoteStoreErrorOptions.paths}). */
  readonly paths: Readonly<Record<string, string>> | undefined;
  /** The backend name, if known. */
  readonly backend: string | undefined;
  /**
   * The message as a template: `{path}` and `{key}` stand for `path` and `paths[key]`, so that
   * the message can be rendered again when the paths are shown differently (spec ERR-008).
   */
  readonly template: string;
  /** Marks library errors for {@link isRemoteStoreError}. */
  readonly [ERROR_BRAND] = true;

  /** @internal Subclasses pass their code; users construct subclasses. */
  constructor(code: ErrorCode, message: string, options: RemoteStoreErrorOptions = {}) {
    const paths = options.paths === undefined ? undefined : Object.freeze({ ...options.paths });
    const template = messageTemplate(String(message), options.path, paths);
    super(renderMessage(template, options.path, paths), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.paths = paths;
    this.backend = options.backend;
    this.template = template;
    this.name = new.target.name;
  }

  /**
   * A copy of this error (same class, code, backend, cause and extra fields) whose `path` and
   * `paths` are passed through `map`, with the message rendered again from its template. The
   * Store uses it to make backend paths store-relative (spec ERR-008, PATH-013).
   */
  withPaths(map: (path: string) => string): this {
    const path = this.path === undefined ? undefined : map(this.path);
    const paths = this.paths === undefined ? undefined : Object.freeze(Object.fromEntries(Object.entries(this.paths).map(([key, value]) => [key, map(value)])));
    const message = renderMessage(this.template, path, paths);
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.defineProperties(copy, Object.getOwnPropertyDescriptors(this));
    Object.defineProperty(copy, "path", { value: path, enumerable: true });
    Object.defineProperty(copy, "paths", { value: paths, enumerable: true });
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

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The template of a message (spec ERR-008): a path written out literally as `quotePath(path)` is
 * read as its placeholder, and a message that does not place a non-empty `path` gets `: {path}` at the end.
 */
function messageTemplate(message: string, path: string | undefined, paths: Readonly<Record<string, string>> | undefined): string {
  let template = message;
  if (path !== undefined && path !== "") template = template.replaceAll(quotePath(path), "{path}");
  for (const [key, value] of Object.entries(paths ?? {})) if (value !== "") template = template.replaceAll(quotePath(value), `{${key}}`);
  if (path !== undefined && path !== "" && !template.includes("{path}")) template += ": {path}";
  return template;
}

/** The message of a template: each known placeholder becomes its path, quoted as a JSON string. */
function renderMessage(template: string, path: string | undefined, paths: Readonly<Record<string, string>> | undefined): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    const value = key === "path" ? path : paths !== undefined && Object.hasOwn(paths, key) ? paths[key] : undefined;
    return value === undefined ? whole : quotePath(value);
  });
}

/**
 * True when `value` is a library error (optionally with the given code).
 * Works across bundles and realms, unlike `instanceof`.
 */
export function isRemoteStoreError(value: unknown, code?: ErrorCode): value is RemoteStoreError {
  if (!isObject(value)) return false;
  if ((value as Record<symbol, unknown>)[ERROR_BRAND] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}
