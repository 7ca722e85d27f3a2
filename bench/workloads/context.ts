import type { BenchConfig } from "../config.js";
import type { Recorder } from "../report/results.js";
import type { Session, SystemAdapter } from "../systems/system.js";
import type { TreeLayout } from "./tree.js";

/** The tree's paths in one system's dialect, converted before any timing. */
export interface NativeTree {
  readonly leafFolders: string[];
  readonly files: string[];
  readonly smallFolder: string;
  readonly smallFiles: string[];
  readonly missing: string[];
  readonly renameFolder: string;
}

/** Where samples go. */
export interface SampleSink {
  readonly system: SystemAdapter;
  readonly recorder: Recorder;
  /** False during the warm-up pass: run everything, record nothing. */
  readonly record: boolean;
}

/** What a tree workload needs: the system, an open session on it, the tree, the config and the recorder. */
export interface TreeContext extends SampleSink {
  readonly session: Session;
  readonly tree: TreeLayout;
  /** The tree's paths in the system's dialect — only the part written when the write ran out of budget. */
  readonly native: NativeTree;
  readonly config: BenchConfig;
  /** Files actually in the tree (a prefix of `tree.files`); less than all when the write was cut short. */
  readonly written: number;
}

/** Converts a tree's paths to a system's dialect. */
export function nativeTree(system: SystemAdapter, tree: TreeLayout): NativeTree {
  return {
    leafFolders: tree.leafFolders.map(system.path),
    files: tree.files.map(system.path),
    smallFolder: system.path(tree.smallFolder),
    smallFiles: tree.smallFiles.map(system.path),
    missing: tree.missing.map(system.path),
    renameFolder: system.path(tree.renameFolder),
  };
}

/** The part of a native tree holding its first `files` files (the last folder may be partly filled). */
export function partialTree(native: NativeTree, files: number, perFolder: number): NativeTree {
  return {
    ...native,
    files: native.files.slice(0, files),
    missing: native.missing.slice(0, files),
    leafFolders: native.leafFolders.slice(0, Math.ceil(files / perFolder)),
  };
}

/**
 * Records a sample unless this is the warm-up pass. A figure measured on `part` of `whole`
 * items is scaled up linearly and marked as extrapolated.
 */
export function sample(sink: SampleSink, workload: string, value: number, { part = 1, whole = 1, extrapolated = false } = {}): void {
  if (!sink.record) return;
  const scaled = part < whole;
  sink.recorder.add(workload, sink.system.id, scaled ? (value * whole) / part : value, extrapolated || scaled);
}
