import type { Store } from "../../store/store.js";
import type { SyncResult } from "./types.js";

/**
 * `syncStores` with `watch` (spec XFER-040): one pass now, then one more after every burst of
 * changes the source's watcher reports (an overflow too), until `signal` aborts. Changes that
 * arrive during a pass make one more pass after it. Resolves with the last pass's plan and errors
 * and the work of all passes added up.
 */
export async function keepInSync(src: Store, signal: AbortSignal, pass: () => Promise<SyncResult>): Promise<SyncResult> {
  let dirty = false;
  let wake: (() => void) | undefined;
  const nudge = (): void => {
    dirty = true;
    wake?.();
  };
  let failure: { error: unknown } | undefined;
  const watcher = src.watch("", { recursive: true, signal, onChange: nudge, onError: (error) => { failure = { error }; wake?.(); } });
  signal.addEventListener("abort", () => wake?.(), { once: true });
  try {
    await watcher.ready;
    let total = await pass();
    for (;;) {
      if (!dirty && !signal.aborted && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (failure !== undefined) throw failure.error;
      if (signal.aborted) return total;
      dirty = false;
      total = add(total, await pass());
    }
  } finally {
    await watcher.close();
  }
}

function add(a: SyncResult, b: SyncResult): SyncResult {
  return Object.freeze({
    ...b,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    deleted: a.deleted + b.deleted,
    skipped: b.skipped,
    foldersCreated: a.foldersCreated + b.foldersCreated,
    foldersDeleted: a.foldersDeleted + b.foldersDeleted,
    bytesCopied: a.bytesCopied + b.bytesCopied,
  });
}
