/**
 * `remote-store/ext/observe`: a store that reports every operation — hooks, timings, bytes and
 * errors (spec ext-observe.md). The OpenTelemetry adapter is `remote-store/ext/otel`.
 */
import { registerObserveWrapper } from "./observers.js";

// Configs may name the wrapper once this entry is loaded (spec REG-110); called here, not as a side-effect-only import.
registerObserveWrapper();

export { observe, observeLayer } from "./observe.js";
export type { ObserveHooks, StoreEvent, StoreEventStart, EventHook } from "./types.js";
export { registerObserver } from "./observers.js";
