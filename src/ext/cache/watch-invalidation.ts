import type { WatchEvent } from "../../contract/watch.js";
import type { Store } from "../../store/store.js";
import type { CacheState } from "./cache-state.js";

/**
 * `invalidateOn: "watch"` (spec CACHE-013): watches the whole of `store` and drops, for each
 * change, what is cached about its path (and `from` of a move), their ancestors and everything
 * below them; an overflow clears the cache. Results are stored only from the moment the watch is
 * ready until it ends; when it fails, the cache is cleared and stores nothing more. The watch
 * ends with `store` (closing the cached store closes it). Returns the watch's `ready`.
 *
 * @throws what `store.watch` throws (`CapabilityNotSupported` without the `watch` capability)
 */
export function invalidateOnChanges(store: Store, state: CacheState): Promise<void> {
  const stop = (): void => {
    state.storing = false;
    state.clear();
  };
  const watcher = store.watch("", {
    recursive: true,
    onChange: (event: WatchEvent) => {
      if (event.type === "overflow") {
        state.clear();
        return;
      }
      state.invalidate(event.path, { subtree: true });
      if (event.from !== undefined) state.invalidate(event.from, { subtree: true });
    },
    onError: stop,
  });
  const ready = watcher.ready.then(
    () => {
      if (watcher.closed) return;
      // A read that began before the watch was ready may have missed a change: it is not stored (CACHE-005).
      state.epoch++;
      state.storing = true;
    },
    (error: unknown) => {
      stop();
      throw error;
    },
  );
  ready.catch(() => undefined);
  return ready;
}
