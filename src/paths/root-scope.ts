import { quotePath } from "../errors/quote-path.js";
import { isRemoteStoreError, type RemoteStoreError } from "../errors/remote-store-error.js";
import { joinPath } from "./path-parts.js";

/**
 * Maps store-relative paths to backend paths under a root, and back (spec PATH-010..PATH-014).
 * The root is a normalised path; `""` is the backend root.
 */
export class RootScope {
  /** The normalised root, `""` for the backend root. */
  readonly root: string;
  private readonly prefix: string;

  /** Folders above the root: a message naming one of them names the store root instead. */
  private readonly ancestors: readonly string[];

  constructor(root: string) {
    this.root = root;
    this.prefix = root === "" ? "" : `${root}/`;
    const segments = root === "" ? [] : root.split("/");
    this.ancestors = segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join("/"));
  }

  /** Backend path of a normalised store-relative path. */
  toBackend(relative: string): string {
    return joinPath(this.root, relative);
  }

  /** Store-relative path of a backend path under the root. */
  toStore(backendPath: string): string {
    if (this.root === "") return backendPath;
    if (backendPath === this.root) return "";
    if (backendPath.startsWith(this.prefix)) return backendPath.slice(this.prefix.length);
    throw new Error(`internal: backend path ${quotePath(backendPath)} is outside the store root`);
  }

  /**
   * The error with its `path` and named `paths` made store-relative and its message rendered
   * from them (spec PATH-013, ERR-008): a path under the root loses the root; the root itself and
   * any folder above it (a file blocking the root) are shown as the root `""`. Nothing is
   * searched in the message text.
   */
  relocateError(error: unknown): unknown {
    if (this.root === "" || !isRemoteStoreError(error)) return error;
    const e: RemoteStoreError = error;
    return e.withPaths((path) => this.toStoreShown(path));
  }

  private toStoreShown(backendPath: string): string {
    if (backendPath === this.root || this.ancestors.includes(backendPath)) return "";
    return backendPath.startsWith(this.prefix) ? backendPath.slice(this.prefix.length) : backendPath;
  }
}
