import { readdir, truncate, writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { buildCli } from "./support/build-cli.js";
import { collect, lines, makeWorkspace, spawnCli, type CliResult, type Workspace } from "./support/run-cli.js";

// Real processes and a 200 MiB file (spec CLI-T01, CLI-061): generous limits for a loaded machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const BIG = 200 * 1024 * 1024;
let ws: Workspace;

beforeAll(async () => {
  await buildCli();
  ws = await makeWorkspace();
  await writeFile(ws.path("big.bin"), "");
  await truncate(ws.path("big.bin"), BIG);
  await ws.write("tree/big.bin", "");
  await truncate(ws.path("tree", "big.bin"), BIG);
}, 180_000);

afterAll(() => ws.remove());

/** Runs the CLI and sends SIGINT as soon as its first progress line appears on stderr. */
async function interruptAtFirstProgressLine(args: readonly string[]): Promise<CliResult & { progressSeen: boolean }> {
  const child = await spawnCli(args, { cwd: ws.dir });
  let progressSeen = false;
  let buffered = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    if (!progressSeen && /^(put|get|sync|cp) {2}\S.*\n/m.test(buffered)) {
      progressSeen = true;
      child.kill("SIGINT");
    }
  });
  const result = await collect(child);
  return { ...result, progressSeen };
}

/** Every file below a local folder (hidden temporary files included), relative. */
async function everythingBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => `${entry.parentPath}/${entry.name}`.slice(dir.length + 1));
}

describe("Ctrl-C during transfers (CLI-061)", () => {
  it("CLI-061 CLI-060 put of a 200 MiB file into a file: store stops with exit 130 and leaves no partial file", async ({ expect }) => {
    const result = await interruptAtFirstProgressLine(["put", "big.bin", "file:./dest/sub/big.bin"]);
    expect(result.progressSeen).toBe(true);
    expect(result.code).toBe(130);
    expect(lines(result.stderr).at(-1)).toBe("remote-store: INTERRUPTED: stopped by Ctrl-C");
    expect(await everythingBelow(ws.path("dest"))).toEqual([]);
  });

  it("CLI-061 get of a 200 MiB file stops with exit 130 and leaves no partial local file", async ({ expect }) => {
    await ws.write("downloads/.keep", "");
    const result = await interruptAtFirstProgressLine(["get", "file:./big.bin", "downloads/"]);
    expect(result.progressSeen).toBe(true);
    expect(result.code).toBe(130);
    expect(await everythingBelow(ws.path("downloads"))).toEqual([".keep"]);
  });

  it("CLI-061 sync and cp -r stop with exit 130 and leave no partial file at the destination", async ({ expect }) => {
    const sync = await interruptAtFirstProgressLine(["sync", "file:./tree", "file:./mirror"]);
    expect(sync.progressSeen).toBe(true);
    expect(sync.code).toBe(130);
    expect(await everythingBelow(ws.path("mirror"))).toEqual([]);
    const copy = await interruptAtFirstProgressLine(["cp", "-r", "file:./tree", "memory://m/copy"]);
    expect(copy.progressSeen).toBe(true);
    expect(copy.code).toBe(130);
    expect(await everythingBelow(ws.path("tree"))).toEqual(["big.bin"]);
  });

  it("CLI-060 without a terminal, progress is plain lines: one at the start and one at the end", async ({ expect }) => {
    await ws.write("small.txt", "x".repeat(3000));
    const result = await ws.run(["put", "small.txt", "file:./uploaded/small.txt"]);
    expect(result.code).toBe(0);
    const progress = lines(result.stderr);
    expect(progress[0]).toMatch(/^put {2}0 B \/ 2\.9 KiB {2}0% {2}0\/1 files/);
    expect(progress.at(-1)).toMatch(/^put {2}2\.9 KiB \/ 2\.9 KiB {2}100% {2}1\/1 files {2}[\d.]+ \S*B\/s {2}ETA /);
    const quiet = await ws.run(["--no-progress", "put", "--force", "small.txt", "file:./uploaded/small.txt"]);
    expect(quiet).toMatchObject({ code: 0, stderr: "" });
  });
});
