import type { Backend } from "../../contract/backend.js";
import type { Capability } from "../../contract/capabilities.js";
import { describeType, isObject } from "../../shared/checks/objects.js";

/**
 * The method each declared core capability requires (spec BE-020). The extension capabilities
 * (`url`, `createFolder`, folder operations, `multipart`) are checked when called: a declared one
 * whose method is missing is `CapabilityNotSupported` then.
 */
const REQUIRED_BY: ReadonlyArray<readonly [Capability, string]> = [
  ["read", "read"],
  ["write", "write"],
  ["delete", "delete"],
  ["list", "listFiles"],
  ["metadata", "getFileInfo"],
  ["move", "move"],
  ["copy", "copy"],
];

/**
 * Checks that `value` can serve as a {@link Backend} (spec ST-001, BE-020): a non-empty `name`,
 * a `capabilities` set, `close`, `kindOf` (or both `isFile` and `isFolder`), the method of every
 * gate capability it declares, and whatever the Store's fallbacks cannot stand in for. A
 * `TypeError` lists everything missing.
 */
export function checkBackend(value: unknown): Backend {
  if (!isObject(value)) throw new TypeError(`backend must be a Backend object, got ${describeType(value)}`);
  const missing = missingParts(value as Record<string, unknown>);
  if (missing.length > 0) throw new TypeError(`backend does not implement the Backend interface (missing: ${missing.join(", ")})`);
  return value as Backend;
}

/** What `candidate` lacks to be a usable backend, in a stable order; empty when nothing. */
export function missingParts(candidate: Record<string, unknown>): string[] {
  const has = (method: string): boolean => typeof candidate[method] === "function";
  const missing: string[] = [];
  if (!(candidate.capabilities instanceof Set)) missing.push("capabilities");
  if (typeof candidate.name !== "string" || candidate.name === "") missing.push("name");
  if (!has("close")) missing.push("close");
  if (!has("kindOf") && !(has("isFile") && has("isFolder"))) missing.push("kindOf");
  // A stand-in for a backend still being created is checked again when it arrives (BE-021).
  if (!(candidate.capabilities instanceof Set) || has("ready")) return missing;
  const declared = candidate.capabilities as ReadonlySet<string>;
  for (const [capability, method] of REQUIRED_BY) if (declared.has(capability) && !has(method)) missing.push(`${method} (declared ${capability})`);
  // Fallbacks that need what the backend may not offer.
  // Empty folders (createFolder) cannot be derived from files; without list nothing can.
  const folders = declared.has("createFolder") && has("createFolder");
  const needs = (method: string, capability: string, because: boolean): void => {
    if (declared.has(capability) && !has(method) && because) missing.push(`${method} (declared ${capability}${folders ? " and createFolder" : " without list"})`);
  };
  needs("listFolders", "list", folders);
  needs("deleteFolder", "delete", folders || !declared.has("list"));
  needs("getFolderInfo", "metadata", !declared.has("list"));
  return missing;
}
