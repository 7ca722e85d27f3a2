import type { RemoteStoreError } from "../../errors/remote-store-error.js";
import type { FileInfo } from "../../contract/models.js";
import type { Store } from "../../store/store.js";
import { mapLimit } from "../../shared/concurrency/map-limit.js";
import { isCollectable } from "../internal/capability.js";
import { fileDigest } from "./file-digest.js";
import { planFolders } from "./folder-plan.js";
import type { SyncSettings } from "./sync-options.js";
import type { SyncPlan } from "./types.js";

/** A plan with what carrying it out needs. */
export interface PlannedSync {
  readonly plan: SyncPlan;
  /** The source file of every create and update. */
  readonly sources: ReadonlyMap<string, FileInfo>;
  /** Per-path errors met while planning (checksum reads). */
  readonly errors: Map<string, RemoteStoreError>;
}

type Decision = "create" | "update" | "skip" | "error";

/**
 * Lists both trees and decides, file by file, what the sync does (spec XFER-022..XFER-027).
 * Listing errors are thrown; nothing has changed yet.
 */
export async function planSync(src: Store, dst: Store, settings: SyncSettings): Promise<PlannedSync> {
  const canCreate = dst.supports("createFolder");
  const wantFolders = canCreate || settings.deleteExtra;
  const [srcFiles, dstFiles, srcFolders, dstFolders] = await Promise.all([
    src.listFiles("", { recursive: true }).toArray(),
    dst.listFiles("", { recursive: true }).toArray(),
    wantFolders ? src.listFolders("", { recursive: true }).toArray() : undefined,
    wantFolders ? dst.listFolders("", { recursive: true }).toArray() : undefined,
  ]);
  const { filter } = settings;
  const selected = srcFiles.filter((file) => filter.selects(file.path));
  const dstByPath = new Map<string, FileInfo>();
  for (const file of dstFiles) if (filter.selects(file.path)) dstByPath.set(file.path, file);
  const errors = new Map<string, RemoteStoreError>();
  const decisions = await decide(src, dst, selected, dstByPath, settings, errors);
  const plan = { creates: [] as string[], updates: [] as string[], skips: [] as string[] };
  const sources = new Map<string, FileInfo>();
  selected.forEach((file, index) => {
    const decision = decisions[index];
    if (decision === "create" || decision === "update") sources.set(file.path, file);
    if (decision === "create") plan.creates.push(file.path);
    else if (decision === "update") plan.updates.push(file.path);
    else if (decision === "skip") plan.skips.push(file.path);
  });
  const deletes: string[] = [];
  if (settings.deleteExtra) {
    const srcPaths = new Set(selected.map((file) => file.path));
    for (const path of dstByPath.keys()) if (!srcPaths.has(path)) deletes.push(path);
  }
  const folders = planFolders({
    srcFolders: srcFolders?.map((folder) => folder.path),
    dstFolders: dstFolders?.map((folder) => folder.path),
    dstFiles: dstFiles.map((file) => file.path),
    creates: plan.creates,
    deletes: new Set(deletes),
    filter,
    canCreate,
    deleteExtra: settings.deleteExtra,
  });
  return { plan: Object.freeze({ ...plan, deletes, ...folders }), sources, errors };
}

async function decide(
  src: Store,
  dst: Store,
  files: readonly FileInfo[],
  dstByPath: ReadonlyMap<string, FileInfo>,
  settings: SyncSettings,
  errors: Map<string, RemoteStoreError>,
): Promise<Decision[]> {
  const exact = dst.supports("setModifiedAt");
  const decisions: Decision[] = [];
  const toHash: number[] = [];
  files.forEach((file, index) => {
    const other = dstByPath.get(file.path);
    if (other === undefined) decisions.push("create");
    else if (file.size !== other.size) decisions.push("update");
    else if (settings.compare === "checksum") {
      decisions.push("skip");
      toHash.push(index);
    } else decisions.push(timesAgree(file, other, exact, settings.modifyWindow) ? "skip" : "update");
  });
  await mapLimit(toHash, settings.concurrency, async (index) => {
    const { path, size } = files[index] as FileInfo;
    try {
      const [a, b] = await Promise.all([fileDigest(src, path, size), fileDigest(dst, path, size)]);
      decisions[index] = a === b ? "skip" : "update";
    } catch (error) {
      if (!isCollectable(error)) throw error;
      errors.set(path, error);
      decisions[index] = "error";
    }
  });
  return decisions;
}

/**
 * Spec XFER-023: with `setModifiedAt` at the destination copies carry the source's time, so the
 * times must agree; otherwise a copy is stamped later than its source, so it must not be older.
 */
function timesAgree(src: FileInfo, dst: FileInfo, exact: boolean, window: number): boolean {
  const delta = dst.modifiedAt.getTime() - src.modifiedAt.getTime();
  return exact ? Math.abs(delta) <= window : delta >= -window;
}
