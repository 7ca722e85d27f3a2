import type { Backend, EntryKind } from "../contract/backend.js";
import { capabilitySet, type CapabilitySet } from "../contract/capabilities.js";
import { backendOps } from "../store/backend-ops/backend-ops.js";

/** How a {@link DeferredBackend} checks and reports the backend it waits for. */
export interface DeferredBackendOptions {
  /** The name shown until the backend arrives (the type name). */
  readonly name: string;
  /** The capabilities declared at registration, if any; the real backend must have at least these. */
  readonly capabilities: CapabilitySet | undefined;
  /** Checks the arrived value (throws when it is not a usable Backend). */
  readonly check: (value: unknown) => Backend;
  /** Maps a creation failure to the error every call rejects with. */
  readonly mapFailure: (error: unknown) => unknown;
  /** Told once when creation fails. */
  readonly onFailure: () => void;
}

const NOTHING_YET = capabilitySet([]);

/**
 * A stand-in for a backend whose factory returned a Promise (spec REG-070/071, BE-021). A Store
 * on it calls {@link DeferredBackend.ready} before its first operation and then works with the
 * backend that arrived, so its capability checks use the real declaration. Until then
 * `capabilities` are the type's declared ones (or none); afterwards, the arrived backend's.
 */
export class DeferredBackend implements Backend {
  private readonly arrival: Promise<Backend>;
  private readonly fallbackName: string;
  private readonly declared: CapabilitySet | undefined;
  private actual: Backend | undefined;

  constructor(pending: PromiseLike<unknown>, options: DeferredBackendOptions) {
    this.declared = options.capabilities;
    this.fallbackName = options.name;
    this.arrival = Promise.resolve(pending).then(
      (value) => {
        let backend: Backend;
        try {
          backend = options.check(value);
        } catch (error) {
          void closeQuietly(value);
          throw error;
        }
        this.actual = backend;
        return backend;
      },
      (error: unknown) => {
        throw options.mapFailure(error);
      },
    );
    this.arrival.catch(() => options.onFailure());
  }

  /** The real backend's name once it has arrived; the type name before. */
  get name(): string {
    return this.actual?.name ?? this.fallbackName;
  }

  /** The arrived backend's capabilities; before that, the type's declared ones, or none. */
  get capabilities(): CapabilitySet {
    return this.actual?.capabilities ?? this.declared ?? NOTHING_YET;
  }

  /** The backend that serves the calls, once created (rejects when its creation failed). */
  ready(): Promise<Backend> {
    return this.arrival;
  }

  async kindOf(path: string): Promise<EntryKind | undefined> {
    return backendOps(await this.arrival).kindOf(path);
  }

  /** Waits for a pending creation and closes what it produced; a failed creation closes nothing. */
  async close(): Promise<void> {
    let backend: Backend;
    try {
      backend = await this.arrival;
    } catch {
      return;
    }
    await backend.close();
  }

  /** `DeferredBackend(name)`. */
  toString(): string {
    return `DeferredBackend(${this.name}${this.actual === undefined ? ", pending" : ""})`;
  }
}

async function closeQuietly(value: unknown): Promise<void> {
  try {
    const close = (value as { close?: unknown } | null)?.close;
    if (typeof close === "function") await (close as () => unknown).call(value);
  } catch {
    // The value was refused; a failure to close it is not worth reporting over the refusal.
  }
}
