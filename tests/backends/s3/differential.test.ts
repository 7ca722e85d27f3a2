import fc from "fast-check";
import { expect, it } from "vitest";
import { MemoryBackend, Store } from "../../../src/index.js";
import { apply, dumpTree, type Outcome } from "../../fidelity/apply.js";
import { operations, type Operation } from "../../fidelity/operations.js";
import { describeOnTestServer, makeFreshBackend, testServer } from "./support/server.js";

/** Sequences per run: 30 by default (5 on moto, which is slower), `S3_DIFFERENTIAL_RUNS` for more (each costs real requests). */
const RUNS = Number(process.env.S3_DIFFERENTIAL_RUNS ?? (testServer().server === "moto" ? "5" : "30"));
const MAX_OPERATIONS = 30;

/**
 * The comparable form of an outcome. A WriteResult's `modifiedAt` is left out: S3 does not
 * report one (spec S3-040), memory does; every other field, value and error must agree.
 */
function comparable(operation: Operation, outcome: Outcome): unknown {
  if (operation.op === "write" && "value" in outcome && typeof outcome.value === "object" && outcome.value !== null) {
    const { modifiedAt: _ignored, ...rest } = outcome.value as Record<string, unknown>;
    return { value: rest };
  }
  return outcome;
}

async function divergence(sequence: readonly Operation[], rootPath: string): Promise<unknown> {
  const memory = new Store({ backend: new MemoryBackend(), rootPath });
  const s3 = new Store({ backend: await makeFreshBackend(), rootPath });
  try {
    for (const [index, operation] of sequence.entries()) {
      const a = JSON.stringify(comparable(operation, await apply(memory, operation)));
      const b = JSON.stringify(comparable(operation, await apply(s3, operation)));
      if (a !== b) return { at: index, operation, memory: JSON.parse(a) as unknown, s3: JSON.parse(b) as unknown };
    }
    const [a, b] = [JSON.stringify(await dumpTree(memory)), JSON.stringify(await dumpTree(s3))];
    return a === b ? undefined : { at: "final tree", memory: JSON.parse(a) as unknown, s3: JSON.parse(b) as unknown };
  } finally {
    await memory.close();
    await s3.close();
  }
}

describeOnTestServer(`memory/S3 differential (${testServer().server})`, () => {
  it(`S3-T04 ${RUNS} random sequences of up to ${MAX_OPERATIONS} Store operations give the same results and trees on memory and on S3`, async () => {
    await fc.assert(
      fc.asyncProperty(operations(MAX_OPERATIONS), fc.constantFrom("", "base", "base/deep"), async (sequence, rootPath) => {
        expect(await divergence(sequence, rootPath)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  }, Math.max(300_000, RUNS * 10_000));
});
