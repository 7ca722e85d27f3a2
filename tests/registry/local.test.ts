import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { registerNodeSupport } from "../../src/node/register.js";
import { openStore, Registry, registeredBackendTypes } from "../../src/index.js";
import { configErrorOfSync, locations } from "./config-errors.js";
import { tempDirPerTest } from "./temp-dir.js";

registerNodeSupport();

const tmp = tempDirPerTest();

describe("the local type (Node)", () => {
  it("REG-026 local is registered by the Node support, once", () => {
    registerNodeSupport();
    expect(registeredBackendTypes()).toContain("local");
  });

  it("REG-026 a local backend writes real files under root", async () => {
    const root = join(tmp.dir, "data");
    const registry = new Registry({ backends: { disk: { type: "local", options: { root } } }, stores: { reports: { backend: "disk", rootPath: "reports" } } });
    await registry.getStore("reports").writeText("q1.txt", "numbers");
    expect(await readFile(join(root, "reports", "q1.txt"), "utf8")).toBe("numbers");
    await registry.close();
  });

  it("REG-026 local options are validated", () => {
    const error = configErrorOfSync(
      () => new Registry({ backends: { a: { type: "local" }, b: { type: "local", options: { root: "" } }, c: { type: "local", options: { root: "x", rooot: 1 } } } }),
    );
    expect(locations(error)).toEqual(["backends.a.options.root", "backends.b.options.root", "backends.c.options.rooot"]);
  });

  it("REG-044 file:///abs/dir is a local backend rooted there", async () => {
    const root = join(tmp.dir, "abs dir");
    const url = pathToFileURL(root).href;
    expect(url).toContain("%20");
    const registry = new Registry({ backends: { disk: url }, stores: { s: { backend: "disk", rootPath: "sub" } } });
    expect(registry.toJSON().backends.disk!.options).toEqual({ root });
    await registry.getStore("s").writeText("f.txt", "x");
    expect(await readFile(join(root, "sub", "f.txt"), "utf8")).toBe("x");
    await registry.close();
  });

  it("REG-044 file:./relative and file:relative resolve against the working directory", () => {
    const registry = new Registry({ backends: { a: "file:./data/x", b: "file:data/y", c: "file:/abs/z" } });
    expect(registry.toJSON().backends.a!.options).toEqual({ root: "./data/x" });
    expect(registry.toJSON().backends.b!.options).toEqual({ root: "data/y" });
    expect(registry.toJSON().backends.c!.options).toEqual({ root: "/abs/z" });
  });

  it("REG-044 malformed file URLs are issues", () => {
    const error = configErrorOfSync(
      () => new Registry({ backends: { a: "file://server/share", b: "file:", c: "file:///x?root=/y", d: "file:///x#top" } }),
    );
    expect(locations(error)).toEqual(["backends.a", "backends.b", "backends.c", "backends.d"]);
  });

  it("REG-045 openStore(file URL) owns a local backend; the root is created on use", async () => {
    const root = join(tmp.dir, "opened");
    const store = openStore(pathToFileURL(root).href);
    expect(store.rootPath).toBe("");
    await store.writeText("a/b.txt", "hi");
    expect((await stat(join(root, "a", "b.txt"))).isFile()).toBe(true);
    expect(await store.url("a/b.txt")).toBe(pathToFileURL(resolve(root, "a/b.txt")).href);
    await store.close();
    await expect(store.backend.kindOf("")).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });

  it("REG-030 a YAML file can mix memory and local backends", async () => {
    const root = join(tmp.dir, "disk");
    const path = await tmp.file(
      "stores.yaml",
      `backends:\n  mem: { type: memory }\n  disk: { type: local, options: { root: "${root}" } }\nstores:\n  cache: { backend: mem }\n  reports: { backend: disk, rootPath: reports }\n`,
    );
    const registry = await Registry.fromFile(path);
    await registry.getStore("reports").writeText("r.txt", "1");
    expect(await readFile(join(root, "reports", "r.txt"), "utf8")).toBe("1");
    await registry.close();
  });
});
