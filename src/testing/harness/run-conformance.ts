import { describeError } from "../assert.js";
import { CONFORMANCE_CASES } from "../conformance/cases.js";
import type { ConformanceCase } from "../conformance/types.js";
import { clockGroups } from "./clock-groups.js";
import { executeCase } from "./execute-case.js";
import { normalizePath } from "../../paths/index.js";
import type { ConformanceFailure, ConformanceReport, ConformanceSkip, RunConformanceOptions } from "./options.js";
import { createChecked, selectionCapabilities, skipReason, traitsOf, undeclared } from "./select.js";

/** Clause of the harness check that the backend declares every expected capability. */
export const EXPECTED_CAPABILITIES_ID = "CONF-004";
const EXPECTED_CAPABILITIES_TITLE = "the backend declares every capability the harness was told to expect";

/**
 * Runs every applicable conformance case against fresh backends from `options.create` and reports
 * every problem found, without a test framework (spec CONF-H06). Never rejects because a case failed;
 * rejects only when the options themselves are unusable (e.g. `create` does not return a backend).
 */
export async function runConformance(options: RunConformanceOptions): Promise<ConformanceReport> {
  const capabilities = await selectionCapabilities(options);
  const traits = traitsOf(options);
  const only = options.only === undefined ? undefined : new Set(options.only);
  const rootPrefix = options.rootPath === undefined ? undefined : normalizePath(options.rootPath, "rootPath");
  const setup = { options, capabilities, rootPrefix: rootPrefix === "" ? undefined : rootPrefix };
  let passed = 0;
  const failed: ConformanceFailure[] = [];
  const skipped: ConformanceSkip[] = [];

  if (options.capabilities !== undefined && (only === undefined || only.has(EXPECTED_CAPABILITIES_ID))) {
    const problem = await checkExpectedCapabilities(options);
    if (problem === undefined) passed++;
    else failed.push({ id: EXPECTED_CAPABILITIES_ID, title: EXPECTED_CAPABILITIES_TITLE, message: problem });
  }
  const chosen = CONFORMANCE_CASES.filter((testCase) => {
    if (only !== undefined && !only.has(testCase.id)) return false;
    const reason = skipReason(testCase, capabilities, traits, options);
    if (reason !== undefined) skipped.push({ id: testCase.id, reason });
    return reason === undefined;
  });
  const record = (testCase: ConformanceCase, message: string | undefined): void => {
    if (message === undefined) passed++;
    else failed.push({ id: testCase.id, title: testCase.title, message });
  };
  // CONF-H08: the cases that wait for the wall clock run last, together.
  const { inOrder, waiting } = clockGroups(chosen, options);
  for (const testCase of inOrder) record(testCase, await outcomeOf(testCase, setup));
  const late = await Promise.all(waiting.map((testCase) => outcomeOf(testCase, setup)));
  waiting.forEach((testCase, i) => record(testCase, late[i]));
  failed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { passed, failed, skipped };
}

/** The failure message of one case, or `undefined` when it passed. */
async function outcomeOf(testCase: ConformanceCase, setup: Parameters<typeof executeCase>[1]): Promise<string | undefined> {
  try {
    await executeCase(testCase, setup);
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

/** CONF-004: `undefined` when a fresh backend declares every expected capability, else the problem. */
export async function checkExpectedCapabilities(options: RunConformanceOptions | { create: RunConformanceOptions["create"]; capabilities?: RunConformanceOptions["capabilities"] }): Promise<string | undefined> {
  if (options.capabilities === undefined) return undefined;
  const backend = await createChecked(options.create);
  try {
    const missing = undeclared(options.capabilities, backend.capabilities);
    return missing.length === 0 ? undefined : `the backend does not declare: ${missing.join(", ")}`;
  } finally {
    await backend.close();
  }
}
