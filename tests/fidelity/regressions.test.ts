import { describe, expect, it } from "vitest";
import { findDivergence } from "./differential.js";
import type { Operation } from "./operations.js";

/** A plain write of `text` to `path` (no overwrite, no options). */
function write(path: string, text = ""): Operation {
  return { op: "write", atomic: false, path, body: { text, shape: "string" }, overwrite: false, contentType: undefined, metadata: undefined };
}

/**
 * Shrunk counterexamples of the differential test (spec LOC-101). Each must stay free of
 * divergence; the title says what diverged and which backend was wrong.
 */
describe("memory/local fidelity regressions", () => {
  it('LOC-101 non-recursive listFolders lists names in code point order: "b" before "b-c" (memory listed walk order, "b-c" first)', async () => {
    const sequence: Operation[] = [write("b-c/b-c"), write("b/b/b-c"), { op: "listFolders", path: "", recursive: false, maxDepth: undefined }];
    expect(await findDivergence(sequence, "")).toBeUndefined();
  });

  it('LOC-101 non-recursive listFolders: "b" before "b.txt" also under a rootPath', async () => {
    const sequence: Operation[] = [write("b.txt/x"), write("b/x"), { op: "listFolders", path: ".", recursive: false, maxDepth: 0 }];
    expect(await findDivergence(sequence, "base")).toBeUndefined();
  });
});
