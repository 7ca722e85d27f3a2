import { LRUCache } from "lru-cache";
import { isWithin, parentPath } from "../../paths/path-parts.js";
import type { ResolvedCacheOptions } from "./options.js";

/** Hits, misses and entries of a cache (spec CACHE-007). */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  /** Entries held now. */
  readonly size: number;
}

interface Entry {
  readonly value: unknown;
  readonly path: string;
  readonly expiresAt: number;
}

/**
 * The entries of one cache, shared by a cached store and its children (spec CACHE-003): an LRU
 * map (`lru-cache`) of key → value with its expiry, an index of the keys by the path they are
 * about, so that a mutation drops what it may have changed, and the counters.
 */
export class CacheState {
  /** Moves on at the start and the end of every mutation: a read that saw it move is not stored (CACHE-005). */
  epoch = 0;
  hits = 0;
  misses = 0;
  /** Whether results are stored; with `invalidateOn: "watch"` only while the watch runs (CACHE-013). */
  storing: boolean;
  private readonly entries: LRUCache<string, Entry>;
  private readonly byPath = new Map<string, Set<string>>();

  constructor(readonly options: ResolvedCacheOptions) {
    this.storing = !options.watch;
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries,
      dispose: (entry, key) => this.unindex(entry.path, key),
    });
  }

  /** The live value under `key`, counting a hit or a miss. */
  lookup(key: string): unknown {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt > this.options.now()) {
      this.hits++;
      return entry.value;
    }
    if (entry !== undefined) this.entries.delete(key);
    this.misses++;
    return undefined;
  }

  /** Stores `value` under `key`, about `path`, unless a mutation began since `epoch`. */
  store(key: string, path: string, value: unknown, epoch: number): void {
    if (epoch !== this.epoch || !this.storing) return;
    this.entries.set(key, { value, path, expiresAt: this.options.now() + this.options.ttlMs });
    let keys = this.byPath.get(path);
    if (keys === undefined) this.byPath.set(path, (keys = new Set()));
    keys.add(key);
  }

  /**
   * Drops every entry about `path` or one of its ancestors (probes, folder info, listings that
   * could contain it) and, with `subtree`, about anything below it (spec CACHE-004).
   */
  invalidate(path: string, { subtree }: { subtree: boolean }): void {
    this.epoch++;
    for (let at = path; ; at = parentPath(at)) {
      this.dropPath(at);
      if (at === "") break;
    }
    if (!subtree) return;
    for (const indexed of [...this.byPath.keys()]) if (indexed !== path && isWithin(indexed, path)) this.dropPath(indexed);
  }

  /** Drops every entry. */
  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.byPath.clear();
  }

  get stats(): CacheStats {
    return Object.freeze({ hits: this.hits, misses: this.misses, size: this.entries.size });
  }

  private dropPath(path: string): void {
    const keys = this.byPath.get(path);
    if (keys === undefined) return;
    for (const key of [...keys]) this.entries.delete(key);
    this.byPath.delete(path);
  }

  private unindex(path: string, key: string): void {
    const keys = this.byPath.get(path);
    if (keys === undefined) return;
    keys.delete(key);
    if (keys.size === 0) this.byPath.delete(path);
  }
}
