import type { Backend } from "../contract/backend.js";
import type { BackendOps } from "./backend-ops/backend-ops.js";
import type { Capability } from "../contract/capabilities.js";
import { normalizeFilePath } from "../paths/normalize.js";
import type { RootScope } from "../paths/root-scope.js";
import { checkFolderPair, checkSameFolder, folderOperationFallback, hasNativeFolderOperation, type FolderOperation } from "./folder-ops.js";
import { booleanOption, optionsObject } from "./options.js";
import type { TransferOptions } from "./store-options.js";

/** What `moveFolder`/`copyFolder` need from their Store. */
export interface FolderOperationContext {
  readonly backend: Backend;
  /** The backend's operations, with the Store's fallbacks. */
  readonly ops: BackendOps;
  readonly scope: RootScope;
  /** Runs a backend call, rewriting errors to store-relative paths. */
  call<T>(operation: () => Promise<T>): Promise<T>;
  /** Throws `CapabilityNotSupported` (or `BackendUnavailable` once closed) unless the store may use `capability`. */
  gate(capability: Capability): void;
  /** Throws `BackendUnavailable` once the store is closed. */
  assertOpen(): void;
}

/** What the file-by-file fallback of each folder operation needs (spec FOLD-030). */
const FALLBACK_NEEDS: Record<FolderOperation, readonly Capability[]> = {
  moveFolder: ["list", "move", "delete"],
  copyFolder: ["list", "copy"],
};

const ROOT_MESSAGE = "A folder operation needs a folder, not the root";

/**
 * `Store.moveFolder` / `Store.copyFolder` (spec FOLD-001..FOLD-030): checks capabilities and
 * arguments before any I/O, then runs the backend's native operation or the file-by-file fallback.
 */
export async function runFolderOperation(context: FolderOperationContext, operation: FolderOperation, src: string, dst: string, options: TransferOptions | undefined): Promise<void> {
  const { backend, ops, scope } = context;
  const native = hasNativeFolderOperation(backend, operation);
  if (!native) for (const needed of FALLBACK_NEEDS[operation]) context.gate(needed);
  else context.assertOpen();
  const overwrite = booleanOption(optionsObject(options, ["overwrite"]).overwrite, "overwrite");
  if (!native && overwrite) context.gate("delete");
  const relative = { src: normalizeFilePath(src, "src", ROOT_MESSAGE), dst: normalizeFilePath(dst, "dst", ROOT_MESSAGE) };
  const from = scope.toBackend(relative.src);
  const to = scope.toBackend(relative.dst);
  if (checkFolderPair(from, to, relative)) return context.call(() => checkSameFolder(backend, ops, from));
  if (native) return context.call(() => backend[operation](from, to, { overwrite }));
  return context.call(() => folderOperationFallback(backend, ops, operation, { src: from, dst: to }, { overwrite }));
}
