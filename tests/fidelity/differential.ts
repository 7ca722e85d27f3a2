import type { Operation } from "./operations.js";
import { apply, dumpTree } from "./apply.js";
import { storePair, type StorePair } from "./stores.js";

/** The first place where the two stores disagreed, or `undefined` when they agree throughout. */
export interface Divergence {
  /** Index of the operation, or `"final tree"`. */
  readonly at: number | "final tree";
  readonly operation: Operation | undefined;
  readonly memory: unknown;
  readonly local: unknown;
}

/**
 * Runs `operations` on a memory store and on a local store (same `rootPath`), comparing every
 * outcome and then the final trees (spec LOC-100).
 */
export async function findDivergence(
  operations: readonly Operation[],
  rootPath: string,
  makePair: (rootPath: string) => Promise<StorePair> = storePair,
): Promise<Divergence | undefined> {
  const pair = await makePair(rootPath);
  try {
    for (const [index, operation] of operations.entries()) {
      const memory = await apply(pair.memory, operation);
      const local = await apply(pair.local, operation);
      if (!same(memory, local)) return { at: index, operation, memory, local };
    }
    const memoryTree = await dumpTree(pair.memory);
    const localTree = await dumpTree(pair.local);
    if (!same(memoryTree, localTree)) return { at: "final tree", operation: undefined, memory: memoryTree, local: localTree };
    return undefined;
  } finally {
    await pair.dispose();
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
