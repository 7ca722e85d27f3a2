/**
 * `remote-store/testing/vitest` (spec PKG-001): everything of `remote-store/testing`
 * (`portable.ts`), plus {@link describeBackendConformance}, which registers the conformance suite
 * (spec/conformance.md) with vitest. Only this entry imports vitest.
 *
 * - {@link describeBackendConformance} registers every case with vitest (an optional peer dependency);
 * - {@link runConformance} runs them without a test framework and reports every problem found;
 * - {@link CONFORMANCE_CASES} are the cases as plain data, for other runners;
 * - the assertion helpers are the ones the cases use, for third-party suites.
 */
export { describeBackendConformance } from "./harness/describe-backend-conformance.js";
export * from "./portable.js";
