import * as nodePath from "node:path";
import { realpath } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { bytes, collect, expectFailure, freshBackend, put, writeOptions } from "./helpers.js";

describe("LocalBackend url and close", () => {
  it("LOC-090 url is the file:// URL of the real location; the file need not exist", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "a b/c#d.txt");
    const real = await realpath(root);
    expect(await backend.url("a b/c#d.txt")).toBe(pathToFileURL(nodePath.join(real, "a b", "c#d.txt")).href);
    expect(await backend.url("not/there.txt")).toBe(pathToFileURL(nodePath.join(real, "not", "there.txt")).href);
    await expectFailure(backend.url(""), "INVALID_PATH", "");
  });

  it("LOC-091 BE-009 close is idempotent; afterwards every method rejects with BackendUnavailable", async () => {
    const { backend } = await freshBackend();
    await put(backend, "a.txt");
    await backend.close();
    await backend.close();
    const all = { offset: 0, length: undefined };
    const calls: [string, () => Promise<unknown>][] = [
      ["a.txt", () => backend.exists("a.txt")],
      ["a.txt", () => backend.isFile("a.txt")],
      ["", () => backend.isFolder("")],
      ["a.txt", () => backend.read("a.txt", all)],
      ["a.txt", () => backend.readBytes("a.txt", all)],
      ["b.txt", () => backend.write("b.txt", bytes("x"), writeOptions())],
      ["b.txt", () => backend.writeAtomic("b.txt", bytes("x"), writeOptions())],
      ["a.txt", () => backend.delete("a.txt", { missingOk: true })],
      ["d", () => backend.deleteFolder("d", { recursive: true, missingOk: true })],
      ["", () => collect(backend.listFiles("", { maxDepth: 0 }))],
      ["", () => collect(backend.listFolders("", { maxDepth: 0 }))],
      ["", () => collect(backend.iterChildren(""))],
      ["a.txt", () => backend.getFileInfo("a.txt")],
      ["", () => backend.getFolderInfo("")],
      ["a.txt", () => backend.move("a.txt", "c.txt", { overwrite: true })],
      ["a.txt", () => backend.copy("a.txt", "c.txt", { overwrite: true })],
      ["a.txt", () => backend.url("a.txt")],
    ];
    for (const [path, call] of calls) await expectFailure(call(), "BACKEND_UNAVAILABLE", path);
  });
});
