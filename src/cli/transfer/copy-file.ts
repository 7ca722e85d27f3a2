import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import { copyBetween } from "../../ext/transfer/index.js";
import type { Interrupt } from "../progress/interrupt.js";
import type { Progress } from "../progress/progress.js";
import type { Location } from "../session/location.js";
import { ProgressTracker } from "../../shared/progress/progress-tracker.js";

/** True when two locations are in one store (same backend object and root). */
export function sameStore(a: Location, b: Location): boolean {
  return a.store.backend === b.store.backend && a.store.rootPath === b.store.rootPath;
}

/**
 * Copies one file between stores with `copyBetween` (spec CLI-048), reporting progress; Ctrl-C
 * abandons it (the destination keeps its previous state). Errors name the side they concern.
 */
export async function copyOneFile(source: Location, target: Location, options: { overwrite: boolean; interrupt: Interrupt; progress: Progress }): Promise<void> {
  const size = source.store.supports("metadata") ? (await source.run(() => source.store.getFileInfo(source.path))).size : 0;
  const tracker = new ProgressTracker(1, size, (state) => options.progress.update(state));
  tracker.start();
  let counted = 0;
  try {
    await copyBetween(source.store, source.path, target.store, target.path, {
      overwrite: options.overwrite,
      onProgress: ({ bytesDone }) => {
        options.interrupt.check();
        tracker.bytes("file", bytesDone - counted);
        counted = bytesDone;
      },
    });
    tracker.fileDone("file", size);
  } catch (error) {
    throw labelSide(error, source, target);
  } finally {
    options.progress.stop();
  }
}

/** Labels a library error with the location whose path it names (the destination when unsure). */
export function labelSide(error: unknown, source: Location, target: Location): unknown {
  if (isRemoteStoreError(error) && error.path === source.path && error.path !== target.path) return source.label(error);
  return target.label(error);
}
