import type { Backend } from "../../../src/index.js";

/** A backend that fails the methods named in `faults` with the error given there, and otherwise delegates. */
export interface FaultyBackend {
  readonly backend: Backend;
  /** Method name → the error it throws (a rejection) while set. */
  readonly faults: Map<string, Error>;
}

/** Wraps a real backend so that chosen methods fail (for the server's error mapping). */
export function faultyBackend(inner: Backend): FaultyBackend {
  const faults = new Map<string, Error>();
  const backend = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const fault = faults.get(property);
        if (fault !== undefined) return Promise.reject(fault);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { backend, faults };
}
