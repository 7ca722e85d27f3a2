import { joinPath } from "../../paths/path-parts.js";
import { isRecord } from "../../shared/checks/objects.js";
import { normalOrUndefined } from "../../store/wrap/call.js";
import type { StoreCall } from "../../store/wrap/layer.js";

/** Where a cached read is kept: its key, and the path (relative to the top cached store) it is about. */
export interface CacheSlot {
  readonly key: string;
  readonly path: string;
}

/** A normalised path, or `undefined` when the Store would refuse it (then the call is not cached). */
const normal = normalOrUndefined;

/** The options as `key=value` text when they hold only `allowed` keys with the accepted values, else `undefined`. */
function optionsText(options: unknown, allowed: Readonly<Record<string, (value: unknown) => boolean>>): string | undefined {
  if (options === undefined) return "";
  if (!isRecord(options)) return undefined;
  const parts: string[] = [];
  for (const key of Object.keys(options).sort()) {
    const accepts = allowed[key];
    const value = options[key];
    if (accepts === undefined || !(value === undefined || accepts(value))) return undefined;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") parts.push(`${key}=${String(value)}`);
  }
  return parts.join(",");
}

const count = (value: unknown): boolean => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const depth = (value: unknown): boolean => count(value) || value === Infinity;
const RANGE = { offset: count, length: count };
const TEXT = { ...RANGE, encoding: (value: unknown) => typeof value === "string", fatal: (value: unknown) => typeof value === "boolean" };
const LIST = { recursive: (value: unknown) => typeof value === "boolean", maxDepth: depth };

/**
 * The slot of a cacheable read (spec CACHE-001): probes, infos, `readBytes`/`readText` and
 * listings, keyed by operation, path (relative to the top cached store: `prefix` joined) and
 * arguments. `undefined` when the call is not cached: another operation, or arguments the Store
 * would refuse or that the cache does not know, which then go to the store as they are.
 */
export function cacheSlot(call: StoreCall, prefix: string): CacheSlot | undefined {
  const [first, second] = call.args as readonly unknown[];
  let path: string | undefined;
  let extra: string | undefined = "";
  switch (call.operation) {
    case "exists":
    case "isFile":
    case "isFolder":
    case "getFolderInfo":
    case "iterChildren":
      path = normal(first ?? "");
      break;
    case "getFileInfo":
      path = normal(first);
      break;
    case "readBytes":
      path = normal(first);
      extra = optionsText(second, RANGE);
      break;
    case "readText":
      path = normal(first);
      extra = optionsText(second, TEXT);
      break;
    case "listFiles":
    case "listFolders":
      path = normal(first ?? "");
      extra = optionsText(second, LIST);
      break;
    case "glob":
      if (typeof first !== "string") return undefined;
      path = "";
      extra = first;
      break;
    default:
      return undefined;
  }
  if (path === undefined || extra === undefined) return undefined;
  const full = joinPath(prefix, path);
  // Results hold paths relative to the store that asked (FileInfo.path, listings), so the key names that store's prefix.
  return { key: `${call.operation}\u0000${prefix}\u0000${path}\u0000${extra}`, path: full };
}

/** What a mutation may change (spec CACHE-004): paths relative to the top cached store, and whether their subtrees change too. */
export interface MutationScope {
  readonly paths: readonly string[];
  readonly subtree: boolean;
}

/** The scope of a mutating call, or `undefined` for a call that changes nothing the cache holds. */
export function mutationScope(call: StoreCall, prefix: string): MutationScope | undefined {
  const [first, second] = call.args as readonly unknown[];
  const at = (...raw: unknown[]): string[] => raw.map(normal).filter((p): p is string => p !== undefined).map((p) => joinPath(prefix, p));
  switch (call.operation) {
    case "write":
    case "writeText":
    case "writeAtomic":
    case "delete":
    case "createFolder":
      return { paths: at(first), subtree: false };
    case "move":
    case "copy":
      return { paths: at(first, second), subtree: false };
    case "deleteFolder":
      return { paths: at(first), subtree: true };
    case "moveFolder":
    case "copyFolder":
      return { paths: at(first, second), subtree: true };
    case "completeMultipartUpload":
      return { paths: at(call.path), subtree: false };
    default:
      return undefined;
  }
}
