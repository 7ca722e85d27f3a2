import * as library from "../../index.node.js";
import { copyBetween, syncStores } from "../../ext/transfer/index.js";
import { Registry } from "../../registry/index.js";
import type { Store } from "../../store/store.js";
import type { Session } from "../session/session.js";

/**
 * The names the REPL puts in scope (spec CLI-070): every export of the Node entry, the transfer
 * functions, `registry` (the config's, or an empty one) and `stores.<name>` (created on first use).
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
    copyBetween,
    syncStores,
    registry: session.registry ?? new Registry({}, { source: "no config file" }),
    stores: Object.freeze(stores),
  };
}
