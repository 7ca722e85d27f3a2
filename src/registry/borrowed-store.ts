import type { Backend } from "../contract/backend.js";
import { Store } from "../store/store.js";

const views = new WeakMap<Backend, Backend>();

/**
 * A Store on `backend` that does not own it (spec REG-061): closing the store closes only the
 * store. The store sees the backend through one shared view whose `close` does nothing, so the
 * registry stays the only closer.
 */
export function borrowedStore(backend: Backend, rootPath: string): Store {
  return new Store({ backend: viewOf(backend), rootPath });
}

function viewOf(backend: Backend): Backend {
  let view = views.get(backend);
  if (view === undefined) {
    const bound = new Map<PropertyKey, unknown>();
    view = new Proxy(backend, {
      get(target, property) {
        if (property === "close") return closeNothing;
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        let method = bound.get(property);
        if (method === undefined || (method as { original?: unknown }).original !== value) {
          const fn = value as (...args: unknown[]) => unknown;
          method = Object.assign((...args: unknown[]) => fn.apply(target, args), { original: value });
          bound.set(property, method);
        }
        return method;
      },
    });
    views.set(backend, view);
  }
  return view;
}

function closeNothing(): Promise<void> {
  return Promise.resolve();
}
