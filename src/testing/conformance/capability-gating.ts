import type { Capability } from "../../contract/capabilities.js";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import { Store } from "../../store/store.js";
import { assert, assertDeepEqual, assertEqual, expectError, expectRejection, expectThrowsSync, show } from "../assert.js";
import { expectAbsent, expectContent } from "./support/checks.js";
import { restrictBackend } from "./support/gated-backend.js";
import type { ConformanceCase, ConformanceContext } from "./types.js";

const area = "capability-gating" as const;

/** A store over the backend minus `without`, rooted like the store under test, and its call log. */
function restricted(ctx: ConformanceContext, without: readonly Capability[]): { store: Store; calls: string[] } {
  const { backend, calls } = restrictBackend(ctx.backend, without);
  return { store: new Store({ backend, rootPath: ctx.rootPath }), calls };
}

async function expectGated(call: () => unknown, capability: Capability, calls: string[], label: string): Promise<void> {
  const error = await expectRejection(call, "CAPABILITY_NOT_SUPPORTED");
  assert(isRemoteStoreError(error) && (error as { capability?: unknown }).capability === capability, `${label}: expected capability ${JSON.stringify(capability)}, got ${show((error as { capability?: unknown }).capability)}`);
  assertDeepEqual(calls, [], `${label}: backend calls made before refusing`);
}

/** Builds the case checking that a Store refuses every method gated on `capability`, before any backend call. */
function gateCase(id: string, capability: Capability, methods: (store: Store) => [string, () => unknown][]): ConformanceCase {
  return {
    id,
    area,
    title: `without "${capability}" the Store refuses ${methodNames(methods)} with CapabilityNotSupported before any I/O`,
    needs: [capability],
    run: async (ctx) => {
      const { store, calls } = restricted(ctx, [capability]);
      assertEqual(store.supports(capability), false, `supports(${JSON.stringify(capability)}) on the restricted store`);
      for (const [name, call] of methods(store)) await expectGated(call, capability, calls, name);
    },
  };
}

function methodNames(methods: (store: Store) => [string, () => unknown][]): string {
  return methods(undefined as never)
    .map(([name]) => name)
    .join(", ");
}

/** spec/capabilities.md CAP-002: a Store call needing an undeclared capability throws CapabilityNotSupported before any I/O. */
export const capabilityGatingCases: readonly ConformanceCase[] = [
  gateCase("CONF-470", "read", (s) => [
    ["read", () => s.read("a.txt")],
    ["readBytes", () => s.readBytes("a.txt")],
    ["readText", () => s.readText("a.txt")],
  ]),
  gateCase("CONF-471", "write", (s) => [
    ["write", () => s.write("a.txt", "x")],
    ["writeText", () => s.writeText("a.txt", "x")],
  ]),
  gateCase("CONF-472", "atomicWrite", (s) => [["writeAtomic", () => s.writeAtomic("a.txt", "x")]]),
  gateCase("CONF-473", "delete", (s) => [
    ["delete", () => s.delete("a.txt", { missingOk: true })],
    ["deleteFolder", () => s.deleteFolder("d", { missingOk: true })],
  ]),
  gateCase("CONF-474", "move", (s) => [["move", () => s.move("a.txt", "b.txt")]]),
  gateCase("CONF-475", "copy", (s) => [["copy", () => s.copy("a.txt", "b.txt")]]),
  gateCase("CONF-476", "metadata", (s) => [
    ["getFileInfo", () => s.getFileInfo("a.txt")],
    ["getFolderInfo", () => s.getFolderInfo("")],
  ]),
  gateCase("CONF-477", "url", (s) => [["url", () => s.url("a.txt")]]),
  {
    id: "CONF-478",
    area,
    title: "without \"list\" the listing methods and glob throw CapabilityNotSupported synchronously, before any I/O",
    needs: ["list"],
    run: (ctx) => {
      const { store, calls } = restricted(ctx, ["list"]);
      for (const [name, call] of [
        ["listFiles", () => store.listFiles("")],
        ["listFolders", () => store.listFolders("")],
        ["iterChildren", () => store.iterChildren("")],
      ] as const) {
        const error = expectThrowsSync(call, "CAPABILITY_NOT_SUPPORTED");
        assertEqual((error as { capability?: unknown }).capability, "list", `${name} error.capability`);
      }
      expectThrowsSync(() => store.glob("**"), "CAPABILITY_NOT_SUPPORTED");
      assertDeepEqual(calls, [], "backend calls made before refusing");
    },
  },
  {
    id: "CONF-479",
    area,
    title: "without \"userMetadata\" non-empty metadata is refused (nothing written); {} and no metadata are fine",
    needs: ["write", "read", "userMetadata"],
    run: async (ctx) => {
      const { store } = restricted(ctx, ["userMetadata"]);
      const error = await expectError(() => store.write("m.txt", "x", { metadata: { a: "b" } }), "CAPABILITY_NOT_SUPPORTED");
      assertEqual((error as { capability?: unknown }).capability, "userMetadata", "error.capability");
      await expectAbsent(ctx.store, "m.txt");
      await store.write("m.txt", "x", { metadata: {} });
      await store.write("n.txt", "y");
      await expectContent(ctx.store, "m.txt", "x");
      await expectContent(ctx.store, "n.txt", "y");
    },
  },
  {
    id: "CONF-480",
    area,
    title: "metadata is validated before the userMetadata gate: bad metadata is TypeError/RangeError even without it",
    needs: ["write", "userMetadata"],
    run: async (ctx) => {
      const { store, calls } = restricted(ctx, ["userMetadata"]);
      await expectError(() => store.write("m.txt", "x", { metadata: { a: 1 as never } }), "TypeError");
      await expectError(() => store.write("m.txt", "x", { metadata: { k: "v".repeat(2048) } }), "RangeError");
      assertDeepEqual(calls, [], "backend calls");
    },
  },
  {
    id: "CONF-481",
    area,
    title: "exists, isFile and isFolder need no capability",
    needs: ["write"],
    run: async (ctx) => {
      await ctx.store.write("p/a.txt", "a");
      const { store } = restricted(ctx, [...ctx.backend.capabilities]);
      assertEqual(await store.exists("p/a.txt"), true, "exists with no capabilities");
      assertEqual(await store.isFile("p/a.txt"), true, "isFile with no capabilities");
      assertEqual(await store.isFolder("p"), true, "isFolder with no capabilities");
    },
  },
  {
    id: "CONF-482",
    area,
    title: "without \"rangeRead\" ranges still work: the backend is asked for the whole file and the Store slices it",
    needs: ["write", "read", "rangeRead"],
    run: async (ctx) => {
      await ctx.store.write("r.txt", "0123456789");
      const { store, calls } = restricted(ctx, ["rangeRead"]);
      assertDeepEqual(new TextDecoder().decode(await store.readBytes("r.txt", { offset: 2, length: 3 })), "234", "readBytes range without rangeRead");
      const stream = await store.read("r.txt", { offset: 8 });
      const text = await new Response(stream).text();
      assertEqual(text, "89", "read range without rangeRead");
      for (const call of calls) {
        if (call.startsWith("read")) assert(call.endsWith('{"offset":0})'), `a backend without rangeRead was asked for a range: ${call}`);
      }
    },
  },
];
