import { InvalidPath } from "../../errors/classes.js";
import type { FileInfo } from "../../contract/models.js";
import { compareCodePoints } from "../../paths/compare.js";
import { isWithin } from "../../paths/path-parts.js";
import type { Store } from "../../store/store.js";
import { checkStore } from "../internal/arguments.js";
import { keepInSync } from "./watch-sync.js";
import { mapLimit } from "../../shared/concurrency/map-limit.js";
import { isCollectable, requireCapability } from "../internal/capability.js";
import { copyFile } from "./copy-file.js";
import { ProgressTracker } from "../../shared/progress/progress-tracker.js";
import { syncSettings, type SyncSettings } from "./sync-options.js";
import { planSync, type PlannedSync } from "./sync-plan.js";
import type { SyncOptions, SyncResult } from "./types.js";

/**
 * One-way sync: makes `dst` look like `src` (spec XFER-020..XFER-035). Compares by size and
 * modification time (or by checksum), copies what is missing or out of date with bounded
 * concurrency, optionally deletes what the source lacks, and collects per-path errors.
 * Running it twice in a row does nothing the second time. `dryRun` only plans.
 */
export async function syncStores(src: Store, dst: Store, options?: SyncOptions): Promise<SyncResult> {
  checkStore(src, "src");
  checkStore(dst, "dst");
  const settings = syncSettings(options);
  requireCapability(src, "list", "syncStores");
  requireCapability(src, "read", "syncStores");
  requireCapability(dst, "list", "syncStores");
  requireCapability(dst, "write", "syncStores");
  if (settings.deleteExtra) requireCapability(dst, "delete", "syncStores with deleteExtra");
  if (settings.compare === "checksum") requireCapability(dst, "read", "syncStores with checksum comparison");
  if (src.backend === dst.backend && (isWithin(src.rootPath, dst.rootPath) || isWithin(dst.rootPath, src.rootPath))) {
    throw new InvalidPath("Cannot sync a store into itself or into its own subtree (their roots overlap on one backend)", {
      path: "",
      backend: dst.backend.name,
    });
  }
  const watch = (options as { watch?: unknown } | undefined)?.watch;
  if (watch !== undefined) {
    if (!(watch instanceof AbortSignal)) throw new TypeError("watch must be an AbortSignal");
    requireCapability(src, "watch", "syncStores with watch");
    const { watch: _watch, ...once } = options as SyncOptions;
    return keepInSync(src, watch, () => syncStores(src, dst, once));
  }
  const planned = await planSync(src, dst, settings);
  const counts = { created: 0, updated: 0, deleted: 0, foldersCreated: 0, foldersDeleted: 0, bytesCopied: 0 };
  if (!settings.dryRun) await carryOut(src, dst, planned, settings, counts);
  return Object.freeze({ dryRun: settings.dryRun, plan: planned.plan, ...counts, skipped: planned.plan.skips.length, errors: planned.errors });
}

type Counts = { created: number; updated: number; deleted: number; foldersCreated: number; foldersDeleted: number; bytesCopied: number };

async function carryOut(src: Store, dst: Store, planned: PlannedSync, settings: SyncSettings, counts: Counts): Promise<void> {
  const { plan, sources, errors } = planned;
  const copies = [...plan.creates, ...plan.updates].sort(compareCodePoints);
  const updates = new Set(plan.updates);
  let bytesTotal = 0;
  for (const path of copies) bytesTotal += (sources.get(path) as FileInfo).size;
  const progress = new ProgressTracker(copies.length + plan.deletes.length, bytesTotal, settings.onProgress);
  const collect = (path: string, error: unknown): void => {
    if (!isCollectable(error)) throw error;
    errors.set(path, error);
  };
  progress.start();
  await mapLimit(plan.deletes, settings.concurrency, async (path) => {
    try {
      await dst.delete(path, { missingOk: true });
      counts.deleted++;
    } catch (error) {
      collect(path, error);
    } finally {
      progress.fileDone(path, 0);
    }
  });
  for (const folder of plan.deleteFolders) {
    try {
      await dst.deleteFolder(folder, { missingOk: true });
      counts.foldersDeleted++;
    } catch (error) {
      collect(folder, error);
    }
  }
  for (const folder of plan.createFolders) {
    try {
      await dst.createFolder(folder, { existOk: true });
      counts.foldersCreated++;
    } catch (error) {
      collect(folder, error);
    }
  }
  const keepMetadata = dst.supports("userMetadata");
  const keepTime = dst.supports("setModifiedAt");
  await mapLimit(copies, settings.concurrency, async (path) => {
    const info = sources.get(path) as FileInfo;
    const update = updates.has(path);
    try {
      const result = await copyFile(src, path, dst, path, {
        overwrite: update,
        sizeHint: info.size,
        contentType: info.contentType,
        metadata: keepMetadata ? info.metadata : undefined,
        modifiedAt: keepTime ? info.modifiedAt : undefined,
        onBytes: (bytes) => progress.bytes(path, bytes, info.size),
      });
      if (update) counts.updated++;
      else counts.created++;
      counts.bytesCopied += result.size;
    } catch (error) {
      collect(path, error);
    } finally {
      progress.fileDone(path, info.size);
    }
  });
}
