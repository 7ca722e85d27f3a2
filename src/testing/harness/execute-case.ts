import type { Backend } from "../../contract/backend.js";
import type { CapabilitySet } from "../../contract/capabilities.js";
import { Store } from "../../store/store.js";
import { ConformanceAssertionError, describeError } from "../assert.js";
import { delay, randomToken } from "../conformance/support/content.js";
import type { ConformanceCase, ConformanceContext } from "../conformance/types.js";
import { containmentViolations, snapshotBackend, type BackendSnapshot } from "./containment-check.js";
import { DEFAULT_CASE_TIMEOUT_MS, DEFAULT_TIMESTAMP_TOLERANCE_MS, type ConformanceClock, type ConformanceOptions } from "./options.js";
import { createChecked } from "./select.js";

/** How one run places its cases. */
export interface CaseSetup {
  readonly options: ConformanceOptions;
  /** The capabilities cases were chosen by. */
  readonly capabilities: CapabilitySet;
  /** `undefined`: the backend root; else each case gets the root `<rootPrefix>/<random>` and a containment check. */
  readonly rootPrefix: string | undefined;
}

/**
 * Runs one case against a fresh backend (spec CONF-H04): creates the backend, builds the
 * context, runs the case within the time limit, checks containment in the rootPath run, and
 * closes every backend it made. Rejects with the first problem found.
 */
export async function executeCase(testCase: ConformanceCase, setup: CaseSetup): Promise<void> {
  const backend = await createChecked(setup.options.create);
  const extraBackends: Backend[] = [];
  const rootPath = setup.rootPrefix === undefined ? "" : `${setup.rootPrefix}/${randomToken()}${randomToken()}`;
  let problem: unknown;
  try {
    const store = new Store({ backend, rootPath });
    const canList = backend.capabilities.has("list");
    let before: BackendSnapshot | undefined;
    if (canList) before = await snapshotBackend(backend);
    if (canList && rootPath === "" && before !== undefined && (before.files.size > 0 || before.folders.size > 0)) {
      throw new ConformanceAssertionError(`create() must return an empty backend; this one already holds ${[...before.files.keys(), ...before.folders].slice(0, 5).join(", ")}`);
    }
    const ctx = buildContext({ backend, store, rootPath, setup, extraBackends });
    await withTimeout(Promise.resolve().then(() => testCase.run(ctx)), setup.options.timeoutMs ?? DEFAULT_CASE_TIMEOUT_MS, testCase.id);
    if (rootPath !== "" && canList && before !== undefined && testCase.closesBackend !== true) {
      const violations = containmentViolations(before, await snapshotBackend(backend), rootPath);
      if (violations.length > 0) throw new ConformanceAssertionError(`containment (rootPath ${JSON.stringify(rootPath)}): ${violations.join("; ")}`);
    }
  } catch (error) {
    problem = error;
  }
  for (const made of [backend, ...extraBackends]) {
    try {
      await made.close();
    } catch (error) {
      problem ??= new ConformanceAssertionError(`backend.close() after the case failed: ${describeError(error)}`);
    }
  }
  if (problem !== undefined) throw problem instanceof Error ? problem : new ConformanceAssertionError(describeError(problem), { cause: problem });
}

function buildContext(parts: { backend: Backend; store: Store; rootPath: string; setup: CaseSetup; extraBackends: Backend[] }): ConformanceContext {
  const { backend, store, rootPath, setup, extraBackends } = parts;
  const expected = setup.options.capabilities === undefined ? undefined : setup.capabilities;
  const tolerance = setup.options.timestampToleranceMs ?? DEFAULT_TIMESTAMP_TOLERANCE_MS;
  const clock = setup.options.clock;
  return {
    store,
    backend,
    rootPath,
    capabilities: setup.capabilities,
    expectedCapabilities: expected,
    timestampToleranceMs: tolerance,
    now: clock === undefined ? Date.now : () => clock.now().getTime(),
    letTimePass: (after) => letTimePass(clock, after.getTime() + tolerance),
    async seed(files) {
      for (const [path, content] of Object.entries(files)) await store.write(path, content);
    },
    sibling() {
      return new Store({ backend, rootPath });
    },
    async quotaStore(maxSize) {
      const factory = setup.options.createWithQuota;
      if (factory === undefined) throw new ConformanceAssertionError("this case needs createWithQuota, which the harness was not given");
      const limited = await createChecked(factory, maxSize);
      extraBackends.push(limited);
      return new Store({ backend: limited, rootPath });
    },
  };
}

/** CONF-H08: moves a controlled clock past `time` at once, or waits until the wall clock is past it. */
async function letTimePass(clock: ConformanceClock | undefined, time: number): Promise<void> {
  if (clock !== undefined) {
    const behind = time + 1 - clock.now().getTime();
    if (behind > 0) clock.advance(behind);
    return;
  }
  while (Date.now() <= time) await delay(time + 1 - Date.now());
}

async function withTimeout(work: Promise<void>, ms: number, id: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConformanceAssertionError(`${id} did not finish within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
