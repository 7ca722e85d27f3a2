import { registerProvidedWrapper, type StoreWrapperType } from "../../registry/store-wrappers.js";
import { knownHint } from "../../shared/text/suggest.js";
import { describeType } from "../../shared/checks/objects.js";
import { checkHooks } from "./hooks.js";
import { observe } from "./observe.js";
import type { ObserveHooks } from "./types.js";

const observers = new Map<string, ObserveHooks>();

/**
 * Names `hooks` so that configs can observe a store with them: `observe: "<name>"` in a store
 * entry (spec OBS-008). Register before building the Registry. Returns a function that removes
 * the registration again.
 * @throws `TypeError` for a bad name or bad hooks, or a name already registered
 */
export function registerObserver(name: string, hooks: ObserveHooks): () => void {
  if (typeof name !== "string" || name === "") throw new TypeError(`name must be a non-empty string, got ${describeType(name)}`);
  if (observers.has(name)) throw new TypeError(`an observer "${name}" is already registered`);
  const checked = checkHooks(hooks);
  observers.set(name, checked);
  return () => {
    if (observers.get(name) === checked) observers.delete(name);
  };
}

/** `observe: "<name>"` in a store entry of a config (spec REG-110, OBS-008): the outermost wrapper, so it sees every call. */
export const observeWrapperType: StoreWrapperType = {
  key: "observe",
  order: 30,
  check(value) {
    if (typeof value !== "string") return [{ path: [], message: `must be the name of an observer registered with registerObserver, got ${describeType(value)}` }];
    if (!observers.has(value)) return [{ path: [], message: `unknown observer ${JSON.stringify(value)}${knownHint(value, [...observers.keys()].sort(), "registered")}` }];
    return [];
  },
  prepare(value) {
    const hooks = observers.get(value as string) as ObserveHooks;
    return (store) => observe(store, hooks);
  },
};

/** Lets configs name `observe` (called by the entry `remote-store/ext/observe`). */
export function registerObserveWrapper(): void {
  registerProvidedWrapper(observeWrapperType);
}
