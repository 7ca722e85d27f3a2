import type { WatchEvent } from "../../contract/watch.js";
import type { Store } from "../../store/store.js";
import type { Watcher, WatchOptions } from "../../store/watch/watch-types.js";

/** Options of {@link recordEvents}. */
export interface RecordEventsOptions extends Omit<WatchOptions, "onChange" | "onError"> {
  /** How long {@link EventLog.waitFor} waits by default, in ms (default 20,000: a hang guard, not a timing). */
  readonly timeoutMs?: number;
}

/**
 * The events of one watcher as they arrive, for tests (spec WATCH-070): wait for the events you
 * expect with {@link EventLog.waitFor} — it resolves as soon as they are there, and fails with what
 * arrived once its deadline passes — instead of sleeping.
 */
export interface EventLog extends AsyncDisposable {
  /** Every event so far, in order. */
  readonly events: readonly WatchEvent[];
  /** The watcher being recorded. */
  readonly watcher: Watcher;
  /** The error that ended the watcher, if any. */
  readonly error: unknown;
  /** Resolves once `done(events)` is true; rejects with the events seen when `timeoutMs` passes first, or when the watcher failed. */
  waitFor(done: (events: readonly WatchEvent[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Closes the watcher. */
  close(): Promise<void>;
}

/**
 * Watches `path` of `store` and records every event; resolves once the watcher is ready, so that
 * every change made afterwards is recorded (spec WATCH-003).
 *
 * ```ts
 * await using log = await recordEvents(store, "", { recursive: true });
 * await store.write("a.txt", "hi");
 * await log.waitFor((events) => events.some((e) => e.type === "created" && e.path === "a.txt"), "a.txt created");
 * ```
 */
export async function recordEvents(store: Store, path = "", options: RecordEventsOptions = {}): Promise<EventLog> {
  const { timeoutMs: defaultTimeout = 20_000, ...watchOptions } = options;
  const events: WatchEvent[] = [];
  const waiters = new Set<() => void>();
  let failure: { error: unknown } | undefined;
  const wake = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  const watcher = store.watch(path, {
    ...watchOptions,
    onChange: (event) => {
      events.push(event);
      wake();
    },
    onError: (error) => {
      failure = { error };
      wake();
    },
  });
  await watcher.ready;
  const log: EventLog = {
    events,
    watcher,
    get error() {
      return failure?.error;
    },
    waitFor: (done, what, timeoutMs = defaultTimeout) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (done(events)) finish(() => resolve());
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the watcher's own error, as it was raised
          else if (failure !== undefined) finish(() => reject(failure?.error));
        };
        const finish = (settle: () => void): void => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`No ${what} within ${timeoutMs} ms; events: ${JSON.stringify(events)}`))), timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => watcher.close(),
    [Symbol.asyncDispose]: () => watcher.close(),
  };
  return log;
}
