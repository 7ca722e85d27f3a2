/**
 * BR-025: snapshots travel as files in a browser — exportTree → JSON → Blob (a download) and
 * File (an upload) → importTree — keeping text and binary bytes, empty folders, content types,
 * metadata and modification times.
 */
import { describe, expect, it } from "vitest";
import { exportTree, importTree, MemoryBackend, Store } from "../src/index.js";

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);

function clockedStore(): Store {
  let tick = T0;
  return new Store({ backend: new MemoryBackend({ clock: () => new Date((tick += 1000)) }) });
}

describe("snapshots as browser files", () => {
  it("BR-025 SNAP-001 SNAP-002 a snapshot survives a Blob download and a File upload byte for byte", async () => {
    await using source = clockedStore();
    await source.writeText("docs/readme.md", "# héllo\n", { metadata: { author: "ada" } });
    await source.write("img/pixel.bin", new Uint8Array([0, 255, 128, 10, 13]), { contentType: "application/x-pixel" });
    await source.createFolder("empty/inner");
    const snapshot = await exportTree(source);

    const download = new Blob([JSON.stringify(snapshot, null, 2)], { type: "application/json" });
    const upload = new File([await download.arrayBuffer()], "snapshot.json", { type: download.type });
    const parsed: unknown = JSON.parse(await upload.text());

    await using target = new Store({ backend: new MemoryBackend() });
    await importTree(target, parsed);
    expect(await exportTree(target)).toEqual(snapshot);
    expect([...(await target.readBytes("img/pixel.bin"))]).toEqual([0, 255, 128, 10, 13]);
    expect(await target.isFolder("empty/inner")).toBe(true);
    expect((await target.getFileInfo("docs/readme.md")).metadata).toEqual({ author: "ada" });
  });

  it("BR-025 SNAP-001 binary content is base64 and text content is text in the JSON", async () => {
    await using store = clockedStore();
    await store.writeText("a.txt", "plain");
    await store.write("b.bin", new Uint8Array([0xc3, 0x28]));
    const entries = (await exportTree(store)).entries;
    expect(entries).toEqual([
      { kind: "file", path: "a.txt", text: "plain", contentType: "text/plain", modifiedAt: new Date(T0 + 1000).toISOString() },
      { kind: "file", path: "b.bin", base64: "wyg=", contentType: "application/octet-stream", modifiedAt: new Date(T0 + 2000).toISOString() },
    ]);
  });

  it("BR-025 SNAP-011 an uploaded file that is not a snapshot changes nothing", async () => {
    await using store = new Store({ backend: new MemoryBackend() });
    await store.writeText("keep.txt", "kept");
    const bogus: unknown = JSON.parse(await new File(['{"format":"zip","version":1,"entries":[]}'], "x.json").text());
    await expect(importTree(store, bogus)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    expect((await exportTree(store)).entries.map((entry) => entry.path)).toEqual(["keep.txt"]);
  });
});
