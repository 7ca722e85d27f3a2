import type { BackendWatch, BackendWatchOptions, WatchEvent } from "../../contract/watch.js";
import type { RootScope } from "../../paths/root-scope.js";
import { describeType, isObject } from "../../shared/checks/objects.js";
import { booleanOption, optionsObject, positiveIntegerOption } from "../options.js";
import type { WatcherPlan } from "./watcher.js";
import type { Watcher, WatchOptions } from "./watch-types.js";

const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose");

/** What a Store lends the watchers it opens. */
export interface WatchHost {
  readonly closed: boolean;
  readonly scope: RootScope;
  /** The store's open watchers, closed with it (spec WATCH-021). */
  readonly watchers: Set<Watcher>;
  /** Throws when the store cannot watch: closed (`BackendUnavailable`), or the capability gate once the backend is known. */
  check(): void;
  /** The backend path of a store path (the store is open; throws for a bad path). */
  toBackend(path: unknown): string;
  /** Starts the backend's watch of `folder` (awaiting a pending backend, then gating). */
  start(folder: string, options: BackendWatchOptions): Promise<BackendWatch>;
}

/**
 * `Store.watch` (spec WATCH-001): checks everything that needs no I/O now, in the order of
 * ST-007, and returns a watcher whose work — buffering, scoping, iteration — is loaded with the
 * first watch, so the core bundle carries only this.
 */
export function openWatcher(host: WatchHost, path: unknown, options: WatchOptions | undefined): Watcher {
  try {
    host.check();
  } catch (error) {
    // A closed store: the watcher has ended at once (WATCH-001).
    if (host.closed) return new LazyWatcher(host, undefined, error);
    throw error;
  }
  const o = optionsObject(options);
  const plan: WatcherPlan = {
    recursive: booleanOption(o.recursive, "recursive"),
    signal: signalOption(o.signal),
    onChange: functionOption(o.onChange, "onChange"),
    onError: functionOption(o.onError, "onError"),
    bufferSize: positiveIntegerOption(o.bufferSize, "bufferSize") ?? 10_000,
    folder: host.toBackend(path),
    root: host.scope.root,
    start: (watch) => host.start(plan.folder, watch),
    relocate: (error) => host.scope.relocateError(error),
    release: () => host.watchers.delete(watcher),
  };
  const watcher = new LazyWatcher(host, plan, undefined);
  return watcher;
}

function functionOption<T>(value: T | undefined, name: string): T | undefined {
  if (value !== undefined && typeof value !== "function") throw new TypeError(`${name} must be a function, got ${describeType(value)}`);
  return value;
}

function signalOption(value: AbortSignal | undefined): AbortSignal | undefined {
  if (value !== undefined && (!isObject(value) || typeof value.aborted !== "boolean" || typeof value.addEventListener !== "function")) {
    throw new TypeError(`signal must be an AbortSignal, got ${describeType(value)}`);
  }
  return value;
}

/** The watcher handed out at once; it forwards to the real one once `./watcher.js` has loaded. */
class LazyWatcher implements Watcher {
  readonly path: string;
  readonly recursive: boolean;
  readonly ready: Promise<void>;
  private readonly started: Promise<Watcher>;
  private inner: Watcher | undefined;
  private closing = false;

  /** @param plan What to watch; `undefined` with `ended`, the error of a watcher that has ended before it began. */
  constructor(host: WatchHost, plan: WatcherPlan | undefined, ended: unknown) {
    this.path = plan === undefined ? "" : host.scope.toStore(plan.folder);
    this.recursive = plan?.recursive ?? false;
    this.closing = plan === undefined;
    if (plan !== undefined) host.watchers.add(this);
    this.started = import("./watcher.js").then((module) => (this.inner = module.startWatcher(plan, this.closing, ended)));
    this.ready = this.started.then((watcher) => watcher.ready);
    this.ready.catch(() => undefined);
  }

  get closed(): boolean {
    return this.inner?.closed ?? this.closing;
  }

  close(): Promise<void> {
    this.closing = true;
    return this.started.then((watcher) => watcher.close());
  }

  [asyncDispose](): Promise<void> {
    return this.close();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<WatchEvent> {
    yield* await this.started;
  }
}
