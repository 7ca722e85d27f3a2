import type { Store } from "../../store/store.js";
import { expectRejection, labelled } from "../assert.js";
import type { ConformanceCase } from "./types.js";

const area = "promise-discipline" as const;

/** Every Promise-returning call the store supports, each taking one bad path argument. */
function callsWithPath(store: Store): [string, (p: unknown) => unknown][] {
  const calls: [string, (p: unknown) => unknown][] = [
    ["exists", (p) => store.exists(p as string)],
    ["isFile", (p) => store.isFile(p as string)],
    ["isFolder", (p) => store.isFolder(p as string)],
  ];
  if (store.supports("read")) calls.push(["read", (p) => store.read(p as string)], ["readBytes", (p) => store.readBytes(p as string)], ["readText", (p) => store.readText(p as string)]);
  if (store.supports("write")) calls.push(["write", (p) => store.write(p as string, "x")], ["writeText", (p) => store.writeText(p as string, "x")]);
  if (store.supports("atomicWrite")) calls.push(["writeAtomic", (p) => store.writeAtomic(p as string, "x")]);
  if (store.supports("delete")) calls.push(["delete", (p) => store.delete(p as string)], ["deleteFolder", (p) => store.deleteFolder(p as string)]);
  if (store.supports("metadata")) calls.push(["getFileInfo", (p) => store.getFileInfo(p as string)], ["getFolderInfo", (p) => store.getFolderInfo(p as string)]);
  if (store.supports("move")) calls.push(["move src", (p) => store.move(p as string, "b.txt")], ["move dst", (p) => store.move("a.txt", p as string)]);
  if (store.supports("copy")) calls.push(["copy src", (p) => store.copy(p as string, "b.txt")], ["copy dst", (p) => store.copy("a.txt", p as string)]);
  if (store.supports("url")) calls.push(["url", (p) => store.url(p as string)]);
  return calls;
}

/** Folder queries whose path may be omitted (it defaults to the root), so `undefined` is not a wrong type for them. */
const OPTIONAL_PATH = new Set(["exists", "isFile", "isFolder", "getFolderInfo"]);

async function eachCall(store: Store, bad: unknown, expected: Parameters<typeof expectRejection>[1]): Promise<void> {
  for (const [name, call] of callsWithPath(store)) {
    if (bad === undefined && OPTIONAL_PATH.has(name)) continue;
    await labelled(`${name}(${JSON.stringify(bad) ?? String(bad)})`, () => expectRejection(() => call(bad), expected));
  }
}

/** spec/store.md ST-005: every Promise-returning method reports errors by rejecting, never by throwing synchronously. */
export const promiseDisciplineCases: readonly ConformanceCase[] = [
  {
    id: "CONF-490",
    area,
    title: "an unsafe path is reported by a rejected promise (InvalidPath), never a synchronous throw",
    needs: [],
    run: async (ctx) => {
      await eachCall(ctx.store, "../x", "INVALID_PATH");
      await eachCall(ctx.store, "a\0b", "INVALID_PATH");
    },
  },
  {
    id: "CONF-491",
    area,
    title: "a path of the wrong type is reported by a rejected promise (TypeError), never a synchronous throw",
    needs: [],
    run: async (ctx) => {
      await eachCall(ctx.store, 42, "TypeError");
      await eachCall(ctx.store, undefined, "TypeError");
    },
  },
  {
    id: "CONF-492",
    area,
    title: "bad options and content are reported by rejected promises, never synchronous throws",
    needs: ["write", "read", "delete"],
    run: async (ctx) => {
      await ctx.store.write("a.txt", "a");
      await expectRejection(() => ctx.store.readBytes("a.txt", { offset: -1 }), "RangeError");
      await expectRejection(() => ctx.store.read("a.txt", { length: 0.5 }), "RangeError");
      await expectRejection(() => ctx.store.write("b.txt", 42 as never), "TypeError");
      await expectRejection(() => ctx.store.write("b.txt", "x", { metadata: { k: 1 as never } }), "TypeError");
      await expectRejection(() => ctx.store.write("b.txt", "x", "options" as never), "TypeError");
      await expectRejection(() => ctx.store.delete("a.txt", { missingOk: 1 as never }), "TypeError");
      await expectRejection(() => ctx.store.writeText("b.txt", 1 as never), "TypeError");
    },
  },
];
