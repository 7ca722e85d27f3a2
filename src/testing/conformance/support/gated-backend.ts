import type { Backend } from "../../../contract/backend.js";
import { capabilitySet, type Capability } from "../../../contract/capabilities.js";
import { backendOps } from "../../../store/backend-ops/backend-ops.js";
import { Store } from "../../../store/store.js";
import { assert, assertDeepEqual, expectRejection, labelled, show } from "../../assert.js";

/** A backend wrapper for gating cases, with a log of every call that reached the real backend. */
export interface RestrictedBackend {
  readonly backend: Backend;
  /** `method(args…)` for every call delegated to the real backend, in order. */
  readonly calls: string[];
}

/** The operations offered, taken from the inner backend's operations with the Store's fallbacks (BE-020). */
const METHODS = [
  "kindOf", "exists", "isFile", "isFolder", "read", "readBytes", "write", "writeAtomic", "delete", "deleteFolder",
  "listFiles", "listFolders", "iterChildren", "getFileInfo", "getFolderInfo", "move", "copy",
] as const;

/** Optional methods (src/backend-extensions.ts), each offered only while its capability is kept. */
const EXTENSION_METHODS: Readonly<Record<string, Capability>> = {
  createFolder: "createFolder",
  moveFolder: "moveFolder",
  copyFolder: "copyFolder",
  startMultipartUpload: "multipart",
  uploadPart: "multipart",
  listParts: "multipart",
  completeMultipartUpload: "multipart",
  abortMultipartUpload: "multipart",
  listMultipartUploads: "multipart",
};

/**
 * Wraps `inner` so that it declares its capabilities minus `without`, delegating every call and
 * recording it. The optional folder and multipart methods are offered only while their capability
 * is kept, so hiding `moveFolder` makes the Store fall back to file-by-file work (spec FOLD-030).
 * `close` is not delegated: the harness closes the real backend.
 */
export function restrictBackend(inner: Backend, without: readonly Capability[]): RestrictedBackend {
  const calls: string[] = [];
  const declared = capabilitySet([...inner.capabilities].filter((cap) => !without.includes(cap)));
  const wrapper: Record<string, unknown> = {
    name: inner.name,
    capabilities: declared,
    close: () => Promise.resolve(),
  };
  const ops = backendOps(inner) as unknown as Record<string, unknown>;
  const own = inner as unknown as Record<string, unknown>;
  const offered: [string, Record<string, unknown>][] = [
    ...METHODS.map((method): [string, Record<string, unknown>] => [method, ops]),
    ["url", own],
    ...Object.keys(EXTENSION_METHODS).filter((method) => declared.has(EXTENSION_METHODS[method] as Capability)).map((method): [string, Record<string, unknown>] => [method, own]),
  ];
  for (const [method, source] of offered) {
    const original = source[method];
    if (typeof original !== "function") continue;
    wrapper[method] = (...args: unknown[]): unknown => {
      calls.push(`${method}(${args.map((a) => JSON.stringify(a) ?? typeof a).join(", ")})`);
      return (original as (...a: unknown[]) => unknown).apply(source, args);
    };
  }
  return { backend: wrapper as unknown as Backend, calls };
}

/**
 * A store over the backend under test minus `without`, rooted like the store under test, and the
 * log of calls that reached the real backend. It does not own the backend (closing it is a no-op).
 */
export function restrictedStore(context: { readonly backend: Backend; readonly rootPath: string }, without: readonly Capability[]): { store: Store; calls: string[] } {
  const { backend, calls } = restrictBackend(context.backend, without);
  return { store: new Store({ backend, rootPath: context.rootPath }), calls };
}

/**
 * Fails unless `call` rejects with `CapabilityNotSupported` naming `capability`, without a single
 * call having reached the backend (the `calls` log of a restricted backend stays empty).
 */
export async function expectRefusedBeforeIo(call: () => unknown, capability: Capability, calls: readonly string[], label: string): Promise<void> {
  const error = await labelled(label, () => expectRejection(call, "CAPABILITY_NOT_SUPPORTED"));
  const named = (error as { capability?: unknown }).capability;
  assert(named === capability, `${label}: expected capability ${JSON.stringify(capability)}, got ${show(named)}`);
  assertDeepEqual(calls, [], `${label}: backend calls made before refusing`);
}
