/**
 * `remote-store/ext/observe`: a store that reports every operation — hooks, timings, bytes and
 * errors (spec ext-observe.md). The OpenTelemetry adapter is `remote-store/ext/otel`.
 */
export { observe, observeLayer } from "./observe.js";
export type { ObserveHooks, StoreEvent, StoreEventStart, EventHook } from "./types.js";
