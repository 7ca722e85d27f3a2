import * as library from "../../public.js";
import { LocalBackend } from "../../backends/local/index.js";
import { copyBetween, syncStores } from "../../ext/transfer/index.js";
import { cache } from "../../ext/cache/index.js";
import { withFaults } from "../../ext/faults/index.js";
import { observe } from "../../ext/observe/index.js";
import { Registry } from "../../registry/index.js";
import type { Store } from "../../store/store.js";
import type { Session } from "../session/session.js";

/**
 * The names the REPL puts in scope (spec CLI-070): every export of the Node entry, the transfer
 * functions, the wrappers `observe`, `cache` and `withFaults`, `registry` (the config's, or an empty
 * one) and `stores.<name>` (created on first use).
 * `store` is set separately and follows `.cd`.
 */
export function replScope(session: Session): Record<string, unknown> {
  const stores: Record<string, Store> = Object.create(null) as Record<string, Store>;
  const made = new Map<string, Store>();
  for (const name of session.storeNames) {
    Object.defineProperty(stores, name, {
      enumerable: true,
      get: () => {
        let store = made.get(name);
        if (store === undefined) {
          store = session.namedStore(name);
          made.set(name, store);
        }
        return store;
      },
    });
  }
  return {
    ...library,
    LocalBackend,
    copyBetween,
    syncStores,
    observe,
    cache,
    withFaults,
    registry: session.registry ?? new Registry({}, { source: "no config file" }),
    stores: Object.freeze(stores),
  };
}
