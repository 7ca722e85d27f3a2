/**
 * Runs `work` for every item with at most `limit` calls in flight, and resolves to the results in
 * input order (spec ARCH-001: the library's one concurrency pool). After the first failure no new
 * item starts; the calls already running are awaited, then that first error is thrown, so no call
 * is left running behind the caller's back. Work that wants to go on after a failure catches it.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure !== undefined) throw failure.error;
  return results;
}
