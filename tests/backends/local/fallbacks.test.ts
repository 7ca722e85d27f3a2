import { utimes } from "node:fs/promises";
import * as nodePath from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { expectFailure, freshBackend, put, text, tree } from "./helpers.js";

/** Simulated file-system limits: no hard links; every rename of a user file crossing devices (temp files stay on one). */
const limits = vi.hoisted(() => ({ noHardLinks: false, crossDevice: false }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const fail = (code: string) => Promise.reject(Object.assign(new Error(`${code} (simulated)`), { code }));
  return {
    ...real,
    link: (existing: string, created: string) => (limits.noHardLinks ? fail("ENOTSUP") : real.link(existing, created)),
    rename: (from: string, to: string) =>
      limits.crossDevice && !from.includes(".remote-store") ? fail("EXDEV")
        : real.rename(from, to),
  };
});

beforeEach(() => {
  limits.noHardLinks = false;
  limits.crossDevice = false;
});

describe("LocalBackend on limited file systems", () => {
  it("LOC-041 without hard links, exclusive creation still refuses an existing file", async () => {
    const { backend } = await freshBackend();
    limits.noHardLinks = true;
    await put(backend, "a/f.txt", "first");
    await expectFailure(put(backend, "a/f.txt", "second"), "ALREADY_EXISTS", "a/f.txt");
    expect(await text(backend, "a/f.txt")).toBe("first");
    const result = await backend.write("a/g.txt", new TextEncoder().encode("gg"), { overwrite: false, contentType: "text/plain", metadata: undefined });
    expect(result.modifiedAt).toEqual((await backend.getFileInfo("a/g.txt")).modifiedAt);
    expect(await tree(backend)).toEqual({ files: ["a/f.txt", "a/g.txt"], folders: ["a"] });
  });

  it("LOC-080 without hard links, an exclusive move copies with the modification time and removes the source", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "src.txt", "payload", { metadata: { k: "v" } });
    const old = new Date("2019-05-06T07:08:09.000Z");
    await utimes(nodePath.join(root, "src.txt"), old, old);
    limits.noHardLinks = true;
    await put(backend, "taken.txt", "taken");
    await expectFailure(backend.move("src.txt", "taken.txt", { overwrite: false }), "ALREADY_EXISTS", "taken.txt");
    await backend.move("src.txt", "d/dst.txt", { overwrite: false });
    const info = await backend.getFileInfo("d/dst.txt");
    expect([info.modifiedAt.toISOString(), info.metadata]).toEqual([old.toISOString(), { k: "v" }]);
    expect(await tree(backend)).toEqual({ files: ["d/dst.txt", "taken.txt"], folders: ["d"] });
  });

  it("LOC-080 across devices, a move copies with the modification time, commits, then removes the source", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "src.txt", "moved bytes", { contentType: "text/x-moved" });
    await put(backend, "dst.txt", "old");
    const old = new Date("2018-01-01T00:00:00.000Z");
    await utimes(nodePath.join(root, "src.txt"), old, old);
    limits.crossDevice = true;
    await backend.move("src.txt", "dst.txt", { overwrite: true });
    const info = await backend.getFileInfo("dst.txt");
    expect([info.modifiedAt.toISOString(), info.contentType]).toEqual([old.toISOString(), "text/x-moved"]);
    expect(await text(backend, "dst.txt")).toBe("moved bytes");
    expect(await backend.exists("src.txt")).toBe(false);
  });
});
