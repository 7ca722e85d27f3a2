import { describe, expect, it } from "vitest";
import { LocalBackend } from "../../src/backends/local/index.js";
import type { FileInfo } from "../../src/index.js";
import { findDivergence } from "./differential.js";
import type { Operation } from "./operations.js";
import { storePair } from "./stores.js";

/** A local backend that forgets user metadata in getFileInfo: a planted divergence. */
class ForgetfulLocal extends LocalBackend {
  override async getFileInfo(path: string): Promise<FileInfo> {
    const { metadata: _dropped, ...rest } = await super.getFileInfo(path);
    return rest;
  }
}

const withMetadata: Operation[] = [
  { op: "write", atomic: true, path: "a/b.txt", body: { text: "hi", shape: "chunks" }, overwrite: false, contentType: undefined, metadata: { k: "v" } },
  { op: "getFileInfo", path: "a/b.txt" },
];

describe("the differential harness", () => {
  it("LOC-100 reports a planted divergence with the operation and both outcomes", async () => {
    const divergence = await findDivergence(withMetadata, "", (rootPath) => storePair(rootPath, (root) => new ForgetfulLocal({ root })));
    expect(divergence).toMatchObject({ at: 1, operation: { op: "getFileInfo" } });
    expect(JSON.stringify(divergence?.memory)).toContain('"metadata":{"k":"v"}');
    expect(JSON.stringify(divergence?.local)).not.toContain("metadata");
  });

  it("LOC-100 finds no divergence for the same sequence on the real backends", async () => {
    expect(await findDivergence(withMetadata, "base")).toBeUndefined();
  });

  it("LOC-100 finds no divergence for a sequence of every folder operation, successes and refusals", async () => {
    const write = (path: string, text: string, metadata?: Record<string, string>): Operation => ({
      op: "write", atomic: false, path, body: { text, shape: "string" }, overwrite: false, contentType: undefined, metadata,
    });
    const sequence: Operation[] = [
      write("s/a.txt", "a", { k: "v" }),
      write("s/sub/b.md", "b"),
      { op: "createFolder", path: "s/empty", existOk: false },
      { op: "createFolder", path: "s/empty", existOk: false },
      { op: "createFolder", path: "s/a.txt", existOk: true },
      { op: "createFolder", path: "s/a.txt/x", existOk: true },
      { op: "copyFolder", src: "s", dst: "c", overwrite: false },
      { op: "copyFolder", src: "s", dst: "c", overwrite: false },
      { op: "copyFolder", src: "s", dst: "s/sub/in", overwrite: true },
      { op: "moveFolder", src: "c/sub", dst: "c", overwrite: true },
      { op: "moveFolder", src: "missing", dst: "s/a.txt", overwrite: true },
      { op: "moveFolder", src: "s/a.txt", dst: "n", overwrite: false },
      { op: "moveFolder", src: "s", dst: "s/a.txt/n", overwrite: false },
      { op: "moveFolder", src: "s", dst: "m/deep", overwrite: false },
      { op: "copyFolder", src: "c", dst: "m/deep", overwrite: true },
      { op: "moveFolder", src: "", dst: "x", overwrite: false },
      { op: "listFiles", path: "", recursive: true, maxDepth: undefined },
      { op: "listFolders", path: "", recursive: true, maxDepth: undefined },
      { op: "getFolderInfo", path: "m" },
    ];
    for (const rootPath of ["", "base/deep"]) expect(await findDivergence(sequence, rootPath)).toBeUndefined();
  });
});
