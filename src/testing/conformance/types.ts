import type { Backend } from "../../contract/backend.js";
import type { Capability, CapabilitySet } from "../../contract/capabilities.js";
import type { Store } from "../../store/store.js";

/** The operation areas of the suite; one source file each (spec CONF-H01). */
export type ConformanceArea =
  | "identity-and-lifecycle"
  | "probes"
  | "paths"
  | "store-root"
  | "read"
  | "range-read"
  | "write"
  | "write-content"
  | "write-atomic"
  | "content-type"
  | "metadata"
  | "timestamps"
  | "delete"
  | "delete-folder"
  | "listing"
  | "listing-order"
  | "glob"
  | "move"
  | "copy"
  | "create-folder"
  | "move-folder"
  | "copy-folder"
  | "multipart"
  | "snapshots"
  | "info"
  | "quota"
  | "close"
  | "concurrency"
  | "containment"
  | "child"
  | "url"
  | "streams"
  | "capability-gating"
  | "promise-discipline"
  | "watch";

/**
 * A property a case needs beyond capabilities:
 * - `persistentFolders`: folders are real and stay when emptied (false for flat namespaces such as S3);
 * - `quota`: the harness was given `createWithQuota`.
 */
export type ConformanceTrait = "persistentFolders" | "quota";

/** Everything a case may use. One context per case, with a fresh backend. */
export interface ConformanceContext {
  /** The store under test: it owns {@link ConformanceContext.backend}; rooted at {@link ConformanceContext.rootPath}. */
  readonly store: Store;
  /** The fresh backend under test. */
  readonly backend: Backend;
  /** The store's root inside the backend: `""` in the backend-root run, `conformance-root/<random>` in the rootPath run. */
  readonly rootPath: string;
  /** The capabilities the cases were chosen by (the harness option, else the backend's own). */
  readonly capabilities: CapabilitySet;
  /** The `capabilities` option, when the harness was given one. */
  readonly expectedCapabilities: CapabilitySet | undefined;
  /** How far a stamped `modifiedAt` may lie outside the clock window of the call, in ms. */
  readonly timestampToleranceMs: number;
  /** The time the backend's clock reads now, in epoch ms: the harness's `clock` when given, else the wall clock. */
  now(): number;
  /**
   * Lets the backend's clock pass `after` plus the tolerance, so the next stamp is distinguishable
   * from it: moves the harness's `clock` forward at once, or waits for the wall clock (spec CONF-H08).
   * Only cases flagged `waitsForClock` may call it.
   */
  letTimePass(after: Date): Promise<void>;
  /** Writes every file of `files` (string content is UTF-8), creating parents, overwriting nothing. */
  seed(files: Readonly<Record<string, string | Uint8Array>>): Promise<void>;
  /** A new store on the same backend with the same root. It owns the backend too: do not close it casually. */
  sibling(): Store;
  /**
   * A store over a fresh backend from `createWithQuota(maxSize)`, rooted like {@link ConformanceContext.store};
   * closed by the harness. Only for cases with the `quota` trait.
   */
  quotaStore(maxSize: number): Promise<Store>;
}

/** One conformance case: data, independent of any test framework. */
export interface ConformanceCase {
  /** Stable clause id, `CONF-nnn` (see spec/conformance.md). */
  readonly id: string;
  /** The operation area (and source file) the case belongs to. */
  readonly area: ConformanceArea;
  /** What the case checks, in one line. */
  readonly title: string;
  /** Capabilities the backend must declare for the case to apply. */
  readonly needs: readonly Capability[];
  /** Further properties the case needs (see {@link ConformanceTrait}). */
  readonly traits?: readonly ConformanceTrait[];
  /** The case closes the backend: the harness skips its after-case containment listing. */
  readonly closesBackend?: boolean;
  /** The case lets the clock pass (`ctx.letTimePass`): without a controlled clock it runs in the concurrent group (CONF-H08). */
  readonly waitsForClock?: boolean;
  /** Runs the case; rejects (with a `ConformanceAssertionError` or any other error) when it fails. */
  run(ctx: ConformanceContext): Promise<void> | void;
}
