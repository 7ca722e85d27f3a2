import { describe, expect, it } from "vitest";
import { Store } from "../../src/index.js";
import { expectCode, expectSyncCode } from "../errors/expect-code.js";
import { ForwardingBackend } from "../store/support/forwarding-backend.js";

const ROOT_SPELLINGS = ["", ".", "/", "./", ".//", "\\", "/./"] as const;

async function populated(): Promise<{ store: Store; backend: ForwardingBackend }> {
  const backend = new ForwardingBackend();
  const store = new Store({ backend, rootPath: "r" });
  await store.write("top.txt", "1");
  await store.write("sub/deep.txt", "22");
  backend.calls.length = 0;
  return { store, backend };
}

describe("root spellings", () => {
  it.each(ROOT_SPELLINGS)("PATH-008 %j is the store root for exists, isFile, isFolder", async (root) => {
    const { store } = await populated();
    expect(await store.exists(root)).toBe(true);
    expect(await store.isFolder(root)).toBe(true);
    expect(await store.isFile(root)).toBe(false);
  });

  it.each(ROOT_SPELLINGS)("PATH-008 %j is the store root for listings and getFolderInfo", async (root) => {
    const { store } = await populated();
    expect((await store.listFiles(root).toArray()).map((f) => f.path)).toEqual(["top.txt"]);
    expect((await store.listFolders(root).toArray()).map((f) => f.path)).toEqual(["sub"]);
    expect((await store.iterChildren(root).toArray()).map((f) => f.path)).toEqual(["sub", "top.txt"]);
    const info = await store.getFolderInfo(root);
    expect(info).toMatchObject({ path: "", fileCount: 2, totalSize: 3 });
  });

  it("PATH-008 listings and getFolderInfo default their path to the root", async () => {
    const { store } = await populated();
    expect((await store.listFiles().toArray()).map((f) => f.path)).toEqual(["top.txt"]);
    expect((await store.listFolders().toArray()).map((f) => f.path)).toEqual(["sub"]);
    expect((await store.iterChildren().toArray()).map((f) => f.path)).toEqual(["sub", "top.txt"]);
    expect(await store.getFolderInfo()).toMatchObject({ path: "", fileCount: 2 });
  });

  // PATH-008: every folder/query method, the probes included, defaults its path to the root.
  it("PATH-008 exists, isFile and isFolder default their path to the root", async () => {
    const { store } = await populated();
    const probe = store as unknown as Record<"exists" | "isFile" | "isFolder", () => Promise<boolean>>;
    expect(await probe.exists()).toBe(true);
    expect(await probe.isFolder()).toBe(true);
    expect(await probe.isFile()).toBe(false);
  });

  it.each(ROOT_SPELLINGS)("PATH-009 %j is InvalidPath (path \"\") for every file operation, before any I/O", async (root) => {
    const { store, backend } = await populated();
    const actions: Array<() => Promise<unknown>> = [
      () => store.read(root),
      () => store.readBytes(root),
      () => store.readText(root),
      () => store.write(root, "x"),
      () => store.writeText(root, "x"),
      () => store.writeAtomic(root, "x"),
      () => store.delete(root),
      () => store.delete(root, { missingOk: true }),
      () => store.deleteFolder(root),
      () => store.deleteFolder(root, { recursive: true, missingOk: true }),
      () => store.getFileInfo(root),
      () => store.move(root, "top2.txt"),
      () => store.move("top.txt", root),
      () => store.copy(root, "top2.txt"),
      () => store.copy("top.txt", root),
      () => store.url(root),
    ];
    for (const action of actions) await expectCode(action, "INVALID_PATH", "");
    expect(backend.calls).toEqual([]);
    expect(await store.readText("top.txt")).toBe("1");
  });

  it.each(ROOT_SPELLINGS)("PATH-014 child(%j) is InvalidPath", async (root) => {
    const { store } = await populated();
    await expectSyncCode(() => store.child(root), "INVALID_PATH", "");
  });
});
