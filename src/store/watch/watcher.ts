import type { BackendWatch, BackendWatchOptions, ChangeEvent, WatchEvent } from "../../contract/watch.js";
import { EventQueue } from "../../shared/watch/event-queue.js";
import { scopeEvent, storePath } from "./scope-events.js";
import type { Watcher } from "./watch-types.js";

const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose");

/**
 * What a Store decided for a new watcher (spec WATCH-001): checked options, the watched folder
 * and the store's root (backend paths), and the Store's hooks. This module is loaded lazily and
 * imports nothing that the core bundle imports.
 */
export interface WatcherPlan {
  readonly recursive: boolean;
  readonly signal: AbortSignal | undefined;
  readonly onChange: ((event: WatchEvent) => void) | undefined;
  readonly onError: ((error: unknown) => void) | undefined;
  readonly bufferSize: number;
  /** The watched folder (backend path). */
  readonly folder: string;
  /** The store's root (backend path). */
  readonly root: string;
  /** Starts the backend's watch. */
  start(options: BackendWatchOptions): Promise<BackendWatch>;
  /** The error as the Store shows it (store-relative paths). */
  relocate(error: unknown): unknown;
  /** Tells the Store that the watcher has ended. */
  release(): void;
}

/** Starts a watcher for `plan`; without a plan, one that has ended with `ended` (a closed store). */
export function startWatcher(plan: WatcherPlan | undefined, closing: boolean, ended: unknown): Watcher {
  return new RunningWatcher(plan, closing, ended);
}

type Waiting = { resolve(result: IteratorResult<WatchEvent>): void; reject(error: unknown): void };

/** The watcher (spec WATCH-003, WATCH-004, WATCH-015, WATCH-020, WATCH-021). */
class RunningWatcher implements Watcher {
  readonly path: string;
  readonly recursive: boolean;
  readonly ready: Promise<void>;
  private readonly queue: EventQueue<WatchEvent>;
  private waiting: Waiting | undefined;
  private ended = false;
  /** The error that ended the watcher, until iteration has thrown it. */
  private failure: { error: unknown } | undefined;
  private iterated = false;
  private draining = false;
  private backendWatch: BackendWatch | undefined;
  private released: Promise<void> | undefined;
  private readonly onAbort = (): void => void this.close();

  constructor(private readonly plan: WatcherPlan | undefined, closing: boolean, ended: unknown) {
    this.recursive = plan?.recursive ?? false;
    this.path = plan === undefined ? "" : storePath(plan.folder, plan.root);
    this.queue = new EventQueue(plan?.bufferSize ?? 1);
    if (plan === undefined || closing || plan.signal?.aborted === true) {
      this.ended = true;
      plan?.release();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the store's own BackendUnavailable, passed through
      this.ready = plan === undefined ? Promise.reject(ended) : Promise.resolve();
      this.ready.catch(() => undefined);
      return;
    }
    plan.signal?.addEventListener("abort", this.onAbort, { once: true });
    const scope = { root: plan.root, folder: plan.folder, recursive: plan.recursive };
    const started = plan.start({
      recursive: plan.recursive,
      onEvent: (event: ChangeEvent) => {
        if (this.ended) return;
        const shown = scopeEvent(event, scope);
        if (shown !== undefined) this.deliver(shown);
      },
      onEnd: (error?: unknown) => this.end(error === undefined ? undefined : { error: plan.relocate(error) }),
    });
    this.ready = started.then(
      (watch) => {
        if (this.ended) void watch.close();
        else this.backendWatch = watch;
      },
      (error: unknown) => {
        const shown = plan.relocate(error);
        this.end({ error: shown });
        throw shown;
      },
    );
    this.ready.catch(() => undefined);
  }

  get closed(): boolean {
    return this.ended;
  }

  async close(): Promise<void> {
    this.end(undefined);
    await this.released;
  }

  [asyncDispose](): Promise<void> {
    return this.close();
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
    if (this.plan?.onChange !== undefined) throw new TypeError("This watcher delivers its events to onChange; it cannot be iterated");
    if (this.iterated) throw new TypeError("A watcher can be iterated once");
    this.iterated = true;
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { value: undefined, done: true };
      },
    };
  }

  private next(): Promise<IteratorResult<WatchEvent>> {
    const event = this.queue.shift();
    if (event !== undefined) return Promise.resolve({ value: event, done: false });
    if (this.failure !== undefined) {
      const { error } = this.failure;
      this.failure = undefined;
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the error that ended the watcher, as it was raised
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  private deliver(event: ChangeEvent): void {
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.waiting = undefined;
      waiting.resolve({ value: event, done: false });
      return;
    }
    this.queue.push(event);
    if (this.plan?.onChange !== undefined && !this.draining) {
      this.draining = true;
      queueMicrotask(() => this.drain());
    }
  }

  /** Hands the waiting events to `onChange`, in order, one at a time. */
  private drain(): void {
    this.draining = false;
    const onChange = this.plan?.onChange;
    if (onChange === undefined) return;
    for (let event = this.queue.shift(); event !== undefined && !this.ended; event = this.queue.shift()) {
      try {
        onChange(event);
      } catch (error) {
        this.end({ error });
      }
    }
  }

  private end(failure: { error: unknown } | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.clear();
    const plan = this.plan as WatcherPlan;
    plan.signal?.removeEventListener("abort", this.onAbort);
    plan.release();
    const watch = this.backendWatch;
    this.backendWatch = undefined;
    this.released = watch === undefined ? undefined : watch.close().catch(() => undefined);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (failure !== undefined) {
      if (waiting !== undefined) waiting.reject(failure.error);
      else if (this.iterated || plan.onChange === undefined) this.failure = failure;
      if (plan.onError !== undefined) queueMicrotask(() => plan.onError?.(failure.error));
    } else waiting?.resolve({ value: undefined, done: true });
  }
}
