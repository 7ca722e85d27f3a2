import { isRemoteStoreError, type RemoteStoreError } from "../../errors/remote-store-error.js";

import { mapLimit } from "../../shared/concurrency/map-limit.js";
import { isCollectable } from "../internal/capability.js";
import type { BatchResult } from "./types.js";
import { describeType, isObject } from "../../shared/checks/objects.js";

/** One distinct item of a batch: its key and what to do with it. */
export interface BatchItem {
  /** The normalised path (or the raw path, when it is malformed). */
  readonly key: string;
  /** The operation; `undefined` when the item already failed (`error`). */
  readonly run: (() => Promise<void>) | undefined;
  /** A library error found while preparing the item (a malformed path). */
  readonly error?: RemoteStoreError;
}

/**
 * Runs the items with bounded concurrency (spec BATCH-003..BATCH-005): library errors are
 * collected per key; a missing capability or a non-library error is thrown after the items in
 * flight finish.
 */
export async function runBatch(items: readonly BatchItem[], concurrency: number): Promise<BatchResult> {
  const failed = new Map<string, RemoteStoreError>();
  const ok = new Array<boolean>(items.length).fill(false);
  await mapLimit(items, concurrency, async (item, index) => {
    if (item.run === undefined) {
      if (item.error !== undefined) failed.set(item.key, item.error);
      return;
    }
    try {
      await item.run();
      ok[index] = true;
    } catch (error) {
      if (!isCollectable(error)) throw error;
      failed.set(item.key, error);
    }
  });
  const succeeded = items.filter((_, index) => ok[index]).map((item) => item.key);
  return Object.freeze({ succeeded: Object.freeze(succeeded), failed, total: items.length, allSucceeded: failed.size === 0 });
}

/**
 * Turns user paths into distinct items (spec BATCH-001, BATCH-002): a non-string is a `TypeError`
 * naming it; a malformed path becomes a failed item keyed by the raw path; repeats are dropped.
 */
export function distinctItems(paths: Iterable<unknown>, argName: string, normalize: (path: string) => string, operation: (key: string) => () => Promise<void>): BatchItem[] {
  const items: BatchItem[] = [];
  const seen = new Set<string>();
  let index = 0;
  for (const raw of iterate(paths, argName)) {
    if (typeof raw !== "string") throw new TypeError(`${argName}[${index}] must be a string, got ${describeType(raw)}`);
    index++;
    let key: string;
    try {
      key = normalize(raw);
    } catch (error) {
      if (!isRemoteStoreError(error)) throw error;
      if (seen.has(raw)) continue;
      seen.add(raw);
      items.push({ key: raw, run: undefined, error });
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ key, run: operation(key) });
  }
  return items;
}

/** The items of an iterable argument; `TypeError` naming it when it is not iterable (a string is not accepted). */
export function iterate(value: unknown, argName: string): Iterable<unknown> {
  if (!isObject(value) || typeof (value as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(`${argName} must be an iterable, got ${describeType(value)}`);
  }
  return value as Iterable<unknown>;
}
