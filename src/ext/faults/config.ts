import { registerProvidedWrapper, type StoreWrapperType } from "../../registry/store-wrappers.js";
import { wrapperIssues } from "../internal/wrapper-issues.js";
import { FaultLayer } from "./fault-layer.js";
import { FaultyStore, faultState } from "./faulty-store.js";
import { checkRules, type FaultRule } from "./rules.js";

/**
 * `faults: [ …rules ]` in a store entry of a config, for test configs (spec REG-110): the
 * innermost wrapper, as close to the backend as faults are; the stores of the entry share one
 * journal and one generator (seed 0).
 */
export const faultsWrapperType: StoreWrapperType = {
  key: "faults",
  order: 10,
  check: (value) => wrapperIssues((problems) => checkRules(value, problems, ["faults"])),
  prepare(value) {
    const state = faultState(value as FaultRule[], {});
    return (store) => new FaultyStore(store, new FaultLayer(state, ""));
  },
};

/** Lets configs name `faults` (called by the entry `remote-store/ext/faults`). */
export function registerFaultsWrapper(): void {
  registerProvidedWrapper(faultsWrapperType);
}
