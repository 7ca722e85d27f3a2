import type { Store } from "../store/store.js";
import type { ResolvedWrapper } from "./validate-config.js";

/** What wraps each store of one entry: every named wrapper, prepared once, innermost first (REG-110). */
export function applyWrappers(wrappers: readonly ResolvedWrapper[]): (store: Store) => Store {
  const steps = wrappers.map(({ type, value }) => type.prepare(value));
  return (store) => steps.reduce((wrapped, step) => step(wrapped), store);
}
