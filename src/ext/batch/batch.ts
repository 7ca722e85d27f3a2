import { InvalidArgument } from "../../errors/classes.js";
import { isRemoteStoreError, type RemoteStoreError } from "../../errors/remote-store-error.js";
import { quotePath } from "../../errors/quote-path.js";
import { normalizeFilePath, normalizePath } from "../../paths/normalize.js";
import { booleanOption, optionsObject } from "../../store/options.js";
import type { Store } from "../../store/store.js";
import { checkStore } from "../internal/arguments.js";
import { concurrencyOption } from "../internal/bounded.js";
import { requireCapability } from "../internal/capability.js";
import { distinctItems, iterate, runBatch, type BatchItem } from "./run-batch.js";
import type { BatchCopyOptions, BatchDeleteOptions, BatchExistsResult, BatchOptions, BatchResult, CopyPair } from "./types.js";
import { describeType } from "../../shared/checks/objects.js";

/**
 * Deletes many files with bounded concurrency (spec BATCH-006). Per-file library errors are
 * collected in `failed`; a missing capability or a non-library error is thrown.
 */
export async function batchDelete(store: Store, paths: Iterable<string>, options?: BatchDeleteOptions): Promise<BatchResult> {
  checkStore(store);
  const o = optionsObject(options);
  const missingOk = booleanOption(o.missingOk, "missingOk");
  const concurrency = concurrencyOption(o.concurrency);
  const items = distinctItems(paths, "paths", (path) => normalizeFilePath(path), (key) => () => store.delete(key, { missingOk }));
  requireCapability(store, "delete", "batchDelete");
  return runBatch(items, concurrency);
}

/**
 * Copies many files within one store with bounded concurrency (spec BATCH-007); results are
 * keyed by destination. Two pairs with one destination are an `InvalidArgument`.
 */
export async function batchCopy(store: Store, pairs: Iterable<CopyPair>, options?: BatchCopyOptions): Promise<BatchResult> {
  checkStore(store);
  const o = optionsObject(options);
  const overwrite = booleanOption(o.overwrite, "overwrite");
  const concurrency = concurrencyOption(o.concurrency);
  const items = copyItems(store, pairs, overwrite);
  requireCapability(store, "copy", "batchCopy");
  return runBatch(items, concurrency);
}

/** Checks whether many paths exist, with bounded concurrency (spec BATCH-008). */
export async function batchExists(store: Store, paths: Iterable<string>, options?: BatchOptions): Promise<BatchExistsResult> {
  checkStore(store);
  const concurrency = concurrencyOption(optionsObject(options).concurrency);
  const exists = new Map<string, boolean>();
  const items = distinctItems(paths, "paths", (path) => normalizePath(path), (key) => async () => {
    exists.set(key, await store.exists(key));
  });
  const result = await runBatch(items, concurrency);
  const ordered = new Map<string, boolean>();
  for (const key of result.succeeded) ordered.set(key, exists.get(key) === true);
  return Object.freeze({ ...result, exists: ordered });
}

function copyItems(store: Store, pairs: Iterable<CopyPair>, overwrite: boolean): BatchItem[] {
  const items: BatchItem[] = [];
  const destinations = new Set<string>();
  let index = 0;
  for (const pair of iterate(pairs, "pairs")) {
    const [src, dst] = checkPair(pair, index++);
    const key = normalizedOrRaw(dst, (path) => normalizeFilePath(path, "dst"));
    if (destinations.has(key.key)) {
      throw new InvalidArgument(`Two copies have the same destination ${quotePath(key.key)}`, { path: key.key });
    }
    destinations.add(key.key);
    if (key.error !== undefined) {
      items.push({ key: key.key, run: undefined, error: key.error });
      continue;
    }
    items.push({ key: key.key, run: () => store.copy(src, key.key, { overwrite }) });
  }
  return items;
}

function checkPair(pair: unknown, index: number): [string, string] {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") {
    throw new TypeError(`pairs[${index}] must be a [src, dst] pair of strings, got ${describeType(pair)}`);
  }
  return [pair[0], pair[1]];
}

function normalizedOrRaw(raw: string, normalize: (path: string) => string): { key: string; error?: RemoteStoreError } {
  try {
    return { key: normalize(raw) };
  } catch (error) {
    if (!isRemoteStoreError(error)) throw error;
    return { key: raw, error };
  }
}
