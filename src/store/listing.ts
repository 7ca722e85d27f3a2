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

  /** Collects every item into an array. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}

/**
 * An `AsyncIterable` over an array that is computed when iteration starts, without an
 * async generator's per-item overhead. Backends use it for snapshot listings.
 */
export function snapshotIterable<T>(compute: () => readonly T[]): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      let items: readonly T[] | undefined;
      let index = 0;
      return {
        next(): Promise<IteratorResult<T>> {
          try {
            items ??= compute();
          } catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
          }
          if (index < items.length) return Promise.resolve({ done: false, value: items[index++] as T });
          return Promise.resolve({ done: true, value: undefined });
        },
        return(): Promise<IteratorResult<T>> {
          index = Number.POSITIVE_INFINITY;
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}
