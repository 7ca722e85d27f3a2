/**
 * An `AsyncIterable` over an array computed when iteration starts (see {@link snapshotIterable}).
 * The Store's listings recognise it and serve its array directly, without an async generator's
 * per-item overhead.
 */
export class SnapshotIterable<T> implements AsyncIterable<T> {
  /**
   * @param compute builds the items; called once per iteration, when it starts.
   * @param fresh `compute` returns a new array referenced by nothing else, which a listing may hand out as it is.
   */
  constructor(
    readonly compute: () => readonly T[],
    readonly fresh: boolean,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    yield* this.compute();
  }
}

/**
 * An `AsyncIterable` over an array that is computed when iteration starts: a consistent snapshot
 * listing. Backends return it from their listing methods when they hold the whole listing at once.
 */
export function snapshotIterable<T>(compute: () => readonly T[]): AsyncIterable<T> {
  return new SnapshotIterable(compute, false);
}

/**
 * As {@link snapshotIterable}, for a `compute` that returns a new array each time, referenced by
 * nothing else: a listing may then hand out that array itself instead of a copy.
 */
export function freshSnapshotIterable<T>(compute: () => T[]): AsyncIterable<T> {
  return new SnapshotIterable(compute, true);
}
