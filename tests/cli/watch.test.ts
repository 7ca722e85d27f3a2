import type { ChildProcess } from "node:child_process";
import { rename, rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCli } from "./support/build-cli.js";
import { makeWorkspace, spawnCli, type Workspace } from "./support/run-cli.js";

// Spawns the real CLI (spec CLI-T01); the test limit is the hang guard of every wait below.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let ws: Workspace;
beforeAll(async () => {
  await buildCli();
  ws = await makeWorkspace();
  await ws.write("data/reports/seed.txt", "x");
}, 120_000);
afterAll(() => ws.remove());

/** The child's output so far, and a wait for output that satisfies `done` (no timer: the test limit is the guard). */
function watchOutput(child: ChildProcess): { out: () => string; err: () => string; until(done: () => boolean): Promise<void> } {
  let stdout = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const wake of [...waiters]) wake();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    for (const wake of [...waiters]) wake();
  });
  return {
    out: () => stdout,
    err: () => stderr,
    until: (done) =>
      new Promise((resolve) => {
        const check = (): void => {
          if (!done()) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
  };
}

describe("watch (CLI-059)", () => {
  it("CLI-059 prints one JSON object per change with --json, store-relative, until Ctrl-C, then exits 0", async () => {
    const child = await spawnCli(["watch", "-r", "--json", "reports:"], { cwd: ws.dir });
    const output = watchOutput(child);
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await output.until(() => output.err().includes("watching reports:"));
    await ws.write("data/reports/new/a.txt", "hello");
    // ws.write is a plain writeFile from outside (create, then write): WATCH-051 allows created + updated for it.
    await output.until(() => /"path":"new\/a.txt","size":5/.test(output.out()));
    await rename(ws.path("data", "reports", "new", "a.txt"), ws.path("data", "reports", "new", "b.txt"));
    await rm(ws.path("data", "reports", "seed.txt"));
    await output.until(() => output.out().includes('"path":"seed.txt"') && output.out().includes('"path":"new/b.txt"'));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    const events = output.out().trim().split("\n").map((line) => JSON.parse(line) as { type: string; kind: string; path: string; size?: number });
    expect(events).toContainEqual(expect.objectContaining({ type: "created", kind: "file", path: "new/a.txt" }));
    expect(events.filter((event) => event.path === "new/a.txt" && event.type !== "deleted").at(-1)).toMatchObject({ kind: "file", size: 5 });
    expect(events).toContainEqual({ type: "deleted", kind: "file", path: "seed.txt" });
  });

  it("CLI-059 without --json prints one line per change: type, kind, location", async () => {
    const child = await spawnCli(["watch", "reports:"], { cwd: ws.dir });
    const output = watchOutput(child);
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await output.until(() => output.err().includes("watching"));
    await ws.write("data/reports/plain.txt", "12345");
    await output.until(() => output.out().includes("reports:plain.txt 5 B"));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    const lines = output.out().split("\n");
    expect(lines.some((line) => line.startsWith("created file reports:plain.txt "))).toBe(true);
    expect(lines.filter((line) => line.includes("reports:plain.txt")).at(-1)).toMatch(/^(created|updated) file reports:plain\.txt 5 B$/);
  });
});
