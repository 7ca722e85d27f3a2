import { checkStore } from "../internal/arguments.js";
import { tapStream } from "../internal/tap-stream.js";
import type { Store } from "../../store/store.js";
import type { Listing } from "../../store/listing.js";
import type { Watcher } from "../../store/watch/watch-types.js";
import type { StoreCall, StoreLayer } from "../../store/wrap/layer.js";
import { LISTING_OPERATIONS, SYNC_OPERATIONS } from "../../store/wrap/operations.js";
import { wrapStore } from "../../store/wrap/wrap-store.js";
import { checkHooks, HookRunner } from "./hooks.js";
import { ObservedListing } from "./observed-listing.js";
import type { ObserveHooks, StoreEvent } from "./types.js";

let sequence = 0;

const timeOrigin = performance.timeOrigin;

/** Epoch milliseconds with sub-millisecond resolution, one clock read. */
function defaultNow(): number {
  return timeOrigin + performance.now();
}

/**
 * A store that reports every operation to `hooks` (spec OBS-*): an event with the operation,
 * its store-relative path, start, duration, bytes read or written, and the error when it failed.
 * Listings and read streams are timed to their end. A hook that throws never changes what the
 * operation returns or throws.
 *
 * ```ts
 * const observed = observe(store, { onEvent: (e) => console.log(e.operation, e.path, e.durationMs) });
 * ```
 */
export function observe(store: Store, hooks: ObserveHooks): Store {
  checkStore(store);
  return wrapStore(store, observeLayer(checkHooks(hooks)));
}

/** The layer of {@link observe}, for wrappers that combine it with others. */
export function observeLayer(hooks: ObserveHooks): StoreLayer {
  return { name: "observe", intercept: new Observer(hooks).intercept };
}

type Settled = Partial<Pick<StoreEvent, "bytes" | "items" | "error">>;

/**
 * An operation's event: made when it starts (what `around` sees), completed in place when it
 * ends. A class with every field set in the constructor, so that events share one shape; fields
 * that do not apply hold `undefined`.
 */
class OperationEvent implements StoreEvent {
  durationMs = 0;
  bytes: number | undefined = undefined;
  items: number | undefined = undefined;
  error: Error | undefined = undefined;

  constructor(
    readonly id: number,
    readonly operation: StoreEvent["operation"],
    readonly path: string | undefined,
    readonly to: string | undefined,
    readonly store: Store,
    readonly startedAt: number,
  ) {}
}

class Observer {
  private readonly runner: HookRunner;
  private readonly now: () => number;

  constructor(private readonly hooks: ObserveHooks) {
    this.runner = new HookRunner(hooks);
    this.now = hooks.now ?? defaultNow;
  }

  readonly intercept = (call: StoreCall): unknown => {
    const start = this.start(call);
    if (LISTING_OPERATIONS.has(call.operation)) return this.listing(call, start);
    let result: unknown;
    try {
      result = this.run(call, start);
    } catch (error) {
      this.finish(start, { error: error as Error });
      throw error;
    }
    if (call.operation === "watch") return this.watching(result as Watcher, start);
    if (SYNC_OPERATIONS.has(call.operation)) {
      this.finish(start, {});
      return result;
    }
    const promise = result as Promise<unknown>;
    if (call.operation === "read") {
      return promise.then(
        (stream) => this.timedStream(stream as ReadableStream<Uint8Array>, start),
        (error: unknown) => this.failed(start, error),
      );
    }
    return promise.then(
      (value) => {
        const bytes = bytesOf(call.operation, value);
        this.finish(start, bytes === undefined ? {} : { bytes });
        return value;
      },
      (error: unknown) => this.failed(start, error),
    );
  };

  private start(call: StoreCall): OperationEvent {
    return new OperationEvent(++sequence, call.operation, call.path, call.to, call.store, this.now());
  }

  /** Runs the call, inside `around` when there is one (OBS-003); `around` cannot change the result. */
  private run(call: StoreCall, start: OperationEvent): unknown {
    const around = this.hooks.around;
    if (around === undefined) return call.next();
    let ran = false;
    let result: unknown;
    let thrown: { error: unknown } | undefined;
    const run = (): unknown => {
      if (!ran) {
        ran = true;
        try {
          result = call.next();
        } catch (error) {
          thrown = { error };
        }
      }
      if (thrown !== undefined) throw thrown.error;
      return result;
    };
    this.runner.guard(() => void around(start, run), start);
    if (!ran) run();
    if (thrown !== undefined) throw thrown.error;
    return result;
  }

  /** A listing: its call is reported at once when it throws; each pass of the Listing is an event of its own (OBS-004). */
  private listing(call: StoreCall, start: OperationEvent): Listing<unknown> {
    let inner: Listing<unknown>;
    try {
      inner = call.next() as Listing<unknown>;
    } catch (error) {
      this.finish(start, { error: error as Error });
      throw error;
    }
    return new ObservedListing(inner, () => {
      const pass = new OperationEvent(++sequence, start.operation, start.path, start.to, start.store, this.now());
      return ({ items, error }) => this.finish(pass, error === undefined ? { items } : { items, error: error as Error });
    });
  }

  /** A watch is reported once, when its watcher is ready or could not start (OBS-011); the watcher is the inner store's. */
  private watching(watcher: Watcher, start: OperationEvent): Watcher {
    watcher.ready.then(
      () => this.finish(start, {}),
      (error: unknown) => this.finish(start, { error: error as Error }),
    );
    return watcher;
  }

  private timedStream(stream: ReadableStream<Uint8Array>, start: OperationEvent): ReadableStream<Uint8Array> {
    let bytes = 0;
    return tapStream(stream, {
      onChunk: (chunk) => void (bytes += chunk.byteLength),
      onEnd: ({ error }) => this.finish(start, error === undefined ? { bytes } : { bytes, error: error as Error }),
    });
  }

  private failed(start: OperationEvent, error: unknown): never {
    this.finish(start, { error: error as Error });
    throw error;
  }

  private finish(event: OperationEvent, settled: Settled): void {
    event.durationMs = Math.max(0, this.now() - event.startedAt);
    if (settled.bytes !== undefined) event.bytes = settled.bytes;
    if (settled.items !== undefined) event.items = settled.items;
    if (settled.error !== undefined) event.error = settled.error;
    this.runner.deliver(event);
  }
}

/** Bytes a finished operation read or wrote, where its result tells. */
function bytesOf(operation: StoreCall["operation"], value: unknown): number | undefined {
  switch (operation) {
    case "readBytes":
      return (value as Uint8Array).byteLength;
    case "write":
    case "writeText":
    case "writeAtomic":
    case "uploadPart":
    case "completeMultipartUpload":
      return (value as { size: number }).size;
    default:
      return undefined;
  }
}
