import type { BackendWatch, BackendWatchOptions, ChangeEvent } from "../../contract/watch.js";
import { compareCodePoints } from "../../paths/compare.js";
import { joinPath } from "../../paths/path-parts.js";
import type { S3Context } from "./context.js";

/** What one listing saw: files by backend path, and folders. */
interface Listing {
  readonly files: Map<string, { readonly tag: string; readonly size: number; readonly modifiedAt: Date }>;
  readonly folders: Set<string>;
}

/** Failed polls in a row that end a watch (spec WATCH-061). */
const MAX_FAILURES = 3;

/** One watch: its folder, its last listing, and where its events go. */
class PolledWatch implements BackendWatch {
  private last: Listing | undefined;
  private failures = 0;
  private running: Promise<void> | undefined;
  ended = false;

  constructor(
    private readonly ctx: S3Context,
    private readonly path: string,
    private readonly options: BackendWatchOptions,
    private readonly forget: (watch: PolledWatch) => void,
  ) {}

  /** Lists the folder and reports the difference to the previous listing (the first one is the baseline). */
  poll(): Promise<void> {
    this.running ??= this.once().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async close(): Promise<void> {
    this.ended = true;
    this.forget(this);
    await this.running?.catch(() => undefined);
  }

  /** The backend closed: ends without an error. */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.forget(this);
    this.options.onEnd(error);
  }

  private async once(): Promise<void> {
    let current: Listing;
    try {
      current = await list(this.ctx, this.path, this.options.recursive);
      this.failures = 0;
    } catch (error) {
      if (this.last === undefined) throw error;
      if (++this.failures >= MAX_FAILURES) this.end(error);
      return;
    }
    const previous = this.last;
    this.last = current;
    if (previous !== undefined && !this.ended) for (const event of difference(previous, current)) this.options.onEvent(event);
  }
}

/**
 * Watches of an S3 backend by polling (spec WATCH-060, WATCH-061): every `interval` ms (none when 0)
 * each watch lists its folder with ListObjectsV2 and reports what changed since its last listing.
 */
export class S3Watches {
  private readonly watches = new Set<PolledWatch>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: S3Context,
    private readonly interval: number,
  ) {}

  /** Starts a watch; resolves after its first listing (the baseline). */
  async watch(path: string, options: BackendWatchOptions): Promise<BackendWatch> {
    const watch = new PolledWatch(this.ctx, path, options, (done) => this.watches.delete(done));
    await watch.poll();
    this.watches.add(watch);
    this.schedule();
    return watch;
  }

  /** Polls every watch now; resolves when all are done. */
  async pollAll(): Promise<void> {
    await Promise.all([...this.watches].map((watch) => watch.poll().catch(() => undefined)));
  }

  /** Ends every watch (the backend closed). */
  endAll(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const watch of [...this.watches]) watch.end();
  }

  private schedule(): void {
    if (this.interval === 0 || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.watches.size === 0) return;
      void this.pollAll().finally(() => this.schedule());
    }, this.interval);
    (this.timer as { unref?: () => void }).unref?.();
  }
}

/** Lists the files and folders below `path` (its own entries only without `recursive`). */
async function list(ctx: S3Context, path: string, recursive: boolean): Promise<Listing> {
  const base = ctx.keys.folderPrefix(path);
  const listing = await ctx.api.listAll(base, { delimiter: !recursive }, path);
  const files: Listing["files"] = new Map();
  const folders = new Set<string>();
  const addFolders = (segments: readonly string[], count: number): void => {
    for (let depth = 1; depth <= count; depth++) folders.add(joinPath(path, segments.slice(0, depth).join("/")));
  };
  for (const { key, size, lastModified, etag } of listing.keys) {
    const rel = ctx.keys.relativeSegments(key, base);
    if (rel === undefined || rel.segments.length === 0) continue;
    if (rel.marker) {
      addFolders(rel.segments, rel.segments.length);
      continue;
    }
    addFolders(rel.segments, rel.segments.length - 1);
    files.set(joinPath(path, rel.segments.join("/")), { tag: etag ?? "", size, modifiedAt: lastModified });
  }
  for (const prefix of listing.prefixes) {
    const rel = ctx.keys.relativeSegments(prefix, base);
    if (rel !== undefined && rel.segments.length > 0) addFolders(rel.segments, rel.segments.length);
  }
  return { files, folders };
}

/** The changes from one listing to the next, in the order of WATCH-060. */
function difference(before: Listing, after: Listing): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const sorted = (paths: Iterable<string>): string[] => [...paths].sort(compareCodePoints);
  for (const folder of sorted(after.folders)) if (!before.folders.has(folder)) events.push({ type: "created", kind: "folder", path: folder });
  for (const path of sorted(new Set([...before.files.keys(), ...after.files.keys()]))) {
    const [old, now] = [before.files.get(path), after.files.get(path)];
    if (now === undefined) events.push({ type: "deleted", kind: "file", path });
    else if (old === undefined || old.tag !== now.tag || old.size !== now.size || old.modifiedAt.getTime() !== now.modifiedAt.getTime()) {
      events.push({ type: old === undefined ? "created" : "updated", kind: "file", path, size: now.size, modifiedAt: new Date(now.modifiedAt.getTime()) });
    }
  }
  for (const folder of sorted(before.folders).reverse()) if (!after.folders.has(folder)) events.push({ type: "deleted", kind: "folder", path: folder });
  return events;
}
