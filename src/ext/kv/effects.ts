/**
 * The storage effects a key-value operation needs. Each operation is written once as a
 * generator that yields effects (spec KV header); a synchronous driver performs them on a
 * `SyncStore`, an asynchronous one on a `Store`, so both views behave the same by construction.
 */
export type Effect =
  /** The file's text, or `undefined` when it is missing, below a file, or a folder. */
  | { readonly op: "read"; readonly path: string }
  /** Writes (overwrites) a file. */
  | { readonly op: "write"; readonly path: string; readonly text: string }
  /** Deletes a file (missing is fine). */
  | { readonly op: "remove"; readonly path: string }
  /** Deletes a folder if it is empty; answers whether it did. */
  | { readonly op: "removeFolder"; readonly path: string }
  /** Deletes every empty folder at or below `path`, deepest first. */
  | { readonly op: "pruneTree"; readonly path: string }
  /** True when `path` is a folder. */
  | { readonly op: "isFolder"; readonly path: string }
  /** Paths of every file at any depth below `path` (`""`: all), in code point order. */
  | { readonly op: "list"; readonly path: string }
  /** Deletes every entry below the root. */
  | { readonly op: "clear" };

/** A key-value operation: yields effects, receives their results, returns `T`. */
export type Step<T> = Generator<Effect, T, unknown>;

/** Performs one effect synchronously. */
export type SyncPerformer = (effect: Effect) => unknown;

/** Performs one effect asynchronously. */
export type AsyncPerformer = (effect: Effect) => Promise<unknown>;

/** Runs an operation to its end, performing every effect synchronously. */
export function runSync<T>(step: Step<T>, perform: SyncPerformer): T {
  let next = step.next();
  while (next.done !== true) {
    let result: unknown;
    try {
      result = perform(next.value);
    } catch (error) {
      next = step.throw(error);
      continue;
    }
    next = step.next(result);
  }
  return next.value;
}

/** Runs an operation to its end, awaiting every effect. */
export async function runAsync<T>(step: Step<T>, perform: AsyncPerformer): Promise<T> {
  let next = step.next();
  while (next.done !== true) {
    let result: unknown;
    try {
      result = await perform(next.value);
    } catch (error) {
      next = step.throw(error);
      continue;
    }
    next = step.next(result);
  }
  return next.value;
}

/** Reads a file's text. */
export function* readText(path: string): Step<string | undefined> {
  return (yield { op: "read", path }) as string | undefined;
}

/** Writes a file. */
export function* writeText(path: string, text: string): Step<void> {
  yield { op: "write", path, text };
}

/** Deletes a file. */
export function* removeFile(path: string): Step<void> {
  yield { op: "remove", path };
}

/** Deletes a folder when empty; true when it did. */
export function* removeFolder(path: string): Step<boolean> {
  return (yield { op: "removeFolder", path }) === true;
}

/** Deletes every empty folder at or below `path`. */
export function* pruneTree(path: string): Step<void> {
  yield { op: "pruneTree", path };
}

/** True when `path` is a folder. */
export function* isFolder(path: string): Step<boolean> {
  return (yield { op: "isFolder", path }) === true;
}

/** Every file path below `path`. */
export function* listFiles(path: string): Step<string[]> {
  return (yield { op: "list", path }) as string[];
}

/** Deletes everything. */
export function* clearAll(): Step<void> {
  yield { op: "clear" };
}
