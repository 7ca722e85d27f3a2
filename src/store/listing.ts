import { SnapshotIterable } from "../shared/listing/snapshot-iterable.js";
import { rejection } from "./rejection.js";

/**
 * The result of a listing method: an `AsyncIterable` that can also be collected with
 * `toArray()`. Each iteration runs the listing anew.
 */
export class Listing<T> implements AsyncIterable<T> {
  private readonly source: () => AsyncIterable<T>;

  /** @param source starts one pass of the listing. */
  constructor(source: () => AsyncIterable<T>) {
    this.source = source;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.source()[Symbol.asyncIterator]();
  }

  /** `util.inspect` (console.log, the Node REPL) says how to get the items. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "Listing (async iterable: use toArray() or for await)";
  }

  /** Collects every item into an array (a snapshot listing in one pass, without a promise per item). */
  toArray(): Promise<T[]> {
    let iterator: AsyncIterator<T>;
    try {
      iterator = this[Symbol.asyncIterator]();
    } catch (error) {
      return rejection(error);
    }
    if (iterator instanceof ConvertingIterator) return (iterator as ConvertingIterator<unknown, T>).drain();
    return collect(iterator);
  }
}

async function collect<T>(iterator: AsyncIterator<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of { [Symbol.asyncIterator]: () => iterator }) items.push(item);
  return items;
}

/**
 * A `Listing` over the iterable `start()` returns, with each item passed through `convert`
 * and each error through `relocate`. It behaves as `for await (x of start()) yield convert(x)`
 * inside a `try`/`catch` that rethrows `relocate(error)`, without an async generator's cost:
 * a snapshot listing is served from its array, one resolved promise per item.
 */
export function convertedListing<T, R>(start: () => AsyncIterable<T>, convert: (item: T) => R, relocate: (error: unknown) => unknown): Listing<R> {
  return new ConvertedListing(start, convert, relocate);
}

function noSource(): never {
  throw new Error("internal: a converted listing has no source of its own");
}

/** The `Listing` of {@link convertedListing}: each pass is a new {@link ConvertingIterator}, with no per-listing closures. */
class ConvertedListing<T, R> extends Listing<R> {
  constructor(
    private readonly start: () => AsyncIterable<T>,
    private readonly convert: (item: T) => R,
    private readonly relocate: (error: unknown) => unknown,
  ) {
    super(noSource);
  }

  override [Symbol.asyncIterator](): AsyncIterator<R> {
    return new ConvertingIterator(this.start, this.convert, this.relocate);
  }
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** One pass over `start()`: started on the first `next()`, done after the end, an error or `return()`. */
class ConvertingIterator<T, R> implements AsyncIterator<R> {
  private state: "new" | "open" | "done" = "new";
  /** The items of a snapshot source. */
  private items: readonly T[] | undefined;
  /** `items` is a fresh array that only this iterator references. */
  private owned = false;
  private index = 0;
  /** The iterator of any other source. */
  private inner: AsyncIterator<T> | undefined;

  constructor(
    private readonly start: () => AsyncIterable<T>,
    private readonly convert: (item: T) => R,
    private readonly relocate: (error: unknown) => unknown,
  ) {}

  next(): Promise<IteratorResult<R>> {
    try {
      if (this.state === "done") return Promise.resolve(DONE);
      if (this.state === "new") this.open();
      const items = this.items;
      if (items === undefined) {
        return (this.inner as AsyncIterator<T>).next().then(
          (result) => this.converted(result),
          (error: unknown) => this.fail(error),
        );
      }
      if (this.index >= items.length) return Promise.resolve(this.finish());
      return Promise.resolve({ done: false, value: this.convert(items[this.index++] as T) });
    } catch (error) {
      return this.fail(error);
    }
  }

  /** Every remaining item, as if `next()` were called until done; a snapshot is converted in one pass. */
  drain(): Promise<R[]> {
    if (this.state === "new") {
      try {
        this.open();
      } catch (error) {
        return this.fail(error);
      }
    }
    const items = this.items;
    if (items === undefined) return this.drainInner();
    let converted: R[] | undefined;
    try {
      converted = convertAll(items, this.index, this.convert, this.owned);
    } catch (error) {
      return this.fail(error);
    }
    this.finish();
    return Promise.resolve(converted);
  }

  return(): Promise<IteratorResult<R>> {
    const inner = this.inner;
    this.finish();
    if (inner?.return === undefined) return Promise.resolve(DONE);
    return inner.return().then(
      () => DONE,
      (error: unknown) => this.fail(error),
    );
  }

  private async drainInner(): Promise<R[]> {
    const out: R[] = [];
    for (let result = await this.next(); result.done !== true; result = await this.next()) out.push(result.value);
    return out;
  }

  private open(): void {
    this.state = "open";
    const source = this.start();
    if (source instanceof SnapshotIterable) {
      const snapshot = source as SnapshotIterable<T>;
      this.items = snapshot.compute();
      this.owned = snapshot.fresh;
    } else {
      this.inner = source[Symbol.asyncIterator]();
    }
  }

  private converted(result: IteratorResult<T>): IteratorResult<R> | Promise<never> {
    if (result.done === true) return this.finish();
    try {
      return { done: false, value: this.convert(result.value) };
    } catch (error) {
      // As when a loop body throws: the source is closed before the error surfaces.
      const close = this.inner?.return?.();
      return close === undefined ? this.fail(error) : close.then(() => this.fail(error), () => this.fail(error));
    }
  }

  private finish(): IteratorReturnResult<undefined> {
    this.state = "done";
    this.items = undefined;
    this.inner = undefined;
    return DONE;
  }

  private fail(error: unknown): Promise<never> {
    this.finish();
    return rejection(this.relocate(error));
  }
}

/**
 * `items.slice(from).map(convert)`, but a run of items that `convert` returns unchanged is
 * copied in bulk rather than pushed one by one (fresh results pass through unconverted), and
 * an `owned` array is converted in place and returned itself.
 */
function convertAll<T, R>(items: readonly T[], from: number, convert: (item: T) => R, owned: boolean): R[] {
  if (owned && from === 0) {
    const out = items as unknown as (T | R)[];
    for (let i = 0; i < out.length; i++) out[i] = convert(out[i] as T);
    return out as R[];
  }
  for (let i = from; i < items.length; i++) {
    const item = items[i] as T;
    const value = convert(item);
    if (value === (item as unknown)) continue;
    const out = items.slice(from, i) as unknown as R[];
    out.push(value);
    for (let j = i + 1; j < items.length; j++) out.push(convert(items[j] as T));
    return out;
  }
  return items.slice(from) as unknown as R[];
}
