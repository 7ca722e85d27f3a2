import type { BackendWatch, BackendWatchOptions, ChangeEvent } from "../../contract/watch.js";
import type { MemoryCore } from "./memory-core.js";
import type { MemoryTree } from "./tree.js";

/** One registered watch: its folder and where its events go. */
interface Sink {
  readonly folder: string;
  readonly options: BackendWatchOptions;
}

/** The core's methods this module observes (spec WATCH-040). */
type Observed = "put" | "copy" | "delete" | "deleteFolder" | "move" | "createFolder" | "moveFolder" | "copyFolder" | "close";

const observers = new WeakMap<MemoryCore, CoreObserver>();

/**
 * Watches the folder `path` of a memory core (spec WATCH-030, WATCH-040). Loaded lazily by
 * `MemoryBackend.watch`, so a store that never watches carries none of this; it imports nothing at
 * run time, so it shares no module with the core bundle.
 * @throws `InvalidPath` when `path` is a file; `BackendUnavailable` when the core is closed.
 */
export function watchCore(core: MemoryCore, path: string, options: BackendWatchOptions): BackendWatch {
  // `getFolderInfo` raises the core's own InvalidPath for a file; a missing folder is watched.
  if (core.kindOf(path) === "file") core.getFolderInfo(path);
  let observer = observers.get(core);
  if (observer === undefined) {
    observer = new CoreObserver(core);
    observers.set(core, observer);
  }
  const sink: Sink = { folder: path, options };
  observer.add(sink);
  const current = observer;
  return {
    close: async () => {
      current.remove(sink);
    },
  };
}

/**
 * Reports a core's mutations to its watches. While it has a watch it replaces the core's mutating
 * methods with observing ones (own properties of that core object); when the last watch leaves it
 * deletes them, so the class's methods run again unobserved (spec WATCH-041). Each observing
 * method looks at its target before the change (which folders it will create, whether a file is
 * replaced), runs the change, and reports it only when it succeeded, synchronously, in order.
 */
class CoreObserver {
  private readonly sinks = new Set<Sink>();

  constructor(private readonly core: MemoryCore) {}

  add(sink: Sink): void {
    if (this.sinks.size === 0) this.install();
    this.sinks.add(sink);
  }

  remove(sink: Sink): void {
    if (!this.sinks.delete(sink) || this.sinks.size > 0) return;
    this.uninstall();
  }

  private install(): void {
    const core = this.core;
    const proto = Object.getPrototypeOf(core) as MemoryCore;
    const tree = (): MemoryTree => core.tree;
    const observed: Pick<MemoryCore, Observed> = {
      put: (path, stored, options) => {
        const before = fileBefore(tree(), path);
        const result = proto.put.call(core, path, stored, options);
        this.folders(before.missing);
        this.emit({ type: before.exists ? "updated" : "created", kind: "file", path, size: result.size, ...(result.modifiedAt === undefined ? {} : { modifiedAt: result.modifiedAt }) });
        return result;
      },
      copy: (src, dst, options) => {
        const before = fileBefore(tree(), dst);
        proto.copy.call(core, src, dst, options);
        if (src === dst) return;
        this.folders(before.missing);
        const node = tree().findPath(dst);
        const size = node?.kind === "file" ? node.size : undefined;
        const modifiedAt = node?.kind === "file" ? new Date(node.modifiedAt) : undefined;
        this.emit({ type: before.exists ? "updated" : "created", kind: "file", path: dst, ...(size === undefined ? {} : { size }), ...(modifiedAt === undefined ? {} : { modifiedAt }) });
      },
      delete: (path, options) => {
        const existed = tree().findPath(path) !== undefined;
        proto.delete.call(core, path, options);
        if (existed) this.emit({ type: "deleted", kind: "file", path });
      },
      deleteFolder: (path, options) => {
        const existed = tree().findPath(path) !== undefined;
        proto.deleteFolder.call(core, path, options);
        if (existed) this.emit({ type: "deleted", kind: "folder", path });
      },
      move: (src, dst, options) => {
        const before = fileBefore(tree(), dst);
        proto.move.call(core, src, dst, options);
        if (src === dst) return;
        this.folders(before.missing);
        this.emit({ type: "moved", kind: "file", path: dst, from: src });
      },
      createFolder: (path, options) => {
        const missing = missingFolders(tree(), path, 0);
        proto.createFolder.call(core, path, options);
        this.folders(missing);
      },
      moveFolder: (src, dst, options) => {
        const missing = missingFolders(tree(), dst, 1);
        proto.moveFolder.call(core, src, dst, options);
        if (src === dst) return;
        this.folders(missing);
        this.emit({ type: "moved", kind: "folder", path: dst, from: src });
      },
      copyFolder: (src, dst, options) => {
        const missing = missingFolders(tree(), dst, 1);
        proto.copyFolder.call(core, src, dst, options);
        if (src === dst) return;
        this.folders(missing);
        this.emit({ type: "created", kind: "folder", path: dst });
      },
      close: () => {
        proto.close.call(core);
        const sinks = [...this.sinks];
        this.sinks.clear();
        this.uninstall();
        for (const sink of sinks) sink.options.onEnd();
      },
    };
    Object.assign(core, observed);
  }

  private uninstall(): void {
    for (const name of OBSERVED) delete (this.core as Partial<Record<Observed, unknown>>)[name];
  }

  private folders(paths: readonly string[] | undefined): void {
    if (paths !== undefined) for (const path of paths) this.emit({ type: "created", kind: "folder", path });
  }

  /** Hands one frozen event to every watch whose folder it may concern (the Store filters exactly). */
  private emit(fields: ChangeEvent): void {
    const event = Object.freeze(fields);
    for (const sink of this.sinks) {
      if (concerns(sink.folder, event.path) || (event.from !== undefined && concerns(sink.folder, event.from))) sink.options.onEvent(event);
    }
  }
}

const OBSERVED: readonly Observed[] = ["put", "copy", "delete", "deleteFolder", "move", "createFolder", "moveFolder", "copyFolder", "close"];

/** True when `path` is at or below `folder`, or above it (its deletion or move concerns the folder). */
function concerns(folder: string, path: string): boolean {
  return folder === "" || within(path, folder) || within(folder, path);
}

function within(path: string, folder: string): boolean {
  return path === folder || (path.startsWith(folder) && path.charCodeAt(folder.length) === 47);
}

/**
 * Before a file lands at `path`: whether a file is there, and which parent folders the change
 * will create. Looks the parent up as the write itself will (the tree remembers it), so that a
 * write into an existing folder costs one more map lookup.
 */
function fileBefore(tree: MemoryTree, path: string): { exists: boolean; missing: string[] | undefined } {
  const slash = path.lastIndexOf("/");
  const parent = tree.folderOf(path, slash);
  if (parent !== undefined) return { exists: parent.children.get(path.slice(slash + 1))?.kind === "file", missing: undefined };
  return { exists: false, missing: missingFolders(tree, path, 1) };
}

/**
 * The folders a change would create for `path`, outermost first: its missing ancestors, and the
 * path itself unless `skip` is 1. `undefined` when a file is in the way (the change will fail).
 */
function missingFolders(tree: MemoryTree, path: string, skip: 0 | 1): string[] | undefined {
  if (path === "") return undefined;
  const segments = path.split("/");
  const wanted = segments.length - skip;
  const resolution = tree.resolve(segments.slice(0, wanted));
  if (resolution.found !== undefined || resolution.blockedBy !== undefined) return undefined;
  const missing: string[] = [];
  for (let i = resolution.missingAt; i < wanted; i++) missing.push(segments.slice(0, i + 1).join("/"));
  return missing;
}
