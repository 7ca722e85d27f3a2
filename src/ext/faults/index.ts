/**
 * `remote-store/ext/faults`: deterministic injected failures — errors, cut streams, latency — for
 * testing error paths without mocking an SDK (spec ext-faults.md).
 */
import { registerFaultsWrapper } from "./config.js";

// Configs may name the wrapper once this entry is loaded (spec REG-110); called here, not as a side-effect-only import.
registerFaultsWrapper();

export { withFaults, FaultyStore } from "./faulty-store.js";
export { FAULT_OPERATIONS, type FaultRule, type FaultOperation } from "./rules.js";
export type { FaultCall, FaultOptions } from "./types.js";
