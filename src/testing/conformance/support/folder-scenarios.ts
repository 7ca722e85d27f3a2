import type { Capability } from "../../../contract/capabilities.js";
import type { Store } from "../../../store/store.js";
import { assert, labelled } from "../../assert.js";
import type { ConformanceArea, ConformanceCase, ConformanceContext, ConformanceTrait } from "../types.js";
import { restrictedStore } from "./gated-backend.js";

/**
 * A folder-operation check written against any `Store`, so that it runs twice: as its own case on
 * the store under test, and again through the Store's file-by-file fallback (spec FOLD-030) by a
 * fallback case that hides the backend's native folder operations.
 */
export interface FolderScenario {
  readonly id: string;
  readonly title: string;
  readonly needs: readonly Capability[];
  readonly traits?: readonly ConformanceTrait[];
  /** The scenario lets the clock pass (see `ConformanceCase.waitsForClock`). */
  readonly waitsForClock?: boolean;
  run(store: Store, ctx: ConformanceContext): Promise<void>;
}

/** The case that runs `scenario` on the store under test. */
export function scenarioCase(area: ConformanceArea, scenario: FolderScenario): ConformanceCase {
  return {
    id: scenario.id,
    area,
    title: scenario.title,
    needs: scenario.needs,
    ...(scenario.traits === undefined ? {} : { traits: scenario.traits }),
    ...(scenario.waitsForClock === true ? { waitsForClock: true } : {}),
    run: (ctx) => scenario.run(ctx.store, ctx),
  };
}

/** How a fallback case picks and runs scenarios. */
export interface FallbackPlan {
  readonly id: string;
  readonly area: ConformanceArea;
  readonly title: string;
  /** The capabilities every picked scenario may rely on (the fallback's own needs included). */
  readonly needs: readonly Capability[];
  /** Capabilities the restricted wrapper hides from the Store. */
  readonly hide: readonly Capability[];
  /** Run the scenarios that need persistent folders (and only those), or only those that do not. */
  readonly persistentFolders: boolean;
  readonly scenarios: readonly FolderScenario[];
}

/**
 * A case that hides `plan.hide` with the capability-restricting wrapper and runs, each in its own
 * child folder, every scenario the remaining capabilities allow. It fails when no scenario applies,
 * so it can never pass by doing nothing.
 */
export function fallbackCase(plan: FallbackPlan): ConformanceCase {
  const waits = plan.scenarios.some((s) => s.waitsForClock === true && (s.traits ?? []).includes("persistentFolders") === plan.persistentFolders);
  return {
    id: plan.id,
    area: plan.area,
    title: plan.title,
    needs: plan.needs,
    ...(plan.persistentFolders ? { traits: ["persistentFolders"] as const } : {}),
    ...(waits ? { waitsForClock: true } : {}),
    run: async (ctx) => {
      const { store } = restrictedStore(ctx, plan.hide);
      for (const hidden of plan.hide) assert(!store.supports(hidden), `the restricted store still supports ${hidden}`);
      const available = (cap: Capability): boolean => ctx.capabilities.has(cap) && !plan.hide.includes(cap);
      const picked = plan.scenarios.filter(
        (s) => s.needs.every(available) && (s.traits ?? []).every((t) => t === "persistentFolders") && (s.traits ?? []).includes("persistentFolders") === plan.persistentFolders,
      );
      assert(picked.length > 0, "no scenario applies to the fallback");
      for (const scenario of picked) {
        await labelled(`${scenario.id} through the fallback`, () => scenario.run(store.child(`fallback-${scenario.id.toLowerCase()}`), ctx));
      }
    },
  };
}
