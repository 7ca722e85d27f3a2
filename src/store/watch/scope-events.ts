import type { ChangeEvent } from "../../contract/watch.js";

/** Where a watcher looks: all backend paths (spec WATCH-012..WATCH-014). */
export interface WatchScope {
  /** The store's root in the backend (`""` = the backend root). */
  readonly root: string;
  /** The watched folder in the backend: at or below `root`. */
  readonly folder: string;
  readonly recursive: boolean;
}

/**
 * The event a watcher shows for a backend event, with store-relative paths, or `undefined` when
 * the watcher does not see it (spec WATCH-012..WATCH-014). Always a new frozen object with its own
 * `Date`. Path helpers are written out here (not imported) so that this lazily loaded module
 * shares nothing with the core bundle.
 */
export function scopeEvent(event: ChangeEvent, scope: WatchScope): ChangeEvent | undefined {
  const { type, kind, path, from } = event;
  const { root } = scope;
  if (type === "moved" && from !== undefined) {
    const fromIn = inside(from, scope);
    const toIn = inside(path, scope);
    if (fromIn && toIn) return Object.freeze({ type, kind, path: storePath(path, root), from: storePath(from, root) });
    if (fromIn) return Object.freeze({ type: "deleted", kind, path: storePath(from, root) });
    if (toIn) return copyOf(event, "created", storePath(path, root));
    if (covers(from, scope)) return self("deleted", scope);
    return covers(path, scope) ? self("created", scope) : undefined;
  }
  if (inside(path, scope)) return copyOf(event, type, storePath(path, root));
  if (type === "deleted" && covers(path, scope)) return self("deleted", scope);
  return type === "created" && kind === "folder" && path === scope.folder ? self("created", scope) : undefined;
}

/** True when the watcher shows changes of `path`: below the folder (recursive), or one of its own entries. */
function inside(path: string, scope: WatchScope): boolean {
  return scope.recursive ? isBelow(path, scope.folder) : path !== scope.folder && parentOf(path) === scope.folder;
}

/** True when a change of `path` takes the watched folder with it (`path` is the folder or above it). */
function covers(path: string, scope: WatchScope): boolean {
  return path === scope.folder || isBelow(scope.folder, path);
}

/** The event about the watched folder itself. */
function self(type: "created" | "deleted", scope: WatchScope): ChangeEvent {
  return Object.freeze({ type, kind: "folder", path: storePath(scope.folder, scope.root) });
}

/** One object literal per shape (not spread), so that every event of a shape shares one hidden class. */
function copyOf(event: ChangeEvent, type: ChangeEvent["type"], path: string): ChangeEvent {
  const { kind, size, modifiedAt } = event;
  if (modifiedAt !== undefined) {
    const fresh = new Date(modifiedAt.getTime());
    return Object.freeze(size === undefined ? { type, kind, path, modifiedAt: fresh } : { type, kind, path, size, modifiedAt: fresh });
  }
  return Object.freeze(size === undefined ? { type, kind, path } : { type, kind, path, size });
}

/** True when `path` lies strictly below `folder` (`""` holds everything but itself). */
function isBelow(path: string, folder: string): boolean {
  return folder === "" ? path !== "" : path.length > folder.length && path.startsWith(folder) && path.charCodeAt(folder.length) === 47;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** The store-relative path of a backend path at or below the store root `root`. */
export function storePath(path: string, root: string): string {
  return root === "" ? path : path === root ? "" : path.slice(root.length + 1);
}
