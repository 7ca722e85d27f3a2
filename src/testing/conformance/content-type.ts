import { assertEqual, expectError } from "../assert.js";
import { expectAbsent } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "content-type" as const;

/** spec/store.md ST-035: explicit > Blob.type > guessed from the extension > application/octet-stream. */
export const contentTypeCases: readonly ConformanceCase[] = [
  {
    id: "CONF-160",
    area,
    title: "an explicit contentType is reported by the WriteResult and stored",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      const result = await ctx.store.write("a.txt", "x", { contentType: "text/x-custom" });
      assertEqual(result.contentType, "text/x-custom", "WriteResult.contentType");
      assertEqual((await ctx.store.getFileInfo("a.txt")).contentType, "text/x-custom", "FileInfo.contentType");
    },
  },
  {
    id: "CONF-161",
    area,
    title: "without the option a Blob's type is used",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      const result = await ctx.store.write("picture.bin", new Blob(["x"], { type: "image/png" }));
      assertEqual(result.contentType, "image/png", "WriteResult.contentType");
      assertEqual((await ctx.store.getFileInfo("picture.bin")).contentType, "image/png", "FileInfo.contentType");
    },
  },
  {
    id: "CONF-162",
    area,
    title: "the explicit option beats a Blob's type",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.store.write("p.png", new Blob(["x"], { type: "image/png" }), { contentType: "application/x-mine" });
      assertEqual((await ctx.store.getFileInfo("p.png")).contentType, "application/x-mine", "FileInfo.contentType");
    },
  },
  {
    id: "CONF-163",
    area,
    title: "without option or Blob type the content type is guessed from the extension",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      const expected: [string, string][] = [
        ["a.txt", "text/plain"],
        ["x.json", "application/json"],
        ["dir/page.html", "text/html"],
        ["img.png", "image/png"],
      ];
      for (const [path, type] of expected) {
        const result = await ctx.store.write(path, "x");
        assertEqual(result.contentType, type, `WriteResult.contentType of ${JSON.stringify(path)}`);
        assertEqual((await ctx.store.getFileInfo(path)).contentType, type, `FileInfo.contentType of ${JSON.stringify(path)}`);
      }
      await ctx.store.write("blobless.json", new Blob(["{}"]));
      assertEqual((await ctx.store.getFileInfo("blobless.json")).contentType, "application/json", "a Blob without a type falls back to the extension");
    },
  },
  {
    id: "CONF-164",
    area,
    title: "an unknown or missing extension gives application/octet-stream",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      for (const path of ["noext", "dir/file.unknownext42", "dir.txt/inside"]) {
        await ctx.store.write(path, "x");
        assertEqual((await ctx.store.getFileInfo(path)).contentType, "application/octet-stream", `FileInfo.contentType of ${JSON.stringify(path)}`);
      }
    },
  },
  {
    id: "CONF-165",
    area,
    title: "copy keeps the source's content type (not re-guessed from the destination name)",
    needs: ["write", "metadata", "copy"],
    run: async (ctx) => {
      await ctx.store.write("src.txt", "x", { contentType: "text/x-custom" });
      await ctx.store.write("plain.txt", "y");
      await ctx.store.copy("src.txt", "dst.json");
      await ctx.store.copy("plain.txt", "plain.json");
      assertEqual((await ctx.store.getFileInfo("dst.json")).contentType, "text/x-custom", "contentType of the copy");
      assertEqual((await ctx.store.getFileInfo("plain.json")).contentType, "text/plain", "contentType of a copy of a guessed type");
    },
  },
  {
    id: "CONF-166",
    area,
    title: "move keeps the source's content type (not re-guessed from the destination name)",
    needs: ["write", "metadata", "move"],
    run: async (ctx) => {
      await ctx.store.write("src.txt", "x", { contentType: "text/x-custom" });
      await ctx.store.write("plain.txt", "y");
      await ctx.store.move("src.txt", "moved.json");
      await ctx.store.move("plain.txt", "plain.bin");
      assertEqual((await ctx.store.getFileInfo("moved.json")).contentType, "text/x-custom", "contentType after move");
      assertEqual((await ctx.store.getFileInfo("plain.bin")).contentType, "text/plain", "contentType of a moved guessed type");
    },
  },
  {
    id: "CONF-167",
    area,
    title: "an overwrite stores the new write's content type",
    needs: ["write", "metadata"],
    run: async (ctx) => {
      await ctx.store.write("c.txt", "x", { contentType: "text/x-first" });
      await ctx.store.write("c.txt", "y", { overwrite: true });
      assertEqual((await ctx.store.getFileInfo("c.txt")).contentType, "text/plain", "contentType after an overwrite without the option");
      await ctx.store.write("c.txt", "z", { overwrite: true, contentType: "text/x-second" });
      assertEqual((await ctx.store.getFileInfo("c.txt")).contentType, "text/x-second", "contentType after an explicit overwrite");
    },
  },
  {
    id: "CONF-168",
    area,
    title: "listings carry the same content type as getFileInfo",
    needs: ["write", "metadata", "list"],
    run: async (ctx) => {
      await ctx.store.write("l/a.txt", "x", { contentType: "text/x-listed" });
      await ctx.store.write("l/b.json", "{}");
      const sources = [
        ["listFiles", await ctx.store.listFiles("l").toArray()],
        ["recursive listFiles", await ctx.store.listFiles("", { recursive: true }).toArray()],
        ["iterChildren", await ctx.store.iterChildren("l").toArray()],
        ["glob", await ctx.store.glob("l/*").toArray()],
      ] as const;
      for (const [label, items] of sources) {
        for (const item of items) {
          if (item.kind !== "file") continue;
          const info = await ctx.store.getFileInfo(item.path);
          assertEqual(item.contentType, info.contentType, `${label} contentType of ${JSON.stringify(item.path)}`);
        }
        assertEqual(items.length, 2, `${label} item count`);
      }
    },
  },
  {
    id: "CONF-169",
    area,
    title: "writeText and writeAtomic resolve the content type the same way",
    needs: ["write", "atomicWrite", "metadata"],
    run: async (ctx) => {
      await ctx.store.writeText("t.json", "{}");
      await ctx.store.writeText("u.txt", "x", { contentType: "text/x-text" });
      await ctx.store.writeAtomic("v.html", "<p>");
      await ctx.store.writeAtomic("w.bin", new Blob(["x"], { type: "image/gif" }));
      assertEqual((await ctx.store.getFileInfo("t.json")).contentType, "application/json", "writeText guessed");
      assertEqual((await ctx.store.getFileInfo("u.txt")).contentType, "text/x-text", "writeText explicit");
      assertEqual((await ctx.store.getFileInfo("v.html")).contentType, "text/html", "writeAtomic guessed");
      assertEqual((await ctx.store.getFileInfo("w.bin")).contentType, "image/gif", "writeAtomic Blob type");
    },
  },
  {
    id: "CONF-170",
    area,
    title: "a contentType that is not a string is a TypeError, and nothing is written",
    needs: ["write"],
    run: async (ctx) => {
      for (const bad of [42, null, {}]) await expectError(() => ctx.store.write("ct.txt", "x", { contentType: bad as never }), "TypeError");
      await expectAbsent(ctx.store, "ct.txt");
    },
  },
];
