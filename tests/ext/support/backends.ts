import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { backendOps } from "../../../src/store/backend-ops/backend-ops.js";
import { afterEach } from "vitest";
import { LocalBackend } from "../../../src/backends/local/index.js";
import { BackendUnavailable, MemoryBackend, Store, type Backend, type ByteRange, type Capability } from "../../../src/index.js";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store on a fresh local temp folder, removed after the test. */
export async function localStore(): Promise<Store> {
  const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-ext-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const store = new Store({ backend: new LocalBackend({ root: nodePath.join(dir, "root") }) });
  cleanups.push(() => store.close());
  return store;
}

/** A store on a fresh memory backend. */
export function memoryStore(options: { clock?: () => Date; name?: string } = {}): Store {
  return new Store({ backend: new MemoryBackend(options) });
}

/** Options of {@link wrapBackend}. */
export interface WrapOptions {
  /** Capabilities to hide from the store. */
  readonly without?: readonly Capability[];
  /** Make every read stream of these paths (backend paths; all when absent) fail after `afterBytes` bytes, and every `readBytes` of them fail. */
  readonly failReads?: { readonly afterBytes: number; readonly paths?: readonly string[]; readonly error?: () => Error };
  /** Re-chunk read streams into pieces of this many bytes. */
  readonly chunkSize?: number;
}

/**
 * A backend that forwards every call to `inner` (so it is not a `MemoryBackend` itself, and
 * extensions take their generic path), optionally hiding capabilities and injecting failures.
 */
export function wrapBackend(inner: Backend, options: WrapOptions = {}): WrappedBackend {
  const hidden = new Set(options.without ?? []);
  const capabilities = new Set([...inner.capabilities].filter((c) => !hidden.has(c)));
  let readBytesCalls = 0;
  let readCalls = 0;
  const counters = { midStreamFailures: 0 };
  const read = async (path: string, range: ByteRange): Promise<ReadableStream<Uint8Array>> => {
    readCalls++;
    const stream = await backendOps(inner).read(path, range);
    const fail = options.failReads;
    const failing = fail !== undefined && (fail.paths === undefined || fail.paths.includes(path));
    return rechunk(stream, options.chunkSize, failing ? fail.afterBytes : undefined, fail?.error, counters);
  };
  return new Proxy(inner, {
    // Not an instance of the wrapped class: extensions must take their generic path.
    getPrototypeOf: () => Object.prototype,
    get(target, property, receiver) {
      if (property === "capabilities") return capabilities;
      if (property === "name") return `wrapped-${target.name}`;
      if (property === "readBytesCalls") return readBytesCalls;
      if (property === "readCalls") return readCalls;
      if (property === "midStreamFailures") return counters.midStreamFailures;
      if (property === "read") return read;
      if (property === "readBytes") {
        return async (path: string, range: ByteRange) => {
          readBytesCalls++;
          const fail = options.failReads;
          if (fail !== undefined && (fail.paths === undefined || fail.paths.includes(path))) {
            throw fail.error?.() ?? new BackendUnavailable("injected read failure");
          }
          return backendOps(inner).readBytes(path, range);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as WrappedBackend;
}

/** A backend made by {@link wrapBackend}, with call counters. */
export type WrappedBackend = Backend & {
  readonly readBytesCalls: number;
  readonly readCalls: number;
  /** Streams that failed after handing out at least one byte. */
  readonly midStreamFailures: number;
};

function rechunk(
  stream: ReadableStream<Uint8Array>,
  size: number | undefined,
  failAfter: number | undefined,
  makeError: (() => Error) | undefined,
  counters: { midStreamFailures: number },
): ReadableStream<Uint8Array> {
  if (size === undefined && failAfter === undefined) return stream;
  const reader = stream.getReader();
  let sent = 0;
  let pending: Uint8Array = new Uint8Array(0);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending.length === 0) {
        const { done, value } = await reader.read();
        if (done) {
          if (failAfter !== undefined) controller.error(makeError?.() ?? new BackendUnavailable("injected failure at end of stream"));
          else controller.close();
          return;
        }
        pending = value;
      }
      let take = Math.min(pending.length, size ?? pending.length);
      if (failAfter !== undefined) take = Math.min(take, failAfter - sent);
      if (take <= 0) {
        if (sent > 0) counters.midStreamFailures++;
        await reader.cancel();
        controller.error(makeError?.() ?? new BackendUnavailable("injected read failure"));
        return;
      }
      controller.enqueue(pending.slice(0, take));
      pending = pending.subarray(take);
      sent += take;
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
