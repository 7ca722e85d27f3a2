import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { buildCli } from "./support/build-cli.js";
import { lines, makeWorkspace, type Workspace } from "./support/run-cli.js";

// Every test spawns real processes (spec CLI-T01): generous limits for a loaded 2-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const Q1 = "region,total\nnorth,12\n";
const Q2 = "region,total\nnorth,15\nsouth,3\n";
let ws: Workspace;

beforeAll(async () => {
  await buildCli();
  ws = await makeWorkspace();
  await ws.write("data/reports/2026/q1.csv", Q1);
  await ws.write("data/reports/2026/q2.csv", Q2);
  await ws.write("data/reports/2026/deep/x.txt", "x");
  await ws.write("data/reports/readme.md", "# reports\n");
  await mkdir(ws.path("data", "reports", "empty"), { recursive: true });
}, 120_000);

afterAll(() => ws.remove());

describe.concurrent("ls (CLI-040)", () => {
  it("CLI-040 lists a folder's entries in code point order, folders with a trailing /", async ({ expect }) => {
    const result = await ws.run(["ls", "reports:"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lines(result.stdout)).toEqual(["2026/", "empty/", "readme.md"]);
  });

  it("CLI-040 CLI-030 -l prints tab-separated kind, exact size, ISO time and name when not on a terminal", async ({ expect }) => {
    const result = await ws.run(["ls", "-l", "reports:2026"]);
    expect(result.code).toBe(0);
    const rows = lines(result.stdout).map((line) => line.split("\t"));
    expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      ["folder", "-", "deep/"],
      ["file", String(Q1.length), "q1.csv"],
      ["file", String(Q2.length), "q2.csv"],
    ]);
    expect(rows[1]?.[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const human = await ws.run(["ls", "-l", "--human", "reports:2026"]);
    expect(lines(human.stdout)[1]?.split("\t")[1]).toBe(`${Q1.length} B`);
  });

  it("CLI-040 -R lists the subtree relative to the folder; --depth limits it; a file lists itself", async ({ expect }) => {
    const recursive = await ws.run(["ls", "-R", "reports:"]);
    expect(lines(recursive.stdout)).toEqual(["2026/", "2026/deep/", "2026/deep/x.txt", "2026/q1.csv", "2026/q2.csv", "empty/", "readme.md"]);
    const depth = await ws.run(["ls", "--depth", "2", "reports:"]);
    expect(lines(depth.stdout)).toEqual(["2026/", "2026/deep/", "2026/q1.csv", "2026/q2.csv", "empty/", "readme.md"]);
    const file = await ws.run(["ls", "reports:2026/q1.csv"]);
    expect(lines(file.stdout)).toEqual(["q1.csv"]);
  });

  it("CLI-040 CLI-032 --json prints the entries as the Store returns them", async ({ expect }) => {
    const result = await ws.run(["ls", "--json", "reports:2026"]);
    const entries = JSON.parse(result.stdout) as { kind: string; path: string; name: string; size?: number; contentType?: string }[];
    expect(entries.map((entry) => [entry.kind, entry.path, entry.size])).toEqual([
      ["folder", "2026/deep", undefined],
      ["file", "2026/q1.csv", Q1.length],
      ["file", "2026/q2.csv", Q2.length],
    ]);
    expect(entries[1]?.contentType).toBe("text/csv");
  });

  it("CLI-040 CLI-033 CLI-034 a missing location is NOT_FOUND (exit 4), one line on stderr naming it", async ({ expect }) => {
    const result = await ws.run(["ls", "reports:nope"]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^remote-store: NOT_FOUND: reports:nope: /)]);
  });
});

describe.concurrent("tree, cat, stat, du, find", () => {
  it("CLI-041 tree shows counts and sizes for every folder; --depth keeps exact counts", async ({ expect }) => {
    const result = await ws.run(["tree", "reports:"]);
    expect(result.code).toBe(0);
    const total = Q1.length + Q2.length + 1 + "# reports\n".length;
    expect(lines(result.stdout)).toEqual([
      `reports:  (4 files, ${total})`,
      `├── 2026/  (3 files, ${Q1.length + Q2.length + 1})`,
      "│   ├── deep/  (1 file, 1)",
      "│   │   └── x.txt  1",
      `│   ├── q1.csv  ${Q1.length}`,
      `│   └── q2.csv  ${Q2.length}`,
      "├── empty/  (0 files, 0)",
      "└── readme.md  10",
    ]);
    const json = JSON.parse((await ws.run(["tree", "--json", "--depth", "1", "reports:"])).stdout) as {
      fileCount: number;
      children: { name: string; fileCount?: number; children?: unknown[] }[];
    };
    expect(json.fileCount).toBe(4);
    const year = json.children.find((child) => child.name === "2026");
    expect(year).toMatchObject({ fileCount: 3 });
    expect(year?.children).toBeUndefined();
  });

  it("CLI-042 cat prints bytes unchanged, several files in order, with ranges; a folder is INVALID_PATH", async ({ expect }) => {
    const both = await ws.run(["cat", "reports:2026/q1.csv", "reports:readme.md"]);
    expect(both).toMatchObject({ code: 0, stdout: `${Q1}# reports\n` });
    const range = await ws.run(["cat", "--offset", "7", "--length", "5", "reports:2026/q1.csv"]);
    expect(range.stdout).toBe(Q1.slice(7, 12));
    const folder = await ws.run(["cat", "reports:2026"]);
    expect(folder.code).toBe(6);
    expect(folder.stderr).toMatch(/^remote-store: INVALID_PATH: reports:2026: /);
  });

  it("CLI-043 stat shows a file's facts and a folder's totals, as text and --json", async ({ expect }) => {
    const text = await ws.run(["stat", "reports:2026/q1.csv"]);
    const rows = Object.fromEntries(lines(text.stdout).map((line) => line.split("\t") as [string, string]));
    expect(rows).toMatchObject({ "location:": "reports:2026/q1.csv", "kind:": "file", "size:": String(Q1.length), "content type:": "text/csv", "metadata:": "-" });
    const file = JSON.parse((await ws.run(["stat", "--json", "reports:2026/q1.csv"])).stdout) as Record<string, unknown>;
    expect(file).toMatchObject({ kind: "file", path: "2026/q1.csv", name: "q1.csv", size: Q1.length, contentType: "text/csv" });
    const folder = JSON.parse((await ws.run(["stat", "--json", "reports:2026"])).stdout) as Record<string, unknown>;
    expect(folder).toMatchObject({ kind: "folder", path: "2026", fileCount: 3, totalSize: Q1.length + Q2.length + 1 });
    expect(typeof folder.modifiedAt).toBe("string");
  });

  it("CLI-044 du prints each folder's size and count, subfolders with --depth, as text and --json", async ({ expect }) => {
    const text = await ws.run(["du", "--depth", "1", "reports:"]);
    expect(lines(text.stdout)).toEqual([
      `${Q1.length + Q2.length + 1}\t3\treports:2026`,
      "0\t0\treports:empty",
      `${Q1.length + Q2.length + 11}\t4\treports:`,
    ]);
    const json = JSON.parse((await ws.run(["du", "--json", "reports:2026", "reports:empty"])).stdout) as { location: string; fileCount: number }[];
    expect(json.map((usage) => [usage.location, usage.fileCount])).toEqual([
      ["reports:2026", 3],
      ["reports:empty", 0],
    ]);
  });

  it("CLI-052 find prints matching files as locations, and --json adds the location", async ({ expect }) => {
    const text = await ws.run(["find", "reports:**/*.csv"]);
    expect(lines(text.stdout)).toEqual(["reports:2026/q1.csv", "reports:2026/q2.csv"]);
    const json = JSON.parse((await ws.run(["find", "--json", "reports:*/q?.csv"])).stdout) as { path: string; location: string }[];
    expect(json.map((file) => [file.path, file.location])).toEqual([
      ["2026/q1.csv", "reports:2026/q1.csv"],
      ["2026/q2.csv", "reports:2026/q2.csv"],
    ]);
  });
});

describe.concurrent("stores and config (CLI-010, CLI-011, CLI-054)", () => {
  it("CLI-054 stores lists every configured store, the config file and the default store; --json has the same facts", async ({ expect }) => {
    const text = await ws.run(["stores"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`config: ${ws.path("remote-store.config.yaml")} (from working directory)`);
    expect(text.stdout).toContain(`default store: ${ws.dir} (plain paths are local files)`);
    expect(lines(text.stdout).slice(-3).map((line) => line.split("\t").slice(0, 3))).toEqual([
      ["backup", "disk (local)", "backup"],
      ["reports", "disk (local)", "reports"],
      ["tiny", "tinymem (memory)", "/"],
    ]);
    const json = JSON.parse((await ws.run(["stores", "--json"])).stdout) as { config: string; defaultStore: { source: string }; stores: Record<string, unknown> };
    expect(json.config).toBe(ws.path("remote-store.config.yaml"));
    expect(json.defaultStore.source).toBe("local");
    expect(json.stores.tiny).toEqual({ backend: "tinymem", type: "memory", rootPath: "", options: { maxSize: 100 } });
  });

  it("CLI-010 --config and REMOTE_STORE_CONFIG choose the file; ${VAR} comes from the environment (CLI-011)", async ({ expect }) => {
    const other = await makeWorkspace({ config: false });
    try {
      await other.write("cfg/stores.json", JSON.stringify({ backends: { d: "file:${DATA_DIR:-missing}" }, stores: { r: { backend: "d" } } }));
      await other.write("elsewhere/hello.txt", "hello");
      const env = { DATA_DIR: other.path("elsewhere") };
      const viaOption = await other.run(["--config", "cfg/stores.json", "cat", "r:hello.txt"], { env });
      expect(viaOption).toMatchObject({ code: 0, stdout: "hello" });
      const viaEnv = await other.run(["cat", "r:hello.txt"], { env: { ...env, REMOTE_STORE_CONFIG: other.path("cfg/stores.json") } });
      expect(viaEnv).toMatchObject({ code: 0, stdout: "hello" });
      const none = await other.run(["stores"]);
      expect(none.stdout).toContain("config: none");
    } finally {
      await other.remove();
    }
  });

  it("CLI-010 CLI-011 a missing, invalid or ambiguous config is exit 3 with one line per problem", async ({ expect }) => {
    const other = await makeWorkspace({ config: false });
    try {
      const missing = await other.run(["ls", "--config", "nope.yaml"]);
      expect(missing.code).toBe(3);
      expect(lines(missing.stderr)).toEqual([expect.stringMatching(/^remote-store: CONFIG_INVALID: .*nope\.yaml: /)]);
      await other.write("bad.json", JSON.stringify({ bakends: {}, stores: { a: { backend: "x" } } }));
      const invalid = await other.run(["--config", "bad.json", "ls"]);
      expect(invalid.code).toBe(3);
      expect(lines(invalid.stderr)).toEqual([
        expect.stringMatching(/^remote-store: CONFIG_INVALID: bakends: unknown key/),
        expect.stringMatching(/^remote-store: CONFIG_INVALID: stores\.a\.backend: unknown backend "x"/),
      ]);
      await other.write("remote-store.config.json", "{}");
      await other.write("remote-store.config.toml", "");
      const several = await other.run(["ls"]);
      expect(several.code).toBe(3);
      expect(several.stderr).toMatch(/several config files \(remote-store\.config\.json, remote-store\.config\.toml\)/);
    } finally {
      await other.remove();
    }
  });
});

describe.concurrent("locations, usage and errors", () => {
  it("CLI-020 CLI-034 an unknown store lists the known ones (exit 3); a bad URL is exit 3; '..' is INVALID_PATH (exit 6)", async ({ expect }) => {
    const unknown = await ws.run(["ls", "reprts:2026"]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/unknown store "reprts" \(known: backup, reports, tiny; did you mean "reports"\?\)/);
    const url = await ws.run(["ls", "file://server/share"]);
    expect(url.code).toBe(3);
    expect(url.stderr).toMatch(/^remote-store: CONFIG_INVALID: file:\/\/server\/share: /);
    const dots = await ws.run(["cat", "reports:../secret"]);
    expect(dots.code).toBe(6);
  });

  it("CLI-020 CLI-023 file: URLs reach local paths; messages show them as absolute paths (CLI-024)", async ({ expect }) => {
    const listed = await ws.run(["ls", "file:./data/reports/2026"]);
    expect(lines(listed.stdout)).toEqual(["deep/", "q1.csv", "q2.csv"]);
    const missing = await ws.run(["cat", `file://${ws.path("data", "nope.txt")}`]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain(`NOT_FOUND: ${ws.path("data", "nope.txt")}: `);
  });

  it("CLI-022 CLI-021 CLI-002 --store (before or after the command, a bare name or a location) makes a store the default; plain paths then name paths in it", async ({ expect }) => {
    const result = await ws.run(["ls", "--store", "reports", "2026"]);
    expect(lines(result.stdout)).toEqual(["deep/", "q1.csv", "q2.csv"]);
    const url = await ws.run(["--store", "file:./data/reports/2026", "cat", "q1.csv"]);
    expect(url.stdout).toBe(Q1);
  });

  it("CLI-003 unknown commands and options suggest the closest one; bad values are usage errors (exit 2)", async ({ expect }) => {
    const command = await ws.run(["lss"]);
    expect(command).toMatchObject({ code: 2, stdout: "" });
    expect(lines(command.stderr)).toEqual(["remote-store: USAGE: unknown command 'lss' (did you mean ls?)"]);
    const option = await ws.run(["ls", "--lng"]);
    expect(lines(option.stderr)).toEqual(["remote-store: USAGE: unknown option '--lng' (did you mean --long?)"]);
    expect(option.code).toBe(2);
    const depth = await ws.run(["ls", "--depth", "-1"]);
    expect(depth.code).toBe(2);
    expect(lines(depth.stderr)).toHaveLength(1);
    const missing = await ws.run(["cat"]);
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)).toEqual(["remote-store: USAGE: missing required argument 'location'"]);
  });

  it("CLI-001 --help lists the commands and the exit-code table; every command has examples; no command is exit 2", async ({ expect }) => {
    const help = await ws.run(["--help"]);
    expect(help.code).toBe(0);
    for (const name of ["ls", "tree", "cat", "put", "get", "rm", "mv", "cp", "mkdir", "stat", "du", "find", "sync", "stores", "doctor", "repl"]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    }
    expect(help.stdout).toMatch(/Exit codes:\n\s+0 {2}success\n/);
    expect(help.stdout).toMatch(/^ +130 {2}interrupted/m);
    const lsHelp = await ws.run(["ls", "--help"]);
    expect(lsHelp.stdout).toContain("Examples:\n  $ remote-store ls");
    const version = await ws.run(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const bare = await ws.run([]);
    expect(bare).toMatchObject({ code: 2, stdout: "" });
    expect(bare.stderr).toContain("Usage: remote-store");
  });

  it("CLI-033 --debug adds the stack; without it there is none", async ({ expect }) => {
    const plain = await ws.run(["cat", "reports:nope.txt"]);
    expect(lines(plain.stderr)).toHaveLength(1);
    const debug = await ws.run(["cat", "--debug", "reports:nope.txt"]);
    expect(debug.code).toBe(4);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
