import { KeyedLock } from "../../shared/concurrency/keyed-lock.js";

/**
 * In-process locks keyed by (backend object, backend path), shared by every key-value view in
 * the process (spec KV-034): operations on one key run one after another; different keys and
 * different backends run freely.
 */
const locks = new WeakMap<object, KeyedLock>();

/** Runs `operation` when every earlier operation on the same (backend, path) has finished. */
export function withKeyLock<T>(backend: object, path: string, operation: () => Promise<T>): Promise<T> {
  let lock = locks.get(backend);
  if (lock === undefined) {
    lock = new KeyedLock();
    locks.set(backend, lock);
  }
  return lock.run(path, operation);
}
