import { MemoryBackend, capabilitySet, type Backend, type Capability, type FileInfo } from "../../src/index.js";
import type { ManualClock } from "../../src/testing/index.js";

/**
 * A MemoryBackend seen through a Proxy whose listed members are replaced (test helper, not a test file).
 * With `clock`, the backend stamps with it (hand the same clock to `runConformance`, TEST-003).
 */
export function wrapMemory(overrides: (inner: MemoryBackend) => Partial<Record<keyof MemoryBackend, unknown>>, options: { clock?: ManualClock } = {}): Backend {
  const inner = new MemoryBackend(options.clock === undefined ? {} : { clock: options.clock.now });
  const replaced: Record<string | symbol, unknown> = overrides(inner);
  return new Proxy(inner, {
    get(target, property) {
      if (Object.prototype.hasOwnProperty.call(replaced, property)) return replaced[property];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** listFiles yields the right entries in reverse order. */
export function reverseListing(): Backend {
  return wrapMemory((inner) => ({
    listFiles: (path: string, options: { maxDepth: number }): AsyncIterable<FileInfo> => ({
      async *[Symbol.asyncIterator]() {
        const all: FileInfo[] = [];
        for await (const file of inner.listFiles(path, options)) all.push(file);
        yield* all.reverse();
      },
    }),
  }));
}

/** delete resolves but removes nothing. */
export function noOpDelete(): Backend {
  return wrapMemory(() => ({ delete: () => Promise.resolve() }));
}

/** Every write also drops a file at the backend root, outside any store root. */
export function leakyWrites(): Backend {
  return wrapMemory((inner) => ({
    write: async (...args: Parameters<MemoryBackend["write"]>) => {
      await inner.write("escaped.txt", new Uint8Array([1]), { overwrite: true, contentType: "application/octet-stream", metadata: undefined });
      return inner.write(...args);
    },
  }));
}

/** Declares every memory capability except `without`. */
export function withoutCapabilities(without: readonly Capability[]): Backend {
  return wrapMemory((inner) => ({ capabilities: capabilitySet([...inner.capabilities].filter((cap) => !without.includes(cap))) }));
}

/** exists never settles. */
export function hangingExists(): Backend {
  return wrapMemory(() => ({ exists: () => new Promise<boolean>(() => undefined) }));
}

/** A backend that already holds a file when created. */
export async function prefilled(): Promise<Backend> {
  const backend = new MemoryBackend();
  await backend.write("left-over.txt", new Uint8Array([1]), { overwrite: false, contentType: "text/plain", metadata: undefined });
  return backend;
}
