/**
 * In-process locks keyed by (backend object, backend path), shared by every key-value view in
 * the process (spec KV-034): operations on one key run one after another; different keys and
 * different backends run freely. Entries disappear when their queue drains.
 */
const queues = new WeakMap<object, Map<string, Promise<void>>>();

/** Runs `operation` when every earlier operation on the same (backend, path) has finished. */
export async function withKeyLock<T>(backend: object, path: string, operation: () => Promise<T>): Promise<T> {
  let table = queues.get(backend);
  if (table === undefined) {
    table = new Map();
    queues.set(backend, table);
  }
  const previous = table.get(path);
  let release: () => void = () => undefined;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous === undefined ? mine : previous.then(() => mine);
  table.set(path, tail);
  try {
    if (previous !== undefined) await previous;
    return await operation();
  } finally {
    release();
    if (table.get(path) === tail) table.delete(path);
  }
}
