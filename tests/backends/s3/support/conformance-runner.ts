import { describe, expect, it } from "vitest";
import type { Backend } from "../../../../src/contract/backend.js";
import { CONFORMANCE_CASES, runConformance } from "../../../../src/testing/index.js";
import { CONFORMANCE_ROOT } from "../../../../src/testing/harness/options.js";
import { skipReason, traitsOf } from "../../../../src/testing/harness/select.js";

/** Options of {@link describeConformanceWithGaps}. */
export interface GapAwareOptions {
  readonly create: () => Backend;
  readonly timeoutMs: number;
  /** Case id → why the test server cannot pass it (a feature it lacks that real S3 has). */
  readonly gaps: ReadonlyMap<string, string>;
}

/**
 * Registers the conformance suite like `describeBackendConformance` (both runs: backend root and
 * rootPath), except that the cases in `gaps` are skipped with their reason (spec S3-T03). Each
 * case runs through `runConformance({ only: [id] })`, the framework-free entry of the suite.
 */
export function describeConformanceWithGaps(name: string, options: GapAwareOptions): void {
  const probe = options.create();
  const capabilities = probe.capabilities;
  void probe.close();
  const traits = traitsOf({ create: options.create });
  for (const run of [{ label: "backend root", rootPath: undefined }, { label: "rootPath", rootPath: CONFORMANCE_ROOT }] as const) {
    describe(`${name} (${run.label})`, () => {
      for (const testCase of CONFORMANCE_CASES) {
        const title = `${testCase.id} [${testCase.area}] ${testCase.title}`;
        const reason = skipReason(testCase, capabilities, traits) ?? options.gaps.get(testCase.id);
        if (reason !== undefined) {
          it.skip(`${title} (skipped: ${reason})`, () => undefined);
          continue;
        }
        it(
          title,
          async () => {
            const report = await runConformance({
              create: options.create,
              only: [testCase.id],
              timeoutMs: options.timeoutMs,
              ...(run.rootPath === undefined ? {} : { rootPath: run.rootPath }),
            });
            expect(report.failed.map((f) => f.message).join("\n")).toBe("");
            expect(report.skipped).toEqual([]);
            expect(report.passed).toBe(1);
          },
          options.timeoutMs + 5_000,
        );
      }
    });
  }
}
