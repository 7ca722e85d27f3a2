import { readdir, readFile, stat } from "node:fs/promises";
import { beforeAll, describe, it, vi } from "vitest";
import { buildCli } from "./support/build-cli.js";
import { lines, workspacePerTest } from "./support/run-cli.js";

// Every test spawns real processes (spec CLI-T01): generous limits for a loaded 2-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const workspace = workspacePerTest();

/** Every file below a local folder, relative, sorted. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => `${entry.parentPath.slice(dir.length + 1)}/${entry.name}`.replace(/^\//, "")).sort();
}

beforeAll(() => buildCli(), 180_000);

describe.concurrent("put and get", () => {
  it("CLI-046 CLI-045 put uploads into a folder destination; an existing file is ALREADY_EXISTS (5) unless --force", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("q1.csv", "a,b\n1,2\n");
    const put = await ws.run(["put", "q1.csv", "reports:2026/"]);
    expect(put).toMatchObject({ code: 0, stdout: "" });
    expect(await readFile(ws.path("data", "reports", "2026", "q1.csv"), "utf8")).toBe("a,b\n1,2\n");
    await ws.write("q1.csv", "changed\n");
    const again = await ws.run(["put", "q1.csv", "reports:2026/q1.csv"]);
    expect(again.code).toBe(5);
    expect(lines(again.stderr)).toEqual([expect.stringMatching(/^remote-store: ALREADY_EXISTS: reports:2026\/q1\.csv: /)]);
    expect(await readFile(ws.path("data", "reports", "2026", "q1.csv"), "utf8")).toBe("a,b\n1,2\n");
    const forced = await ws.run(["put", "--force", "q1.csv", "reports:2026/q1.csv"]);
    expect(forced.code).toBe(0);
    expect(await readFile(ws.path("data", "reports", "2026", "q1.csv"), "utf8")).toBe("changed\n");
  });

  it("CLI-046 put stores --content-type and --meta; bad metadata is a usage error (2); stdin with -", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("logo.bin", new Uint8Array([1, 2, 3]));
    const put = await ws.run(["put", "--content-type", "image/x-test", "--meta", "author=ada", "--meta", "team=core", "logo.bin", "reports:img/logo"]);
    expect(put.code).toBe(0);
    const info = JSON.parse((await ws.run(["stat", "--json", "reports:img/logo"])).stdout) as Record<string, unknown>;
    expect(info).toMatchObject({ size: 3, contentType: "image/x-test", metadata: { author: "ada", team: "core" } });
    const bad = await ws.run(["put", "--meta", "_hidden=1", "logo.bin", "reports:img/other"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^remote-store: USAGE: --meta: /);
    const piped = await ws.run(["put", "-", "reports:notes/hello.txt"], { input: "hello from stdin" });
    expect(piped.code).toBe(0);
    expect(await readFile(ws.path("data", "reports", "notes", "hello.txt"), "utf8")).toBe("hello from stdin");
  });

  it("CLI-046 put -r uploads a folder; a folder without -r is INVALID_PATH (6); a missing local path is NOT_FOUND (4)", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("site/index.html", "<h1>hi</h1>");
    await ws.write("site/css/a.css", "a{}");
    const noFlag = await ws.run(["put", "site", "reports:"]);
    expect(noFlag.code).toBe(6);
    expect(noFlag.stderr).toContain("(use -r)");
    const missing = await ws.run(["put", "nope.txt", "reports:"]);
    expect(missing.code).toBe(4);
    expect(lines(missing.stderr)).toEqual([expect.stringMatching(/^remote-store: NOT_FOUND: nope\.txt: local path does not exist/)]);
    const put = await ws.run(["put", "-r", "site", "reports:"]);
    expect(put.code).toBe(0);
    expect(await filesBelow(ws.path("data", "reports"))).toEqual(["site/css/a.css", "site/index.html"]);
  });

  it("CLI-047 get downloads into a folder, refuses to replace without --force, and leaves no temporary file", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("data/reports/2026/q1.csv", "one\n");
    await ws.write("data/reports/2026/sub/q2.csv", "two\n");
    await ws.write("out/.keep", "");
    const get = await ws.run(["get", "reports:2026/q1.csv", "out/"]);
    expect(get.code).toBe(0);
    expect(await readFile(ws.path("out", "q1.csv"), "utf8")).toBe("one\n");
    await ws.write("out/q1.csv", "local edit\n");
    const again = await ws.run(["get", "reports:2026/q1.csv", "out"]);
    expect(again.code).toBe(5);
    expect(await readFile(ws.path("out", "q1.csv"), "utf8")).toBe("local edit\n");
    const forced = await ws.run(["get", "-f", "reports:2026/q1.csv", "out/q1.csv"]);
    expect(forced.code).toBe(0);
    expect(await readFile(ws.path("out", "q1.csv"), "utf8")).toBe("one\n");
    const folder = await ws.run(["get", "reports:2026", "out"]);
    expect(folder.code).toBe(6);
    const recursive = await ws.run(["get", "-r", "reports:2026", "out/"]);
    expect(recursive.code).toBe(0);
    expect(await filesBelow(ws.path("out"))).toEqual([".keep", "2026/q1.csv", "2026/sub/q2.csv", "q1.csv"]);
    const toStdout = await ws.run(["get", "reports:2026/sub/q2.csv", "-"]);
    expect(toStdout.stdout).toBe("two\n");
    const noParent = await ws.run(["get", "reports:2026/q1.csv", "missing/dir/q1.csv"]);
    expect(noParent.code).toBe(4);
  });
});

describe.concurrent("cp, mv, rm, mkdir", () => {
  it("CLI-048 cp copies files within a store and across stores, folders with -r; conflicts change nothing", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("data/reports/2026/q1.csv", "one\n");
    await ws.write("data/reports/2026/deep/q2.csv", "two\n");
    await ws.write("data/backup/2026/q1.csv", "old\n");
    expect((await ws.run(["cp", "reports:2026/q1.csv", "reports:2026/copy.csv"])).code).toBe(0);
    expect(await readFile(ws.path("data", "reports", "2026", "copy.csv"), "utf8")).toBe("one\n");
    const noFlag = await ws.run(["cp", "reports:2026", "backup:"]);
    expect(noFlag.code).toBe(6);
    const conflict = await ws.run(["cp", "-r", "reports:2026", "backup:"]);
    expect(conflict.code).toBe(5);
    expect(conflict.stderr).toMatch(/ALREADY_EXISTS: backup:2026\/q1\.csv: /);
    expect(await filesBelow(ws.path("data", "backup"))).toEqual(["2026/q1.csv"]);
    const forced = await ws.run(["cp", "-r", "--force", "reports:2026", "backup:"]);
    expect(forced.code).toBe(0);
    expect(await filesBelow(ws.path("data", "backup"))).toEqual(["2026/copy.csv", "2026/deep/q2.csv", "2026/q1.csv"]);
    expect(await readFile(ws.path("data", "backup", "2026", "q1.csv"), "utf8")).toBe("one\n");
    const intoItself = await ws.run(["cp", "-r", "reports:2026", "reports:2026/deep/again"]);
    expect(intoItself.code).toBe(6);
    const toUrl = await ws.run(["cp", "reports:2026/deep/q2.csv", "file:./exported/q2.csv"]);
    expect(toUrl.code).toBe(0);
    expect(await readFile(ws.path("exported", "q2.csv"), "utf8")).toBe("two\n");
  });

  it("CLI-049 mv moves files and folders within a store and across stores", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("data/reports/a.txt", "a");
    await ws.write("data/reports/dir/b.txt", "b");
    await ws.write("data/reports/dir/sub/c.txt", "c");
    expect((await ws.run(["mv", "reports:a.txt", "reports:moved/"])).code).toBe(0);
    expect((await ws.run(["mv", "reports:dir", "backup:"])).code).toBe(0);
    expect(await filesBelow(ws.path("data"))).toEqual(["backup/dir/b.txt", "backup/dir/sub/c.txt", "reports/moved/a.txt"]);
    const within = await ws.run(["mv", "backup:dir", "backup:renamed"]);
    expect(within.code).toBe(0);
    expect(await filesBelow(ws.path("data", "backup"))).toEqual(["renamed/b.txt", "renamed/sub/c.txt"]);
    const missing = await ws.run(["mv", "reports:nope", "reports:x"]);
    expect(missing.code).toBe(4);
  });

  it("CLI-050 CLI-051 rm needs -r for folders, -f ignores missing paths; mkdir creates parents, -p accepts existing folders", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("data/reports/a.txt", "a");
    await ws.write("data/reports/dir/b.txt", "b");
    const folder = await ws.run(["rm", "reports:dir"]);
    expect(folder.code).toBe(6);
    expect(folder.stderr).toContain("INVALID_PATH: reports:dir: Is a folder (use -r)");
    expect((await ws.run(["rm", "reports:a.txt", "reports:dir", "-r"])).code).toBe(0);
    expect(await filesBelow(ws.path("data"))).toEqual([]);
    expect((await stat(ws.path("data", "reports"))).isDirectory()).toBe(true);
    const missing = await ws.run(["rm", "reports:gone.txt"]);
    expect(missing.code).toBe(4);
    expect((await ws.run(["rm", "-f", "reports:gone.txt"])).code).toBe(0);
    const root = await ws.run(["rm", "-r", "reports:"]);
    expect(root.code).toBe(6);
    expect((await ws.run(["mkdir", "reports:new/deeper"])).code).toBe(0);
    expect((await stat(ws.path("data", "reports", "new", "deeper"))).isDirectory()).toBe(true);
    const exists = await ws.run(["mkdir", "reports:new"]);
    expect(exists.code).toBe(5);
    expect((await ws.run(["mkdir", "-p", "reports:new", "memory://scratch/a/b"])).code).toBe(0);
  });
});

describe.concurrent("sync and doctor", () => {
  it("CLI-053 sync --dry-run prints the plan and changes nothing; a real run copies; a second run is a no-op; --delete removes extras", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("data/reports/a.txt", "a");
    await ws.write("data/reports/dir/b.txt", "bb");
    await ws.write("data/backup/extra.txt", "x");
    const dry = await ws.run(["sync", "--dry-run", "reports:", "backup:"]);
    expect(dry.code).toBe(0);
    expect(lines(dry.stdout)).toEqual(["create  a.txt", "create  dir/b.txt", "dry run: 2 to create, 0 to update, 0 to delete, 0 unchanged"]);
    expect(await filesBelow(ws.path("data", "backup"))).toEqual(["extra.txt"]);
    const real = await ws.run(["sync", "reports:", "backup:"]);
    expect(lines(real.stdout)).toEqual(["created 2, updated 0, deleted 0, unchanged 0, 3 B copied"]);
    const second = JSON.parse((await ws.run(["sync", "--json", "reports:", "backup:"])).stdout) as { created: number; skipped: number; errors: unknown[] };
    expect(second).toMatchObject({ created: 0, skipped: 2, errors: [] });
    const deleting = await ws.run(["sync", "--delete", "reports:", "backup:"]);
    expect(lines(deleting.stdout)).toEqual(["created 0, updated 0, deleted 1, unchanged 2, 0 B copied"]);
    expect(await filesBelow(ws.path("data", "backup"))).toEqual(["a.txt", "dir/b.txt"]);
  });

  it("CLI-053 CLI-034 sync reports per-path errors on stderr and exits 13; a missing source is NOT_FOUND", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("data/reports/small.txt", "ok");
    await ws.write("data/reports/big.bin", "x".repeat(500));
    const result = await ws.run(["sync", "--no-progress", "reports:", "tiny:"]);
    expect(result.code).toBe(13);
    expect(lines(result.stdout)).toEqual(["created 1, updated 0, deleted 0, unchanged 0, 2 B copied"]);
    expect(lines(result.stderr)).toEqual([
      "remote-store: warning: tiny: is an in-memory store; what this command writes there is gone when the command ends",
      expect.stringMatching(/^remote-store: QUOTA_EXCEEDED: tiny:big\.bin: /),
      "remote-store: FAILED: sync finished with 1 failed path",
    ]);
    const missing = await ws.run(["sync", "reports:nope", "backup:"]);
    expect(missing.code).toBe(4);
  });

  it("CLI-055 doctor runs conformance cases on a store's backend; failures print and exit 13; --json is the report", async ({ expect }) => {
    const ws = await workspace();
    await ws.write("data/reports/keep.txt", "keep");
    const ok = await ws.run(["doctor", "reports", "--only", "CONF-010", "--only", "CONF-095"]);
    expect(ok).toMatchObject({ code: 0 });
    expect(lines(ok.stdout)).toEqual(["2 passed, 0 failed, 0 skipped"]);
    expect(await filesBelow(ws.path("data"))).toEqual(["reports/keep.txt"]);
    expect(await readdir(ws.path("data", "reports"))).toEqual(["keep.txt"]);
    const tiny = await ws.run(["doctor", "tiny", "--only", "CONF-095"]);
    expect(tiny.code).toBe(13);
    expect(lines(tiny.stdout)).toEqual([expect.stringMatching(/^FAIL CONF-095 .*QUOTA_EXCEEDED/), "0 passed, 1 failed, 0 skipped"]);
    const json = JSON.parse((await ws.run(["doctor", "--json", "memory://", "--only", "CONF-010"])).stdout) as { passed: number; failed: unknown[] };
    expect(json).toEqual({ passed: 1, failed: [], skipped: [], residue: [] });
    const unknown = await ws.run(["doctor", "--only", "NOPE-1"]);
    expect(unknown.code).toBe(2);
  });
});
