/**
 * `remote-store/testing` (spec PKG-001): what needs no test framework — the fixtures
 * (`createFixtureStore`, `dumpStore`), `ManualClock`, `runConformance`, the cases as data and the
 * assertion helpers — for `node:test`, Jest, vitest or none. `remote-store/testing/vitest`
 * (`index.ts`) adds `describeBackendConformance`.
 */
export { runConformance } from "./harness/run-conformance.js";
export { ManualClock, MANUAL_CLOCK_START, type ManualClockOptions } from "./clock/manual-clock.js";
export type {
  BackendFactory,
  ConformanceClock,
  ConformanceOptions,
  DescribeConformanceOptions,
  RunConformanceOptions,
  ConformanceReport,
  ConformanceFailure,
  ConformanceSkip,
} from "./harness/options.js";
export { CONFORMANCE_CASES } from "./conformance/cases.js";
export type { ConformanceCase, ConformanceContext, ConformanceArea, ConformanceTrait } from "./conformance/types.js";
export {
  ConformanceAssertionError,
  assert,
  assertEqual,
  assertDeepEqual,
  deepEqual,
  expectError,
  expectAnyError,
  expectRejection,
  expectThrowsSync,
  expectSuccess,
  labelled,
  describeError,
  fail,
  type ExpectedError,
} from "./assert.js";
export { recordEvents, type EventLog, type RecordEventsOptions } from "./watch/event-log.js";
export { createFixtureStore, dumpStore, type FixtureStoreOptions, type FixtureTree, type FixtureValue } from "./fixtures/index.js";
