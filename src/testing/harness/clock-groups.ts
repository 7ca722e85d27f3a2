import type { ConformanceCase } from "../conformance/types.js";
import type { ConformanceOptions } from "./options.js";

/** The cases split for running (spec CONF-H08). */
export interface ClockGroups {
  /** Cases run one after another, in id order. */
  readonly inOrder: readonly ConformanceCase[];
  /** Cases that wait for the wall clock, run afterwards as one concurrent group (empty with a controlled clock). */
  readonly waiting: readonly ConformanceCase[];
}

/**
 * CONF-H08: with a controlled `clock` every case runs in order and none waits; without one, the
 * cases flagged `waitsForClock` are set apart to run together, so a run waits about one
 * tolerance in all instead of one per case.
 */
export function clockGroups(cases: readonly ConformanceCase[], options: Pick<ConformanceOptions, "clock">): ClockGroups {
  if (options.clock !== undefined) return { inOrder: cases, waiting: [] };
  return { inOrder: cases.filter((c) => c.waitsForClock !== true), waiting: cases.filter((c) => c.waitsForClock === true) };
}
