import { isRemoteStoreError, type RemoteStoreError } from "../../errors/remote-store-error.js";
import { joinPath, normalizePath } from "../../paths/index.js";
import type { Store } from "../../store/store.js";

const DISPLAY: unique symbol = Symbol("remote-store.cli.display");

/**
 * A store and a path in it, as named by one command-line argument (spec CLI-020), with the way
 * its paths are shown in messages (spec CLI-024).
 */
export class Location {
  /** The store to operate on. */
  readonly store: Store;
  /** The normalised store-relative path (`""` = the store root). */
  readonly path: string;
  /** The argument as typed. */
  readonly spec: string;
  /** True when the argument ended with a separator or named a store root (a folder destination). */
  readonly folderHint: boolean;
  /** What is put before a store-relative path to show it (`reports:`, `/`, `memory://x/`, or `""`). */
  readonly prefix: string;
  /** How the store root is shown when the prefix alone would be empty. */
  private readonly rootLabel: string;

  constructor(options: { store: Store; path: string; spec: string; folderHint: boolean; prefix: string; rootLabel?: string }) {
    this.store = options.store;
    this.path = options.path;
    this.spec = options.spec;
    this.folderHint = options.folderHint;
    this.prefix = options.prefix;
    this.rootLabel = options.rootLabel ?? (options.prefix === "" ? "." : options.prefix);
  }

  /** The location of another path of the same store. */
  at(path: string): Location {
    return new Location({ store: this.store, path: normalizePath(path), spec: this.spec, folderHint: false, prefix: this.prefix, rootLabel: this.rootLabel });
  }

  /** This folder as a location of its own: a store rooted here (a child store), path `""`. */
  folder(): Location {
    if (this.path === "") return this;
    return new Location({ store: this.store.child(this.path), path: "", spec: this.spec, folderHint: true, prefix: `${this.display()}/`, rootLabel: this.display() });
  }

  /** The location of `relative` below this one. */
  child(relative: string): Location {
    return this.at(joinPath(this.path, normalizePath(relative)));
  }

  /** A store-relative path of this store as a location string (spec CLI-024). */
  display(path: string = this.path): string {
    return path === "" ? this.rootLabel : `${this.prefix}${path}`;
  }

  /**
   * Runs a store operation; a library error it raises is labelled with this location's way of
   * showing paths, so the error line names the location the user typed (spec CLI-024).
   */
  async run<T>(operation: () => Promise<T> | T): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw this.label(error);
    }
  }

  /** Labels a library error with how this location shows its path (once). */
  label(error: unknown): unknown {
    if (isRemoteStoreError(error) && error.path !== undefined && !Object.hasOwn(error, DISPLAY)) {
      Object.defineProperty(error, DISPLAY, { value: this.display(error.path), enumerable: false });
    }
    return error;
  }
}

/** The location text attached by {@link Location.label}, else the error's own path. */
export function displayedPath(error: RemoteStoreError): string | undefined {
  const labelled = (error as unknown as Record<symbol, unknown>)[DISPLAY];
  return typeof labelled === "string" ? labelled : error.path;
}

/** The error's message with its quoted store path replaced by the quoted location text. */
export function displayedMessage(error: RemoteStoreError): string {
  const shown = displayedPath(error);
  const path = error.path;
  if (path === undefined || shown === undefined || shown === path) return error.message;
  return error.withPaths((p) => (p === path ? shown : p)).message;
}
