import { describe, expect, it } from "vitest";
import { baseName, lastSlash, parentPath } from "../../src/paths/path-parts.js";

describe("path parts", () => {
  const paths = ["", "a", "a/b", "a/b/c.txt", "dir.json/plain", "x/", "/", "a//b", "é/ü/😀", "😀/a\u{e000}"];

  it("PATH-007 lastSlash finds the last separator as lastIndexOf does", () => {
    for (const path of paths) expect(lastSlash(path), path).toBe(path.lastIndexOf("/"));
  });

  it("PATH-007 baseName and parentPath split a normalised path at its last separator", () => {
    expect(["", "a", "a/b", "a/b/c.txt"].map((p) => [parentPath(p), baseName(p)])).toEqual([
      ["", ""],
      ["", "a"],
      ["a", "b"],
      ["a/b", "c.txt"],
    ]);
  });
});
