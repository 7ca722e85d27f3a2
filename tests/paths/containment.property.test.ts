import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { snapshotTree, type TreeEntry } from "../store/support/snapshot.js";
import { OP, everyOp, runOp, tally, type Op } from "./support/containment-ops.js";
import { HOSTILE_PATH, INSIDE_FILES, OUTSIDE_FILES, ROOT } from "./support/hostile.js";

interface World {
  readonly backend: MemoryBackend;
  readonly jailed: Store;
  readonly view: Store;
  readonly outsideBefore: readonly TreeEntry[];
}

/** Runs per property; raise it locally (e.g. CONTAINMENT_RUNS=5000) for a deeper search. */
const RUNS = Math.max(300, Number(process.env.CONTAINMENT_RUNS ?? 0));
/** Generous per-test limit for the properties (a ceiling for slow machines, not a timing assertion). */
const TIMEOUT = RUNS * 200;

function outside(entries: readonly TreeEntry[]): TreeEntry[] {
  return entries.filter((entry) => !entry.path.startsWith(`${ROOT}/`));
}

async function world(): Promise<World> {
  let tick = Date.UTC(2020, 0, 1);
  const backend = new MemoryBackend({ name: "jail-test", clock: () => new Date((tick += 1000)) });
  const view = new Store({ backend });
  for (const [path, content] of Object.entries({ ...OUTSIDE_FILES, ...INSIDE_FILES })) {
    await view.write(path, content, { metadata: { origin: path } });
  }
  const outsideBefore = outside(await snapshotTree(backend));
  expect(outsideBefore.filter((e) => e.kind === "file")).toHaveLength(Object.keys(OUTSIDE_FILES).length);
  return { backend, view, outsideBefore, jailed: new Store({ backend, rootPath: ROOT }) };
}

async function runAll(ops: readonly Op[], through?: (w: World) => Store): Promise<void> {
  const w = await world();
  const { backend, view, outsideBefore } = w;
  const jailed = through === undefined ? w.jailed : through(w);
  for (const op of ops) await runOp(op, jailed, ROOT, view, backend);
  expect(outside(await snapshotTree(backend))).toEqual(outsideBefore);
  expect(await view.isFolder(ROOT)).toBe(true);
}

describe("containment", () => {
  it("PATH-011 no sequence of hostile operations through a rooted Store touches anything outside its root (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(OP, { minLength: 1, maxLength: 12 }), async (ops) => runAll(ops)),
      { numRuns: RUNS },
    );
    // Not vacuous: many hostile paths normalise to valid ones, so operations also succeed.
    const counts = [...tally].reduce((sum, [key, n]) => (key.endsWith(":ok") ? { ...sum, ok: sum.ok + n } : { ...sum, rejected: sum.rejected + n }), { ok: 0, rejected: 0 });
    expect(counts.ok).toBeGreaterThan(500);
    expect(counts.rejected).toBeGreaterThan(500);
  }, TIMEOUT);

  it("PATH-011 the oracle catches an escape: the same checks fail for a store that is not rooted", async () => {
    const escaping = fc.array(OP, { minLength: 1, maxLength: 12 }).map((ops): Op[] => [
      ...ops,
      { kind: "write", path: "outside.txt", overwrite: true, content: "w0" },
    ]);
    await expect(
      fc.assert(
        fc.asyncProperty(escaping, async (ops) => runAll(ops, (w) => new Store({ backend: w.backend }))),
        { numRuns: 20 },
      ),
    ).rejects.toThrow();
  }, 60_000);

  it("PATH-011 every Store method, given one hostile path, stays inside the root (property)", async () => {
    await fc.assert(
      fc.asyncProperty(HOSTILE_PATH, HOSTILE_PATH, async (path, other) => runAll(everyOp(path, other))),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("PATH-011 positive control: near-miss spellings of real paths succeed through the same checks", async () => {
    const w = await world();
    const controls: Op[] = [
      { kind: "read", path: "/in.txt" },
      { kind: "readText", path: ".\\sub\\x.txt" },
      { kind: "getFileInfo", path: "a//b/" },
      { kind: "write", path: "/new/./f.txt", overwrite: false, content: "w1" },
      { kind: "copy", src: "new/f.txt", dst: "\\copied.txt", overwrite: false },
      { kind: "move", src: "copied.txt", dst: "moved/", overwrite: false },
      { kind: "createFolder", path: "/made/deep/", existOk: false },
      { kind: "copyFolder", src: "sub/", dst: "./sub-copy", overwrite: false },
      { kind: "moveFolder", src: "sub-copy", dst: "made/deep/sub", overwrite: false },
      { kind: "multipart", path: "/parts.bin", content: "w2" },
      { kind: "child", sub: "/made/", then: { kind: "listFiles", path: "", recursive: true } },
      { kind: "glob", pattern: "/**/*.txt" },
      { kind: "delete", path: "moved", missingOk: false },
      { kind: "deleteFolder", path: "made\\", recursive: true, missingOk: false },
    ];
    for (const op of controls) expect(await runOp(op, w.jailed, ROOT, w.view, w.backend), op.kind).toBe(true);
    expect(outside(await snapshotTree(w.backend))).toEqual(w.outsideBefore);
  });

  it("PATH-011 classic traversal spellings are rejected or stay inside", async () => {
    const spellings = [
      "../outside.txt", "..\\outside.txt", "/../../outside.txt", "./../inner-sibling/x.txt", "sub/../../outside.txt",
      "%2e%2e/outside.txt", "%2e%2e%2foutside.txt", "..%2foutside.txt", "C:\\..\\outside.txt", "~/../outside.txt",
      "/jail/outside.txt", "\\\\server\\share", "in.txt\0../../outside.txt", "a/b", "/a/b",
    ];
    await runAll(spellings.flatMap((path) => everyOp(path, "dst.txt")));
  }, 60_000);
});
