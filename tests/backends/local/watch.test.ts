import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { LocalBackend } from "../../../src/backends/local/index.js";
import { Store, type ChangeEvent, type WatchEvent } from "../../../src/index.js";
import { recordEvents } from "../../../src/testing/index.js";

/** TEST-008: a store on a fresh temp folder of this test, removed (with the backend closed) when the test ends. */
async function freshStore(): Promise<{ store: Store; root: string }> {
  const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-watch-"));
  const root = nodePath.join(dir, "root");
  const store = new Store({ backend: new LocalBackend({ root }) });
  onTestFinished(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  await store.createFolder("w");
  return { store, root };
}

const changes = (events: readonly WatchEvent[]): ChangeEvent[] => events.filter((event): event is ChangeEvent => event.type !== "overflow");
const has = (events: readonly WatchEvent[], type: string, kind: string, path: string): boolean => changes(events).some((e) => e.type === type && e.kind === kind && e.path === path);

/** Runs `script` in a new Node process with `dir` as its argument and waits for it to exit. */
async function inChildProcess(script: string, dir: string): Promise<void> {
  const child = spawn(process.execPath, ["-e", script, dir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code, stderr).toBe(0);
}

describe("LocalBackend watch (spec WATCH-050..WATCH-052)", () => {
  it("WATCH-050 WATCH-052 another process's mkdir + write, rename and delete are reported; its reserved names never are", async () => {
    const { store, root } = await freshStore();
    await using log = await recordEvents(store, "w", { recursive: true });
    const prelude = `const fs = require("node:fs"); const path = require("node:path"); const w = path.join(process.argv[1], "w");`;
    // Three processes, one step each; the parent waits for each step's events before the next.
    await inChildProcess(
      `${prelude} fs.mkdirSync(path.join(w, "made")); fs.writeFileSync(path.join(w, "made", "a.txt"), "from the child");
       fs.writeFileSync(path.join(w, ".remote-store-tmp-child"), "internal"); fs.mkdirSync(path.join(w, ".remote-store"));
       fs.writeFileSync(path.join(w, ".remote-store", "x"), "{}");`,
      root,
    );
    // The memfs#1014 case: the file written at once into the new folder is reported too.
    await log.waitFor((events) => has(events, "created", "folder", "w/made") && has(events, "created", "file", "w/made/a.txt"), "the child's mkdir and write");
    await inChildProcess(`${prelude} fs.renameSync(path.join(w, "made", "a.txt"), path.join(w, "made", "b.txt"));`, root);
    await log.waitFor((events) => has(events, "deleted", "file", "w/made/a.txt") && has(events, "created", "file", "w/made/b.txt"), "the child's rename");
    await inChildProcess(`${prelude} fs.unlinkSync(path.join(w, "made", "b.txt"));`, root);
    await log.waitFor((events) => has(events, "deleted", "file", "w/made/b.txt"), "the child's delete");
    expect(changes(log.events).filter((e) => e.path.includes(".remote-store") || e.from?.includes(".remote-store") === true)).toEqual([]);
  });

  it("WATCH-051 LOC-140 one write through the store is one event, with its size; sidecars and temp files never show", async () => {
    const { store } = await freshStore();
    await using log = await recordEvents(store, "w", { recursive: true });
    const big = new Uint8Array(1024 * 1024).fill(7);
    await store.write("w/big.bin", big, { metadata: { owner: "me" }, contentType: "x/custom" });
    await store.write("w/big.bin", big.subarray(1), { overwrite: true, metadata: { owner: "you" } });
    await store.write("w/marker.txt", "m");
    await log.waitFor((events) => has(events, "created", "file", "w/marker.txt") && has(events, "updated", "file", "w/big.bin"), "the marker and the update");
    const big1 = changes(log.events).filter((e) => e.path === "w/big.bin");
    expect(big1.map((e) => [e.type, e.size])).toEqual([["created", 1024 * 1024], ["updated", 1024 * 1024 - 1]]);
    expect(changes(log.events).filter((e) => e.path.includes(".remote-store"))).toEqual([]);
  });

  it("WATCH-053 folders made at once, several levels deep, and written into are all reported, every round (no gap between reading a new folder and watching it)", async () => {
    const { store, root } = await freshStore();
    await using log = await recordEvents(store, "w/later", { recursive: true });
    // Another process makes each round's folders with one mkdir -p and writes into the deepest at once.
    const rounds = 20;
    await inChildProcess(
      `const fs = require("node:fs"); const path = require("node:path");
       for (let i = 0; i < ${rounds}; i++) { const deep = path.join(process.argv[1], "w", "later", "r" + i, "a", "b"); fs.mkdirSync(deep, { recursive: true }); fs.writeFileSync(path.join(deep, "f.txt"), String(i)); }`,
      root,
    );
    const expected = Array.from({ length: rounds }, (_, i) => `w/later/r${i}/a/b/f.txt`);
    await log.waitFor((events) => expected.every((path) => has(events, "created", "file", path)), "every round's file");
    for (let i = 0; i < rounds; i++) {
      for (const folder of [`w/later/r${i}`, `w/later/r${i}/a`, `w/later/r${i}/a/b`]) expect(has(log.events, "created", "folder", folder), folder).toBe(true);
    }
    const created = changes(log.events).filter((e) => e.type === "created");
    expect(created).toHaveLength(rounds * 4 + 1); // w/later itself, then three folders and one file per round, each once
    expect(has(log.events, "created", "folder", "w/later")).toBe(true);
  });

  it("WATCH-052 a move through the store arrives as deleted + created", async () => {
    const { store } = await freshStore();
    await store.write("w/a.txt", "x");
    await using log = await recordEvents(store, "w", { recursive: true });
    await store.move("w/a.txt", "w/b.txt");
    await log.waitFor((events) => has(events, "deleted", "file", "w/a.txt") && has(events, "created", "file", "w/b.txt"), "deleted a.txt, created b.txt");
  });

  it("WATCH-050 closing the backend ends its watchers", async () => {
    const { store } = await freshStore();
    const watcher = store.watch("w");
    await watcher.ready;
    const ended = (async () => {
      for await (const event of watcher) void event;
    })();
    await store.backend.close();
    await ended;
    expect(watcher.closed).toBe(true);
  });
});
