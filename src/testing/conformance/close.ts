import type { Backend } from "../../contract/backend.js";
import { joinPath } from "../../paths/index.js";
import type { Store } from "../../store/store.js";
import { assertEqual, expectError, expectRejection, expectThrowsSync, labelled } from "../assert.js";
import { expectContent } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";
import { backendOps } from "../../store/backend-ops/backend-ops.js";

const area = "close" as const;

const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

/**
 * Every Promise-returning call of a store whose capability the store supports, named for messages.
 * Root probes are included: the Store always asks the backend (spec ST-011), so a closed backend is
 * reported even for the root, which always exists.
 */
function promiseCalls(store: Store): [string, () => Promise<unknown>][] {
  const calls: [string, () => Promise<unknown>][] = [
    ["exists", () => store.exists("a.txt")],
    ["isFile", () => store.isFile("a.txt")],
    ["isFolder", () => store.isFolder("a.txt")],
    ["exists(root)", () => store.exists("")],
    ["isFolder(root)", () => store.isFolder("")],
    ["isFile(root)", () => store.isFile("")],
  ];
  if (store.supports("read")) calls.push(["read", () => store.read("a.txt")], ["readBytes", () => store.readBytes("a.txt")], ["readText", () => store.readText("a.txt")]);
  if (store.supports("write")) calls.push(["write", () => store.write("b.txt", "x")], ["writeText", () => store.writeText("b.txt", "x")]);
  if (store.supports("atomicWrite")) calls.push(["writeAtomic", () => store.writeAtomic("b.txt", "x")]);
  if (store.supports("delete")) calls.push(["delete", () => store.delete("a.txt", { missingOk: true })], ["deleteFolder", () => store.deleteFolder("d", { missingOk: true })]);
  if (store.supports("metadata")) calls.push(["getFileInfo", () => store.getFileInfo("a.txt")], ["getFolderInfo", () => store.getFolderInfo("")]);
  if (store.supports("move")) calls.push(["move", () => store.move("a.txt", "c.txt")]);
  if (store.supports("copy")) calls.push(["copy", () => store.copy("a.txt", "c.txt")]);
  if (store.supports("url")) calls.push(["url", () => store.url("a.txt")]);
  if (store.supports("createFolder")) calls.push(["createFolder", () => store.createFolder("d", { existOk: true })]);
  if (store.supports("moveFolder") || (store.supports("list") && store.supports("move") && store.supports("delete"))) calls.push(["moveFolder", () => store.moveFolder("d", "e")]);
  if (store.supports("copyFolder") || (store.supports("list") && store.supports("copy"))) calls.push(["copyFolder", () => store.copyFolder("d", "e")]);
  if (store.supports("multipart")) calls.push(["startMultipartUpload", () => store.startMultipartUpload("m.bin")], ["listMultipartUploads", () => store.listMultipartUploads()]);
  return calls;
}

async function expectAllUnavailable(store: Store, label: string): Promise<void> {
  for (const [name, call] of promiseCalls(store)) {
    await labelled(`${label} ${name}`, () => expectRejection(call, "BACKEND_UNAVAILABLE"));
  }
}

async function drain(listing: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of listing) {
    // consume
  }
}

function backendPath(ctx: { rootPath: string }, path: string): string {
  return joinPath(ctx.rootPath, path);
}

async function expectBackendClosed(backend: Backend, path: string): Promise<void> {
  const ops = backendOps(backend);
  await expectError(() => backend.kindOf(path), "BACKEND_UNAVAILABLE");
  await expectError(() => ops.exists(path), "BACKEND_UNAVAILABLE");
  await expectError(() => ops.isFile(path), "BACKEND_UNAVAILABLE");
  await expectError(() => ops.isFolder(""), "BACKEND_UNAVAILABLE");
}

/** spec/store.md ST-002, ST-003 and BE-009: `close()` is idempotent, then BackendUnavailable; children do not own the backend. */
export const closeCases: readonly ConformanceCase[] = [
  {
    id: "CONF-385",
    area,
    title: "store.close() resolves to undefined and is idempotent (also when called concurrently)",
    needs: [],
    closesBackend: true,
    run: async (ctx) => {
      assertEqual(await ctx.store.close(), undefined, "first close");
      assertEqual(await ctx.store.close(), undefined, "second close");
      await Promise.all([ctx.store.close(), ctx.store.close()]);
    },
  },
  {
    id: "CONF-386",
    area,
    title: "after close every Promise method rejects with BackendUnavailable",
    needs: [],
    closesBackend: true,
    run: async (ctx) => {
      if (ctx.store.supports("write")) await ctx.store.write("a.txt", "a");
      await ctx.store.close();
      await expectAllUnavailable(ctx.store, "after close:");
    },
  },
  {
    id: "CONF-387",
    area,
    title: "after close the listing methods throw BackendUnavailable synchronously",
    needs: ["list"],
    closesBackend: true,
    run: async (ctx) => {
      await ctx.store.close();
      expectThrowsSync(() => ctx.store.listFiles(""), "BACKEND_UNAVAILABLE");
      expectThrowsSync(() => ctx.store.listFolders("", { recursive: true }), "BACKEND_UNAVAILABLE");
      expectThrowsSync(() => ctx.store.iterChildren(""), "BACKEND_UNAVAILABLE");
      expectThrowsSync(() => ctx.store.glob("**"), "BACKEND_UNAVAILABLE");
    },
  },
  {
    id: "CONF-388",
    area,
    title: "closing a user-built store closes its backend: the backend and other stores over it are unavailable",
    needs: [],
    closesBackend: true,
    run: async (ctx) => {
      const other = ctx.sibling();
      await ctx.store.close();
      await expectBackendClosed(ctx.backend, backendPath(ctx, "a.txt"));
      await expectAllUnavailable(other, "another store over the closed backend:");
    },
  },
  {
    id: "CONF-389",
    area,
    title: "backend.close() is idempotent; afterwards its methods reject with BackendUnavailable",
    needs: [],
    closesBackend: true,
    run: async (ctx) => {
      assertEqual(await ctx.backend.close(), undefined, "backend.close()");
      assertEqual(await ctx.backend.close(), undefined, "second backend.close()");
      await expectBackendClosed(ctx.backend, backendPath(ctx, "a.txt"));
      const caps = ctx.backend.capabilities;
      const ops = backendOps(ctx.backend);
      if (caps.has("read")) await expectError(() => ops.readBytes(backendPath(ctx, "a.txt"), { offset: 0, length: undefined }), "BACKEND_UNAVAILABLE");
      if (caps.has("write")) {
        await expectError(
          () => ops.write(backendPath(ctx, "b.txt"), new Uint8Array([1]), { overwrite: false, contentType: "application/octet-stream", metadata: undefined }),
          "BACKEND_UNAVAILABLE",
        );
      }
      if (caps.has("list")) await expectError(() => drain(ops.listFiles(ctx.rootPath, { maxDepth: Number.POSITIVE_INFINITY })), "BACKEND_UNAVAILABLE");
      if (caps.has("metadata")) await expectError(() => ops.getFolderInfo(ctx.rootPath), "BACKEND_UNAVAILABLE");
      await expectAllUnavailable(ctx.store, "a store over a closed backend:");
    },
  },
  {
    id: "CONF-390",
    area,
    title: "closing a child store does not close the backend; the child is closed, the parent keeps working",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.store.write("sub/a.txt", "a");
      const child = ctx.store.child("sub");
      await child.close();
      await child.close();
      await expectRejection(() => child.readBytes("a.txt"), "BACKEND_UNAVAILABLE");
      await expectContent(ctx.store, "sub/a.txt", "a");
      await ctx.store.write("sub/b.txt", "b");
      await expectContent(ctx.store.child("sub"), "b.txt", "b");
      assertEqual(await backendOps(ctx.backend).exists(backendPath(ctx, "sub/a.txt")), true, "backend.exists after closing the child");
    },
  },
  {
    id: "CONF-391",
    area,
    title: "[Symbol.asyncDispose] closes an owned store (and its backend)",
    needs: [],
    closesBackend: true,
    run: async (ctx) => {
      await ctx.store[asyncDispose]();
      await expectRejection(() => ctx.store.exists("a.txt"), "BACKEND_UNAVAILABLE");
      await expectBackendClosed(ctx.backend, backendPath(ctx, "a.txt"));
    },
  },
];
