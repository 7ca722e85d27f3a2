import type { Store } from "../store/store.js";
import { describeType, isRecord } from "../shared/checks/objects.js";

/** One problem of a wrapper's value in a store entry: where below the key, and what. */
export interface WrapperIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * A kind of wrapper that store entries of a config may name (spec REG-110): `cache`, `observe`
 * and `faults` are registered by their extension entries; third parties may add their own.
 */
export interface StoreWrapperType {
  /** The key of a store entry that holds this wrapper's options (`cache: { ttl: 60 }`). */
  readonly key: string;
  /** Wrappers apply in increasing `order`: the lowest is innermost, next to the store. */
  readonly order: number;
  /** Every problem of the value under the key (an empty list when it is fine). */
  readonly check: (value: unknown) => readonly WrapperIssue[];
  /**
   * Called once per store entry, on its first `getStore`, with the checked value: returns what
   * wraps each store the registry hands out for that entry (so the wrapped stores may share state,
   * such as one cache).
   */
  readonly prepare: (value: unknown) => (store: Store) => Store;
}

const wrappers = new Map<string, StoreWrapperType>();
/**
 * The wrapper keys the package's own entries offer (`remote-store/ext/<key>`): a config naming one
 * whose entry is not loaded gets advice on what to import (REG-110). Data, not a registration, so
 * that a bundle without the registry carries none of it.
 */
const PACKAGE_WRAPPERS: readonly string[] = ["cache", "observe", "faults"];

/**
 * Lets store entries of configs name a wrapper (spec REG-110). Register before building a
 * Registry that uses it. Returns a function that removes this registration again.
 * @throws `TypeError` for a malformed type or a key that is taken (by a wrapper or a store entry key)
 */
export function registerStoreWrapper(type: StoreWrapperType): () => void {
  if (!isRecord(type)) throw new TypeError(`type must be an object, got ${describeType(type)}`);
  const { key, order, check, prepare } = type;
  if (typeof key !== "string" || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(key)) throw new TypeError(`type.key must be a name of letters and digits, got ${describeType(key)}`);
  if (["backend", "rootPath", "options"].includes(key)) throw new TypeError(`type.key "${key}" is a store entry key`);
  if (wrappers.has(key)) throw new TypeError(`a store wrapper "${key}" is already registered`);
  if (typeof order !== "number" || !Number.isFinite(order)) throw new TypeError(`type.order must be a finite number, got ${describeType(order)}`);
  if (typeof check !== "function" || typeof prepare !== "function") throw new TypeError("type.check and type.prepare must be functions");
  wrappers.set(key, type);
  return () => {
    if (wrappers.get(key) === type) wrappers.delete(key);
  };
}

/** Registers a wrapper an entry of this package provides, unless one is already registered under its key. */
export function registerProvidedWrapper(type: StoreWrapperType): void {
  if (!wrappers.has(type.key)) registerStoreWrapper(type);
}

/** The registered wrapper of `key`, or `undefined`. */
export function storeWrapperOf(key: string): StoreWrapperType | undefined {
  return wrappers.get(key);
}

/** The advice for a known but unloaded wrapper key, or `undefined`. */
export function storeWrapperHint(key: string): string | undefined {
  if (wrappers.has(key) || !PACKAGE_WRAPPERS.includes(key)) return undefined;
  return `is registered by import "remote-store/ext/${key}", before building the registry`;
}

/** The keys of the registered wrappers and of the package's own, sorted. */
export function storeWrapperKeys(): string[] {
  return [...new Set([...wrappers.keys(), ...PACKAGE_WRAPPERS])].sort();
}
