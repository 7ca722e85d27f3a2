import type { Backend } from "../../contract/backend.js";
import type { Capability } from "../../contract/capabilities.js";
import type { Store } from "../../store/store.js";

/** A clock the test controls: the backend reads `now()`, the suite moves it with `advance(ms)`. */
export interface ConformanceClock {
  now(): Date;
  advance(ms: number): void;
}

/** Makes a fresh, empty backend; called once per case. */
export type BackendFactory = () => Backend | Promise<Backend>;

/** What the conformance harness needs to know about a backend (spec CONF-H02). */
export interface ConformanceOptions {
  /** Makes a fresh, empty backend. Called once per case; the harness closes it afterwards. */
  readonly create: BackendFactory;
  /**
   * The capabilities to test. Cases are chosen by this set (default: the backend's own
   * declaration), and the harness checks that the backend declares each of them (CONF-004).
   */
  readonly capabilities?: Iterable<Capability>;
  /** Makes a fresh backend limited to `maxSize` content bytes; enables the quota cases. */
  readonly createWithQuota?: (maxSize: number) => Backend | Promise<Backend>;
  /**
   * The backend has a flat namespace (like S3): folders exist only while they hold files,
   * so the cases that need empty folders to persist are skipped. Default `false`.
   */
  readonly flatNamespace?: boolean;
  /** How far a stamped `modifiedAt` may lie outside the clock window of the call. Default 1000 ms. */
  readonly timestampToleranceMs?: number;
  /**
   * The clock the backend stamps modification times with, when the test controls it (e.g. a
   * `ManualClock` handed to `new MemoryBackend({ clock: clock.now })`). Cases then move it
   * forward instead of waiting for the wall clock (spec CONF-H08). Without it, the cases that must
   * let time pass wait for the wall clock, all at once as one concurrent group.
   */
  readonly clock?: ConformanceClock;
  /** Time limit per case in milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
  /**
   * Cases the backend (or the server behind it) is known not to pass, by id, each with the
   * reason: they are skipped and reported with it (spec CONF-H03), so a gap is written down
   * instead of silently failing or being left out.
   */
  readonly knownGaps?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /**
   * Makes the store a case runs against from the harness's own (spec CONF-H09): every store a case
   * is given — `ctx.store`, `ctx.sibling()`, `ctx.quotaStore()` — is `wrap(store)`, so the suite can
   * prove that a Store wrapper (`wrapStore`, `cache`, …) keeps the contract. It must return a `Store`;
   * closing it must close the store it was given.
   */
  readonly wrap?: (store: Store) => Store;
  /**
   * Cases to leave out of this run although the backend passes them, by id, each with the reason
   * (e.g. the time they take on a slow second server): skipped and reported with it (CONF-H03).
   */
  readonly leaveOut?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
}

/** Options of `describeBackendConformance` (spec CONF-H07, CONF-H10). */
export interface DescribeConformanceOptions extends ConformanceOptions {
  /**
   * Also register the `rootPath` run, every case again below a random root with the containment
   * check (CONF-H07). Default `true`. `false` registers the backend-root run alone: for a second,
   * slow server behind the same backend, where the scoping the second run proves is the Store's
   * and is already proven on the first server.
   */
  readonly rootPathRun?: boolean;
}

/** Options of `runConformance`. */
export interface RunConformanceOptions extends ConformanceOptions {
  /**
   * Run every case in a Store rooted at `<rootPath>/<random>` (and check that nothing is touched
   * outside it) instead of at the backend root. Use it on a backend that holds other data.
   */
  readonly rootPath?: string;
  /** Run only the cases with these ids. */
  readonly only?: Iterable<string>;
}

/** One failed case. */
export interface ConformanceFailure {
  readonly id: string;
  readonly title: string;
  /** What went wrong: the failed assertion, or the unexpected error. */
  readonly message: string;
}

/** One case that did not apply to the backend. */
export interface ConformanceSkip {
  readonly id: string;
  /** Why it was skipped, e.g. `needs capability: glob`. */
  readonly reason: string;
}

/** The outcome of {@link runConformance}: every problem found, not only the first. */
export interface ConformanceReport {
  /** Number of cases that passed. */
  readonly passed: number;
  readonly failed: readonly ConformanceFailure[];
  readonly skipped: readonly ConformanceSkip[];
}

/** Defaults of the optional numeric settings. */
export const DEFAULT_TIMESTAMP_TOLERANCE_MS = 1000;
export const DEFAULT_CASE_TIMEOUT_MS = 30_000;
/** The folder under which the rootPath run places each case's random root. */
export const CONFORMANCE_ROOT = "conformance-root";
