import type { StoreOperation } from "../../store/wrap/operations.js";

/** One entry of a faulty store's journal (spec FAULT-006). */
export interface FaultCall {
  readonly operation: StoreOperation;
  /** The call's path, relative to the store the rules were given to. */
  readonly path?: string;
  /** The destination of `move`, `copy`, `moveFolder`, `copyFolder`, likewise. */
  readonly to?: string;
  /** The index of the rule that acted on the call; absent when none did. */
  readonly rule?: number;
}

/** Options of `withFaults`. */
export interface FaultOptions {
  /** Seed of the generator `probability` draws from (an integer); default 0. The same seed replays the same faults. */
  readonly seed?: number;
  /** Waits for `latencyMs` (default `setTimeout`); tests pass one that resolves at once or on their own clock. */
  readonly delay?: (ms: number) => Promise<void>;
}
