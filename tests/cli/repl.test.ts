import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, describe, it, vi } from "vitest";
import { buildCli, ROOT } from "./support/build-cli.js";
import { TMUX, TmuxServer } from "./support/tmux.js";
import { collect, lines, makeWorkspace, type Workspace } from "./support/run-cli.js";

// Real processes, npm and tmux (spec CLI-T01): generous limits for a loaded 2-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let ws: Workspace;
let cli: string;

beforeAll(async () => {
  cli = await buildCli();
  ws = await makeWorkspace();
  await ws.write("data/reports/2026/q1.csv", "region,total\n");
  await ws.write("data/reports/top.csv", "region,total\n");
}, 180_000);

afterAll(async () => {
  await ws.remove();
});

describe("piped REPL (CLI-074)", () => {
  it("CLI-074 CLI-072 CLI-071 runs a piped script line by line, prints values readably, runs dot-commands, and stops at the first error", async ({ expect }) => {
    const script = [
      'await store.writeText("d/a.txt", "hello")',
      'await store.getFolderInfo("")',
      'await store.listFiles("", { recursive: true }).toArray()',
      ".cd d",
      ".pwd",
      ".cat a.txt",
      'store.listFiles("")',
      ".save snap.json",
      ".cd memory://other/",
      ".load snap.json",
      ".tree",
      "const n = (await store.iterChildren('').toArray()).length",
      "n * 10",
      "function twice(x) {",
      "  return x * 2",
      "}",
      "twice(21)",
      ".cd reports:2026",
      "(await stores.reports.readText('2026/q1.csv')).trim()",
      "await store.readText('missing.txt')",
      'console.log("never printed")',
    ].join("\n");
    const result = await ws.run(["repl"], { input: `${script}\n` });
    expect(result.code).toBe(4);
    const out = lines(result.stdout);
    expect(out[0]).toMatch(/^WriteResult d\/a\.txt {2}5 B {2}text\/plain {2}\d{4}-/);
    expect(out[1]).toMatch(/^FolderInfo "" {2}1 file, 5 B, newest /);
    expect(out.slice(2, 5)).toEqual([expect.stringMatching(/^kind +size +modified +path$/), expect.stringMatching(/^file +5 B +\S+ \S+ +d\/a\.txt$/), "(1 entry)"]);
    expect(out.slice(5)).toEqual([
      "memory://default/d",
      "hello",
      expect.stringMatching(/^Listing \(async iterable\)/),
      `saved 1 entry to ${ws.path("snap.json")}`,
      `loaded ${ws.path("snap.json")} into memory://other/`,
      "memory://other/  (1 file, 5 B)",
      "└── a.txt  5 B",
      "10",
      "42",
      "'region,total'",
    ]);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^remote-store: NOT_FOUND: missing\.txt: /)]);
    const snapshot = JSON.parse(await readFile(ws.path("snap.json"), "utf8")) as { entries: { path: string; text?: string }[] };
    expect(snapshot.entries).toEqual([expect.objectContaining({ path: "a.txt", text: "hello" })]);
  });

  it("CLI-074 CLI-056 CLI-021 a script error that is not a library error exits 1 with one line; the end of input exits 0", async ({ expect }) => {
    const failing = await ws.run(["repl"], { input: "undefinedName.x\n" });
    expect(failing.code).toBe(1);
    expect(lines(failing.stderr)).toEqual([expect.stringMatching(/^remote-store: ERROR: .*undefinedName is not defined/)]);
    const fine = await ws.run(["repl", "reports"], { input: "store.toString()\n" });
    expect(fine).toMatchObject({ code: 0, stderr: "" });
    expect(fine.stdout).toBe(`'Store(backend=local, rootPath="reports")'\n`);
  });

  it("CLI-071 .watch prints each change below the folder as one line (as CLI-059) until .watch off", async ({ expect }) => {
    const script = [
      ".watch",
      'await store.writeText("w/x.txt", "hi")',
      'await store.delete("w/x.txt")',
      "await store.exists('w/x.txt')",
      ".watch off",
      'await store.writeText("w/after.txt", "not watched")',
    ].join("\n");
    const result = await ws.run(["repl"], { input: `${script}\n` });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const out = lines(result.stdout);
    const events = out.filter((line) => /^(created|updated|deleted|moved) /.test(line));
    expect(events).toEqual([
      "created folder memory://default/w",
      "created file memory://default/w/x.txt 2 B",
      "deleted file memory://default/w/x.txt",
    ]);
    expect(out).toContainEqual(expect.stringMatching(/^WriteResult w\/after\.txt /)); // written, and not reported: the watch was off
  });

  it("CLI-070 in scope: store, the config's registry, stores.<name>, the Node entry's exports, copyBetween and syncStores", async ({ expect }) => {
    const names = ["Store", "MemoryBackend", "LocalBackend", "Registry", "openStore", "exportTree", "importTree", "SyncStore", "NotFound", "RemoteStoreError", "copyBetween", "syncStores"];
    const script = [
      `console.log(${JSON.stringify(names)}.map((name) => name + "=" + typeof globalThis[name]).join(" "))`,
      "console.log(store.toString(), registry.storeNames.join(','))",
      "console.log((await stores.reports.readText('top.csv')).trim(), stores.reports === stores.reports)",
      "const sync = new SyncStore({ backend: new MemoryBackend() }); sync.writeText('x', 'y'); console.log(sync.readText('x'))",
    ].join("\n");
    const result = await ws.run(["repl"], { input: `${script}\n` });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lines(result.stdout)).toEqual([
      names.map((name) => `${name}=function`).join(" "),
      'Store(backend=default, rootPath="") backup,reports,tiny',
      "region,total true",
      "y",
    ]);
  });

  it("CLI-074 `npm start -s` runs the REPL on a fresh clone: the piped one-liner prints hi and exits 0", async ({ expect }) => {
    const child = spawn("npm", ["start", "-s"], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["pipe", "pipe", "pipe"] });
    const result = await collect(child, 'await store.writeText("a.txt","hi"); console.log(await store.readText("a.txt"))\n');
    expect(result.stdout).toBe("hi\n");
    expect(result.code).toBe(0);
  });
});

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

describe.skipIf(TMUX === undefined)("on a terminal (tmux)", () => {
  // TEST-005: every test gets its own tmux server, started and answering before the test types.
  let tmux: TmuxServer;
  beforeEach(async () => {
    tmux = await TmuxServer.start();
  });
  afterEach(async () => {
    await tmux.stop();
  });

  it("CLI-073 CLI-072 an interactive REPL session: banner, prompt, typed commands, readable results, .cd, history", async ({ expect }) => {
    const history = ws.path("repl-history");
    const command = `env HOME=${shellQuote(ws.dir)} REMOTE_STORE_HISTORY=${shellQuote(history)} ${shellQuote(process.execPath)} ${shellQuote(cli)} repl`;
    tmux.newSession("repl", { width: 140, height: 45, cwd: ws.dir, command });
    const banner = await tmux.waitForScreen("repl", (screen) => /^memory:\/\/default\/>/m.test(screen));
    expect(banner).toMatch(/remote-store \d+\.\d+\.\d+ REPL/);
    expect(banner).toMatch(/store +memory:\/\/default\/ +in-memory: starts empty/);
    expect(banner).toContain(`config  ${ws.path("remote-store.config.yaml")}`);
    tmux.sendKeys("repl", 'await store.writeText("notes/a.txt", "hi")', "Enter");
    await tmux.waitForScreen("repl", (screen) => /WriteResult notes\/a\.txt {2}2 B {2}text\/plain/.test(screen));
    tmux.sendKeys("repl", ".ls notes", "Enter");
    const listed = await tmux.waitForScreen("repl", (screen) => screen.includes("(1 entry)"));
    expect(listed).toMatch(/kind +size +modified +path\nfile +2 B +\S+ \S+ +notes\/a\.txt\n\(1 entry\)/);
    tmux.sendKeys("repl", 'await store.getFolderInfo("")', "Enter");
    await tmux.waitForScreen("repl", (screen) => /FolderInfo "" {2}1 file, 2 B, newest /.test(screen));
    tmux.sendKeys("repl", ".cd notes", "Enter");
    await tmux.waitForScreen("repl", (screen) => /^memory:\/\/default\/notes>/m.test(screen));
    tmux.sendKeys("repl", ".exit", "Enter");
    // The session ends with the REPL, so there is no screen left to read. Node writes the history
    // file asynchronously: wait for its content, not only for the file (the deadline is a hang guard).
    await vi.waitFor(() => expect(existsSync(history) && readFileSync(history, "utf8").includes("notes/a.txt")).toBe(true), { timeout: 60_000, interval: 50 });
    const saved = await readFile(history, "utf8");
    expect(saved).toContain('await store.writeText("notes/a.txt", "hi")');
  });

  it("CLI-030 CLI-031 CLI-060 on a terminal, sizes are human, columns aligned, colours on (never with NO_COLOR), progress is a bar", async ({ expect }) => {
    const run = (name: string, env: string): void => {
      const command = `env ${env} ${shellQuote(process.execPath)} ${shellQuote(cli)} ls -l reports:; echo "exit=$?"; sleep 60`;
      tmux.newSession(name, { width: 140, height: 20, cwd: ws.dir, command });
    };
    run("colour", `HOME=${shellQuote(ws.dir)}`);
    run("plain", `HOME=${shellQuote(ws.dir)} NO_COLOR=1`);
    await ws.write("upload.bin", new Uint8Array(3 * 1024));
    const upload = `${shellQuote(process.execPath)} ${shellQuote(cli)} put upload.bin reports:up/; echo "exit=$?"; sleep 60`;
    tmux.newSession("bar", { width: 140, height: 10, cwd: ws.dir, command: `env HOME=${shellQuote(ws.dir)} ${upload}` });
    const bar = await tmux.waitForScreen("bar", (screen) => screen.includes("exit="));
    expect(bar).toMatch(/^put [█░]{24} 3\.0 KiB \/ 3\.0 KiB {2}100% {2}1\/1 files {2}.+\/s {2}ETA 0s$/m);
    expect(bar).toContain("exit=0");
    const coloured = await tmux.waitForScreen("colour", (screen) => screen.includes("exit="), { escapes: true });
    const plain = await tmux.waitForScreen("plain", (screen) => screen.includes("exit="), { escapes: true });
    const text = await tmux.waitForScreen("colour", (screen) => screen.includes("exit="));
    expect(text).toMatch(/^folder +- +- +2026\/\nfile +13 B +\d{4}-\d\d-\d\d \d\d:\d\d +top\.csv$/m);
    expect(text).not.toContain("\t");
    expect(text).toContain("exit=0");
    expect(coloured).toContain("\u001b[");
    expect(plain).not.toContain("\u001b[");
  });
});
