import { InvalidArgument } from "../../errors/classes.js";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import { quotePath } from "../../errors/quote-path.js";
import { parentPath } from "../../paths/path-parts.js";
import { clearAll, isFolder, listFiles, pruneTree, readText, removeFile, removeFolder, writeText, type Step } from "./effects.js";
import { decodeRecord, encodeRecord, isExpired } from "./record.js";

/** What every operation needs besides its arguments. */
export interface OpContext {
  readonly now: () => number;
  readonly defaultTtl: number | null;
}

/** The result of reading a key: its live value, or why there is none. */
export type Lookup = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly expired: boolean };

const MISSING: Lookup = Object.freeze({ found: false, expired: false });
const EXPIRED: Lookup = Object.freeze({ found: false, expired: true });

/** Reads a key (spec KV-011, KV-023). Changes nothing; an expired record is reported, not removed. */
export function* lookup(ctx: OpContext, key: string): Step<Lookup> {
  const text = yield* readText(key);
  if (text === undefined) return MISSING;
  const record = decodeRecord(text, key);
  if (isExpired(record, ctx.now())) return EXPIRED;
  return { found: true, value: record.value };
}

/** Removes the key's record if it (still) has expired, and the folders it leaves empty. */
export function* removeIfExpired(ctx: OpContext, key: string): Step<boolean> {
  const text = yield* readText(key);
  if (text === undefined || !isExpired(decodeRecord(text, key), ctx.now())) return false;
  yield* removeKey(key);
  return true;
}

/** Stores a value (JSON text) with the expiry `ttl` asks for (spec KV-022). */
export function* setValue(ctx: OpContext, key: string, valueJson: string, ttl: number | null | undefined): Step<void> {
  const expiresAt = expiryFor(ctx.now(), ttl === undefined ? ctx.defaultTtl : ttl);
  yield* writeRecord(ctx, key, encodeRecord(valueJson, expiresAt));
}

/** Deletes a key; true when it was live (spec KV-042). */
export function* deleteKey(ctx: OpContext, key: string): Step<boolean> {
  const text = yield* readText(key);
  if (text === undefined) return false;
  const live = !isExpired(decodeRecord(text, key), ctx.now());
  yield* removeKey(key);
  return live;
}

/** Adds `by` to a numeric value with fixed-window expiry (spec KV-030..KV-032). */
export function* incrementValue(ctx: OpContext, key: string, by: number, ttl: number | null | undefined): Step<number> {
  const now = ctx.now();
  const text = yield* readText(key);
  const record = text === undefined ? undefined : decodeRecord(text, key);
  let base = 0;
  let expiresAt: number | null;
  if (record === undefined || isExpired(record, now)) {
    expiresAt = expiryFor(now, ttl === undefined ? ctx.defaultTtl : ttl);
  } else {
    if (typeof record.value !== "number") {
      throw new InvalidArgument(`Cannot increment ${quotePath(key)}: its value is not a number`, { path: key });
    }
    base = record.value;
    expiresAt = ttl === undefined ? record.expiresAt : expiryFor(now, ttl);
  }
  const result = base + by;
  if (!Number.isFinite(result)) throw new RangeError(`Incrementing ${quotePath(key)} by ${by} overflows`);
  yield* writeRecord(ctx, key, encodeRecord(JSON.stringify(result), expiresAt));
  return result;
}

/** The live keys, in code point order (spec KV-040). */
export function* liveKeys(ctx: OpContext): Step<string[]> {
  const now = ctx.now();
  const keys: string[] = [];
  for (const path of yield* listFiles("")) {
    const text = yield* readText(path);
    if (text !== undefined && !isExpired(decodeRecord(text, path), now)) keys.push(path);
  }
  return keys;
}

/** Every stored key, live or not. */
export function* storedKeys(): Step<string[]> {
  return yield* listFiles("");
}

/** Removes every key (spec KV-041). */
export function* clearKeys(): Step<void> {
  yield* clearAll();
}

/** `now + ttl` (finite: a finite `ttl` added to a clock reading cannot overflow), or `null`. */
function expiryFor(now: number, ttl: number | null): number | null {
  return ttl === null ? null : now + ttl;
}

/** Writes a record; when something expired stands in the way (spec KV-003), removes it and retries once. */
function* writeRecord(ctx: OpContext, key: string, text: string): Step<void> {
  try {
    yield* writeText(key, text);
  } catch (error) {
    if (!isRemoteStoreError(error, "INVALID_PATH") || !(yield* makeRoom(ctx, key))) throw error;
    yield* writeText(key, text);
  }
}

/** Removes a key's file and the folders that become empty above it. */
function* removeKey(key: string): Step<void> {
  yield* removeFile(key);
  for (let folder = parentPath(key); folder !== ""; folder = parentPath(folder)) {
    if (!(yield* removeFolder(folder))) return;
  }
}

/**
 * Clears the way for `key` when only expired records block it: an expired key in place of a
 * parent folder, or a folder at `key` holding only expired keys. True when it removed something.
 */
function* makeRoom(ctx: OpContext, key: string): Step<boolean> {
  const now = ctx.now();
  for (let end = key.indexOf("/"); end >= 0; end = key.indexOf("/", end + 1)) {
    const ancestor = key.slice(0, end);
    const text = yield* readText(ancestor);
    if (text === undefined) continue;
    if (!isExpired(decodeRecord(text, ancestor), now)) return false;
    yield* removeFile(ancestor);
    return true;
  }
  if (!(yield* isFolder(key))) return false;
  const expired: string[] = [];
  for (const path of yield* listFiles(key)) {
    const text = yield* readText(path);
    if (text === undefined) continue;
    if (!isExpired(decodeRecord(text, path), now)) return false;
    expired.push(path);
  }
  for (const path of expired) yield* removeFile(path);
  yield* pruneTree(key);
  return true;
}
