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
  const inside = (p: string): boolean => (scope.recursive ? isBelow(p, scope.folder) : p !== scope.folder && parentOf(p) === scope.folder);
  const covers = (p: string): boolean => p === scope.folder || isBelow(scope.folder, p);
  const self = (change: "created" | "deleted"): ChangeEvent => Object.freeze({ type: change, kind: "folder", path: storePath(scope.folder, scope.root) });
  if (type === "moved" && from !== undefined) {
    const fromIn = inside(from);
    const toIn = inside(path);
    if (fromIn && toIn) return Object.freeze({ type, kind, path: storePath(path, scope.root), from: storePath(from, scope.root) });
    if (fromIn) return Object.freeze({ type: "deleted", kind, path: storePath(from, scope.root) });
    if (toIn) return copyOf(event, "created", storePath(path, scope.root));
    if (covers(from)) return self("deleted");
    return covers(path) ? self("created") : undefined;
  }
  if (inside(path)) return copyOf(event, type, storePath(path, scope.root));
  if (type === "deleted" && covers(path)) return self("deleted");
  return type === "created" && kind === "folder" && path === scope.folder ? self("created") : undefined;
}

function copyOf(event: ChangeEvent, type: ChangeEvent["type"], path: string): ChangeEvent {
  const { kind, size, modifiedAt } = event;
  if (size === undefined && modifiedAt === undefined) return Object.freeze({ type, kind, path });
  return Object.freeze({
    type,
    kind,
    path,
    ...(size === undefined ? {} : { size }),
    ...(modifiedAt === undefined ? {} : { modifiedAt: new Date(modifiedAt.getTime()) }),
  });
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
