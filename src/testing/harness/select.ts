import type { Backend } from "../../contract/backend.js";
import type { Capability, CapabilitySet } from "../../contract/capabilities.js";
import { capabilitySet } from "../../contract/capabilities.js";
import type { ConformanceCase, ConformanceTrait } from "../conformance/types.js";
import type { BackendFactory, ConformanceOptions } from "./options.js";
import { isObject } from "../../shared/checks/objects.js";

/** Why `testCase` does not apply, or `undefined` when it does (spec CONF-H03). */
export function skipReason(testCase: ConformanceCase, capabilities: CapabilitySet, traits: ReadonlySet<ConformanceTrait>, lists: Pick<ConformanceOptions, "knownGaps" | "leaveOut"> = {}): string | undefined {
  const missing = testCase.needs.filter((cap) => !capabilities.has(cap));
  const reasons: string[] = [];
  const gap = reasonIn(lists.knownGaps, testCase.id);
  if (gap !== undefined) reasons.push(`known gap: ${gap}`);
  const leftOut = reasonIn(lists.leaveOut, testCase.id);
  if (leftOut !== undefined) reasons.push(`left out: ${leftOut}`);
  if (missing.length > 0) reasons.push(`needs capability: ${missing.join(", ")}`);
  for (const trait of testCase.traits ?? []) {
    if (traits.has(trait)) continue;
    reasons.push(trait === "quota" ? "needs createWithQuota" : "needs persistent empty folders (flatNamespace backend)");
  }
  return reasons.length === 0 ? undefined : reasons.join("; ");
}

/** The reason a case id has in a list of reasons (a record or a map), if any. */
function reasonIn(list: ConformanceOptions["knownGaps"], id: string): string | undefined {
  if (list === undefined) return undefined;
  if (list instanceof Map) return (list as ReadonlyMap<string, string>).get(id);
  return Object.hasOwn(list, id) ? (list as Readonly<Record<string, string>>)[id] : undefined;
}

/** The traits the harness options provide. */
export function traitsOf(options: ConformanceOptions): ReadonlySet<ConformanceTrait> {
  const traits = new Set<ConformanceTrait>();
  if (options.flatNamespace !== true) traits.add("persistentFolders");
  if (options.createWithQuota !== undefined) traits.add("quota");
  return traits;
}

/** The capabilities cases are chosen by: the option when given, else what a probe backend declares. */
export async function selectionCapabilities(options: ConformanceOptions): Promise<CapabilitySet> {
  if (options.capabilities !== undefined) return capabilitySet(options.capabilities);
  const backend = await createChecked(options.create);
  try {
    return capabilitySet([...backend.capabilities]);
  } finally {
    await backend.close();
  }
}

/** Calls a factory and checks it gave something backend-shaped. */
export async function createChecked(create: BackendFactory | ((maxSize: number) => unknown), maxSize?: number): Promise<Backend> {
  const backend = (await (create as (n?: number) => unknown)(maxSize)) as Backend | undefined;
  if (!isObject(backend) || typeof backend.close !== "function") {
    throw new TypeError("the conformance factory must return a Backend (or a Promise of one)");
  }
  return backend;
}

/** The expected capabilities the backend does not declare (CONF-004); empty when all are declared. */
export function undeclared(expected: Iterable<Capability>, declared: CapabilitySet): Capability[] {
  return [...expected].filter((cap) => !declared.has(cap));
}
