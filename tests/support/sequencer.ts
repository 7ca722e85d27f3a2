import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Longest first (spec TEST-001 budget): the files known to run longest start first, so that
 * they run beside the many short ones instead of alone at the end. vitest's own order runs the
 * projects one after another (by name) and, on a fresh clone with no timing cache, larger files
 * first — which put the S3 conformance run, the longest of all, last. Files not listed keep
 * vitest's order after the listed ones.
 */
const LONGEST_FIRST = [
  "tests/backends/s3/conformance.test.ts",
  "tests/cli/read-commands.test.ts",
  "tests/cli/write-commands.test.ts",
  "tests/backends/local/conformance.test.ts",
  "tests/backends/s3/server.test.ts",
  "tests/s3-server/moto/differential.test.ts",
  "tests/s3-server/clients/aws-cli.test.ts",
  "tests/backends/s3/differential.test.ts",
  "tests/fidelity/fidelity.test.ts",
  "tests/cli/repl.test.ts",
  "tests/s3-server/robustness.test.ts",
  "tests/ext/kv/kv.test.ts",
];

function rank(spec: TestSpecification): number {
  const index = LONGEST_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
  return index < 0 ? LONGEST_FIRST.length : index;
}

/** vitest's sequencer with the known long files moved to the front. */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((spec, order) => ({ spec, order })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order).map(({ spec }) => spec);
  }
}
