import { spawn } from "node:child_process";
import { mkdir, readdir, realpath, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { beforeAll, describe, it, vi } from "vitest";
import { LocalBackend } from "../../src/backends/local/index.js";
import { Journal } from "../../src/backends/local/journal.js";
import { currentOwner, hostLabel, type Owner } from "../../src/backends/local/owner.js";
import { tempName } from "../../src/backends/local/temp-name.js";
import { compareCodePoints } from "../../src/paths/compare.js";
import { snapshotTree } from "../backends/local/tree-snapshot.js";
import { buildCli } from "./support/build-cli.js";
import { lines, workspacePerTest } from "./support/run-cli.js";

// Every test spawns real processes (spec CLI-T01); a full doctor run takes about a minute on a
// loaded 2-core machine, so its limit is a generous hang guard (TEST-005).
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const workspace = workspacePerTest();

beforeAll(() => buildCli(), 180_000);

const encoder = new TextEncoder();
const plain = { overwrite: false, contentType: "text/plain", metadata: undefined };

/** The report of `doctor --json`. */
interface Report {
  readonly passed: number;
  readonly failed: readonly { id: string; message: string }[];
  readonly skipped: readonly unknown[];
  readonly residue: readonly { path: string; kind: string; size: number; state: string; owner?: { host: string; pid: number }; target?: string; startedAt?: string }[];
}

/** The pid of a process that has ended. */
async function goneProcessPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid ?? -1;
}

describe.concurrent("doctor leaves no trace and reports residue", () => {
  it(
    "CLI-057 CLI-058 a full doctor run leaves a local store byte for byte as it was, its own upload in progress included",
    async ({ expect }) => {
      const ws = await workspace();
      const root = ws.path("store");
      const seed = new LocalBackend({ root });
      await seed.write("docs/report.txt", encoder.encode("quarterly"), { ...plain, metadata: { owner: "finance" } });
      await seed.write("data.bin", encoder.encode("binary"), { ...plain, contentType: "application/octet-stream" });
      await seed.createFolder("empty/deeper", { existOk: false });
      const upload = await seed.startMultipartUpload("big/upload.bin", plain);
      await seed.uploadPart(upload, 1, encoder.encode("part one"));
      await seed.close();
      const before = await snapshotTree(root);

      const result = await ws.run(["doctor", "file:./store", "--json", "--no-progress"]);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.failed).toEqual([]);
      expect(report.passed).toBeGreaterThan(300);
      expect(result.code).toBe(0);
      expect(await snapshotTree(root)).toEqual(before);
      expect(report.residue.map(({ path, kind, state, target }) => [path, kind, state, target])).toEqual([
        [nodePath.join(await realpath(root), ".remote-store-uploads", upload), "upload", "alive", "big/upload.bin"],
      ]);
    },
    300_000,
  );

  it("CLI-058 doctor reports what it may not remove — a running process's, another host's, an unknown owner's — after a gone process's residue was removed", async ({ expect }) => {
    const ws = await workspace();
    const root = ws.path("store");
    await mkdir(nodePath.join(root, "f"), { recursive: true });
    const real = await realpath(root);
    const self = await currentOwner();
    const gone: Owner = { ...self, pid: await goneProcessPid() };
    const elsewhere: Owner = { ...self, host: "nas-client", hostId: "0123456789ab" };
    const dead = new Journal({ realRoot: real, owner: gone });
    await writeFile(await dead.temp(nodePath.join(real, "f")), "half a file");
    const running = tempName(self);
    await writeFile(nodePath.join(real, "f", running), "in progress");
    const foreign = tempName(elsewhere);
    await writeFile(nodePath.join(real, "f", foreign), "written elsewhere");
    await writeFile(nodePath.join(real, "f", ".remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962"), "old");

    const json = await ws.run(["doctor", "file:./store", "--only", "CONF-010", "--json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    const local = (name: string): string => nodePath.join(real, "f", name);
    const expected = [
      { path: local(".remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962"), kind: "file", size: 3, state: "unknown" },
      { path: local(running), kind: "file", size: 11, state: "alive", owner: { host: hostLabel(self.host), pid: self.pid } },
      { path: local(foreign), kind: "file", size: 17, state: "other-host", owner: { host: "nas-client", pid: self.pid } },
    ].sort((a, b) => compareCodePoints(a.path, b.path));
    expect(report.residue).toEqual(expected);
    expect((await readdir(nodePath.join(real, "f"))).sort()).toEqual([".remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962", foreign, running].sort());
    expect(await readdir(real)).toEqual(["f"]);

    const plainRun = await ws.run(["doctor", "file:./store", "--only", "CONF-010"]);
    expect(plainRun.code).toBe(0);
    const line = new Map([
      [local(".remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962"), "(file, 3 bytes, unknown)"],
      [local(running), `(file, 11 bytes, alive, host ${hostLabel(self.host)}, pid ${self.pid})`],
      [local(foreign), `(file, 17 bytes, other-host, host nas-client, pid ${self.pid})`],
    ]);
    expect(lines(plainRun.stdout)).toEqual([...expected.map(({ path }) => `RESIDUE ${path} ${line.get(path) ?? "?"}`), "1 passed, 0 failed, 0 skipped"]);
  });
});
