import { describe, it } from "vitest";
import { fail } from "../assert.js";
import { CONFORMANCE_CASES } from "../conformance/cases.js";
import type { ConformanceCase } from "../conformance/types.js";
import { clockGroups } from "./clock-groups.js";
import { executeCase } from "./execute-case.js";
import { CONFORMANCE_ROOT, DEFAULT_CASE_TIMEOUT_MS, type DescribeConformanceOptions } from "./options.js";
import { EXPECTED_CAPABILITIES_ID, checkExpectedCapabilities } from "./run-conformance.js";
import { selectionCapabilities, skipReason, traitsOf } from "./select.js";
import { isObject } from "../../shared/checks/objects.js";

const RUNS: readonly ConformanceRun[] = [
  { label: "backend root", rootPrefix: undefined },
  { label: "rootPath", rootPrefix: CONFORMANCE_ROOT },
] as const;

/** One registration of the suite: its label, and the folder the cases' random roots go below (none: the backend root). */
export interface ConformanceRun {
  readonly label: string;
  readonly rootPrefix: string | undefined;
}

/** The runs {@link describeBackendConformance} registers (spec CONF-H07, CONF-H10). @throws TypeError for a non-boolean `rootPathRun` */
export function conformanceRuns(options: DescribeConformanceOptions): readonly ConformanceRun[] {
  if (options.rootPathRun !== undefined && typeof options.rootPathRun !== "boolean") throw new TypeError("describeBackendConformance: options.rootPathRun must be a boolean");
  return options.rootPathRun === false ? RUNS.slice(0, 1) : RUNS;
}

/**
 * Registers the whole conformance suite with vitest, twice (spec CONF-H07): `<name> (backend root)`
 * runs every case in `new Store({ backend })`, `<name> (rootPath)` in
 * `new Store({ backend, rootPath: "conformance-root/<random>" })` and then checks that nothing
 * outside that root changed. Every case gets a fresh backend from `create()`, closed afterwards.
 * Cases the backend cannot run are registered with `it.skip`, their title naming what is missing.
 * With `rootPathRun: false` only the backend-root run is registered (spec CONF-H10).
 */
export function describeBackendConformance(name: string, options: DescribeConformanceOptions): void {
  if (typeof name !== "string" || name === "") throw new TypeError("describeBackendConformance: name must be a non-empty string");
  if (!isObject(options) || typeof options.create !== "function") {
    throw new TypeError("describeBackendConformance: options.create must be a function returning a Backend");
  }
  const runs = conformanceRuns(options);
  const timeout = options.timeoutMs ?? DEFAULT_CASE_TIMEOUT_MS;
  for (const run of runs) {
    describe(`${name} (${run.label})`, async () => {
      const capabilities = await selectionCapabilities(options);
      const traits = traitsOf(options);
      const setup = { options, capabilities, rootPrefix: run.rootPrefix };
      if (options.capabilities !== undefined) {
        it(`${EXPECTED_CAPABILITIES_ID} the backend declares every capability the harness was told to expect`, async () => {
          const problem = await checkExpectedCapabilities(options);
          if (problem !== undefined) fail(problem);
        });
      }
      // CONF-H08: without a controlled clock, the cases that wait for it run last, as one concurrent group.
      const { inOrder, waiting } = clockGroups(CONFORMANCE_CASES, options);
      for (const testCase of inOrder) register(testCase, { concurrent: false });
      for (const testCase of waiting) register(testCase, { concurrent: true });

      function register(testCase: ConformanceCase, how: { concurrent: boolean }): void {
        const title = `${testCase.id} [${testCase.area}] ${testCase.title}`;
        const reason = skipReason(testCase, capabilities, traits, options);
        if (reason !== undefined) it.skip(`${title} (skipped: ${reason})`, () => undefined);
        else if (how.concurrent) it.concurrent(title, () => executeCase(testCase, setup), timeout);
        else it(title, () => executeCase(testCase, setup), timeout);
      }
    });
  }
}
