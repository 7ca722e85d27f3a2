import { checkStore } from "../internal/arguments.js";
import { OptionProblems } from "../internal/option-problems.js";
import { describeType, isRecord } from "../../shared/checks/objects.js";
import type { Store } from "../../store/store.js";
import type { StoreLayer } from "../../store/wrap/layer.js";
import { WrappedStore } from "../../store/wrap/wrapped-store.js";
import { FaultLayer, type FaultState } from "./fault-layer.js";
import { checkRules, CompiledRule, type FaultRule } from "./rules.js";
import { seededRandom } from "./seeded-random.js";
import type { FaultCall, FaultOptions } from "./types.js";

/** A store with injected faults: what `withFaults` returns (spec FAULT-*). Its children share its rules and journal. */
export class FaultyStore extends WrappedStore {
  private readonly faultLayer: FaultLayer;

  /** @internal Made by {@link withFaults} and by `child`. */
  constructor(inner: Store, layer: FaultLayer) {
    super(inner, layer);
    this.faultLayer = layer;
  }

  /** Every call so far, in order, with the rule that acted on it (spec FAULT-006). */
  get calls(): readonly FaultCall[] {
    return Object.freeze([...this.faultLayer.state.journal]);
  }

  protected override wrapChild(innerChild: Store, layer: StoreLayer): Store {
    return new FaultyStore(innerChild, layer as FaultLayer);
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A store whose calls fail, stall or break off as `rules` say (spec ext-faults.md), so that tests
 * can exercise their error paths without mocking an SDK. Faults are deterministic: `probability`
 * draws from a generator seeded with `seed`.
 *
 * ```ts
 * const flaky = withFaults(store, [{ operations: ["write"], paths: "reports/**", error: "PERMISSION_DENIED", times: 1 }]);
 * await expect(flaky.write("reports/q1.csv", "x")).rejects.toMatchObject({ code: "PERMISSION_DENIED", path: "reports/q1.csv" });
 * ```
 *
 * @throws `TypeError`/`RangeError` naming a bad rule or option, before anything is wrapped
 */
export function withFaults(store: Store, rules: readonly FaultRule[], options: FaultOptions = {}): FaultyStore {
  checkStore(store);
  const problems = new OptionProblems();
  checkRules(rules, problems);
  problems.throwFirst();
  return new FaultyStore(store, new FaultLayer(faultState(rules, checkFaultOptions(options)), ""));
}

/** The shared state of the stores of one set of checked rules. */
export function faultState(rules: readonly FaultRule[], { seed = 0, delay = wait }: FaultOptions): FaultState {
  return { rules: rules.map((rule) => new CompiledRule({ ...rule })), random: seededRandom(seed), journal: [], delay };
}

function checkFaultOptions(options: unknown): FaultOptions {
  if (!isRecord(options)) throw new TypeError(`options must be an object, got ${describeType(options)}`);
  const problems = new OptionProblems();
  problems.record(options, ["options"], ["seed", "delay"]);
  const { seed, delay } = options;
  if (seed !== undefined && (typeof seed !== "number" || !Number.isSafeInteger(seed))) {
    if (typeof seed === "number") problems.range(["seed"], `must be an integer, got ${seed}`);
    else problems.type(["seed"], `must be an integer, got ${describeType(seed)}`);
  }
  if (delay !== undefined && typeof delay !== "function") problems.type(["delay"], `must be a function, got ${describeType(delay)}`);
  problems.throwFirst();
  return options;
}
