import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDivergence } from "./differential.js";
import { operations } from "./operations.js";

/** Sequences per run: 300 by default, `FIDELITY_RUNS` for a long run (spec LOC-100). */
const RUNS = runCount(process.env.FIDELITY_RUNS);
const MAX_OPERATIONS = 40;

describe("memory/local fidelity", () => {
  it(`LOC-100 ${RUNS} random sequences of up to ${MAX_OPERATIONS} Store operations give identical results and trees on memory and local`, async () => {
    await fc.assert(
      fc.asyncProperty(operations(MAX_OPERATIONS), fc.constantFrom("", "base", "base/deep"), async (sequence, rootPath) => {
        const divergence = await findDivergence(sequence, rootPath);
        expect(divergence).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  }, Math.max(120_000, RUNS * 1_000));
});

function runCount(value: string | undefined): number {
  if (value === undefined || value === "") return 300;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`FIDELITY_RUNS must be a positive integer, got ${JSON.stringify(value)}`);
  return runs;
}
