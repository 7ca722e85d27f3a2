import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, realpath, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LocalBackend } from "../../../src/backends/local/index.js";
import { Journal } from "../../../src/backends/local/journal.js";
import { currentOwner, hostLabel, ownerState, startOf, type Owner } from "../../../src/backends/local/owner.js";
import { compareCodePoints } from "../../../src/paths/compare.js";
import { parseTempName, tempName } from "../../../src/backends/local/temp-name.js";
import { bytes, freshBackend, put, tempDir, text, tree, writeOptions } from "./helpers.js";
import { addedBytes, snapshotTree } from "./tree-snapshot.js";

const CHILD = fileURLToPath(new URL("./crash-writer.ts", import.meta.url));
const JOURNALS = ".remote-store-journals";
const UPLOADS = ".remote-store-uploads";
const MIB = 1024 * 1024;

/** A child process running crash-writer.ts, its readiness and its end (spec TEST-004: awaited, never slept for). */
interface Child {
  readonly pid: number;
  readonly ready: Promise<{ uploadId?: string }>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

function startChild(root: string, mode: "write" | "part" | "exit", path: string): Child {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, root, mode, path], { stdio: ["pipe", "ignore", "pipe", "ipc"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<{ uploadId?: string }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { uploadId?: string }));
    void exited.then(({ code, signal }) => reject(new Error(`crash-writer ended before it was ready (${code ?? signal}): ${stderr}`)));
  });
  return { pid: child.pid ?? -1, ready, exited, kill: () => child.kill("SIGKILL") };
}

/** The pid of a process that has ended. */
async function goneProcessPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid ?? -1;
}

/** A root folder made by hand (not by a backend), its real path, and this process as owner. */
async function bareRoot(): Promise<{ root: string; real: string; self: Owner }> {
  const root = nodePath.join(await tempDir(), "root");
  await mkdir(root);
  return { root, real: await realpath(root), self: await currentOwner() };
}

describe("LocalBackend: a process killed mid-operation (spec LOC-130..LOC-135)", () => {
  it("LOC-133 LOC-132 LOC-131 a writer killed with SIGKILL mid-write: its residue stays while it runs, the next backend on the root removes it, and the tree is exactly as before", async () => {
    const root = nodePath.join(await tempDir(), "root");
    const seed = new LocalBackend({ root });
    await seed.write("d/old.txt", bytes("old"), writeOptions({ metadata: { k: "v" } }));
    await seed.close();
    const before = await snapshotTree(root);

    const child = startChild(root, "write", "d/new/deep/big.bin");
    await child.ready;
    const during = await snapshotTree(root);
    const residue = addedBytes(before, during);
    expect(residue, "the killed writer's temp file holds what it wrote").toBeGreaterThanOrEqual(8 * MIB);
    expect(Object.keys(during).filter((path) => !(path in before))).toEqual([
      JOURNALS,
      expect.stringMatching(new RegExp(`^${JOURNALS}/`)),
      "d/new",
      "d/new/deep",
      expect.stringMatching(/^d\/new\/deep\/\.remote-store-tmp-[a-z0-9-]+\.[0-9a-f]{12}\.\d+\.[0-9a-z]+\.[0-9a-f]{16}$/),
    ]);

    const meanwhile = new LocalBackend({ root });
    expect(await meanwhile.exists("d/new/deep/big.bin")).toBe(false);
    await meanwhile.close();
    expect(await snapshotTree(root), "a running writer's residue is kept").toEqual(during);

    child.kill();
    expect(await child.exited).toMatchObject({ signal: "SIGKILL" });
    const after = new LocalBackend({ root });
    expect(await after.exists("d/new")).toBe(false);
    expect(await snapshotTree(root), `residue left (${residue} bytes before the sweep)`).toEqual(before);
    expect(await text(after, "d/old.txt")).toBe("old");
    await after.close();
  });

  it("LOC-134 LOC-133 a writer killed while uploading a part: the part in flight goes, the upload stays in progress and can be completed", async () => {
    const root = nodePath.join(await tempDir(), "root");
    const child = startChild(root, "part", "up/file.bin");
    const { uploadId } = await child.ready;
    const folder = nodePath.join(root, UPLOADS, uploadId ?? "");
    expect((await readdir(folder)).filter((name) => name.startsWith(".remote-store-tmp-"))).toHaveLength(1);
    child.kill();
    await child.exited;

    const after = new LocalBackend({ root });
    const uploads = await after.listMultipartUploads();
    expect(uploads.map((upload) => [upload.uploadId, upload.path])).toEqual([[uploadId, "up/file.bin"]]);
    expect((await readdir(folder)).sort()).toEqual(["manifest.json", expect.stringMatching(/^part-1-[0-9a-f]{32}$/)]);
    const parts = await after.listParts(uploadId ?? "");
    expect(parts.map((part) => [part.partNumber, part.size])).toEqual([[1, MIB]]);
    await after.completeMultipartUpload(uploadId ?? "", parts);
    expect((await after.getFileInfo("up/file.bin")).size).toBe(MIB);
    await after.close();
    expect(Object.keys(await snapshotTree(root))).toEqual(["up", "up/.remote-store", "up/.remote-store/file.bin", "up/file.bin"]);
  });

  it("LOC-132 a process that ends normally without closing its backend leaves no journal", async () => {
    const root = nodePath.join(await tempDir(), "root");
    const child = startChild(root, "exit", "a/b.bin");
    await child.ready;
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(Object.keys(await snapshotTree(root))).toEqual(["a", "a/.remote-store", "a/.remote-store/b.bin", "a/b.bin"]);
  });

  it("LOC-131 LOC-133 the sweep removes only what a gone owner left: entries of this process, another host and unknown owners stay", async () => {
    const { root, real, self } = await bareRoot();
    const gone: Owner = { ...self, pid: await goneProcessPid() };
    const elsewhere: Owner = { ...self, host: "elsewhere.example", hostId: "0123456789ab" };
    await mkdir(nodePath.join(real, "f"));
    await writeFile(nodePath.join(real, "f", "keep.txt"), "user data");

    const dead = new Journal({ realRoot: real, owner: gone });
    const deadFile = await dead.temp(nodePath.join(real, "f"));
    await writeFile(deadFile, "half a file");
    const deadFolder = await dead.temp(nodePath.join(real, "f"));
    await mkdir(deadFolder);
    await writeFile(nodePath.join(deadFolder, "x"), "half a copy");
    const deadSidecar = await dead.temp(nodePath.join(real, "f", ".remote-store"));
    await mkdir(nodePath.dirname(deadSidecar));
    await writeFile(deadSidecar, "{}");
    const foreign = new Journal({ realRoot: real, owner: elsewhere });
    await writeFile(await foreign.temp(nodePath.join(real, "f")), "another host's write");
    const live = new Journal({ realRoot: real, owner: self });
    await writeFile(await live.temp(nodePath.join(real, "f")), "this process's write");
    await writeFile(nodePath.join(real, "f", ".remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962"), "an older version's temp file");
    const journals = (await readdir(nodePath.join(real, JOURNALS))).sort();
    expect(journals).toHaveLength(3);

    const backend = new LocalBackend({ root });
    expect(await backend.isFile("f/keep.txt")).toBe(true);
    const left = await readdir(nodePath.join(real, "f"));
    const owners = left.map((name) => {
      const owner = parseTempName(name)?.owner;
      return owner === undefined ? name : `${owner.hostId}/${owner.pid}`;
    });
    expect(owners.sort(), "the sidecar folder emptied by the sweep is gone too").toEqual(
      ["keep.txt", ".remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962", `${elsewhere.hostId}/${self.pid}`, `${self.hostId}/${self.pid}`].sort(),
    );
    expect(await readdir(nodePath.join(real, JOURNALS))).toEqual(journals.filter((name) => !name.includes(`.${gone.pid}.`)));
    expect(await tree(backend)).toEqual({ files: ["f/keep.txt"], folders: ["f"] });
    await backend.close();
  });

  it("LOC-133 LOC-112 a folder a gone process moved aside goes back where its name is free, and is removed where the replacement happened", async () => {
    const { root, real, self } = await bareRoot();
    const dead = new Journal({ realRoot: real, owner: { ...self, pid: await goneProcessPid() } });
    const interrupted = dead.operation();
    const asideD = await dead.temp(real);
    await interrupted.aside(asideD, nodePath.join(real, "d"));
    await mkdir(asideD);
    await writeFile(nodePath.join(asideD, "old.txt"), "old d");
    const replaced = dead.operation();
    const asideE = await dead.temp(real);
    await replaced.aside(asideE, nodePath.join(real, "e"));
    await mkdir(asideE);
    await writeFile(nodePath.join(asideE, "old.txt"), "old e");
    await mkdir(nodePath.join(real, "e"));
    await writeFile(nodePath.join(real, "e", "new.txt"), "new e");

    const backend = new LocalBackend({ root });
    expect(await tree(backend)).toEqual({ files: ["d/old.txt", "e/new.txt"], folders: ["d", "e"] });
    expect(await text(backend, "d/old.txt")).toBe("old d");
    expect((await readdir(real)).sort()).toEqual(["d", "e"]);
    await backend.close();
  });

  it("LOC-133 LOC-042 parent folders an unfinished operation of a gone process created go while empty; finished operations' and non-empty ones stay", async () => {
    const { root, real, self } = await bareRoot();
    const dead = new Journal({ realRoot: real, owner: { ...self, pid: await goneProcessPid() } });
    const unfinished = dead.operation();
    for (const folder of ["a", "a/b"]) {
      await mkdir(nodePath.join(real, folder));
      await unfinished.created(nodePath.join(real, folder));
    }
    const filled = dead.operation();
    await mkdir(nodePath.join(real, "c"));
    await filled.created(nodePath.join(real, "c"));
    await writeFile(nodePath.join(real, "c", "file.txt"), "x");
    const finished = dead.operation();
    await mkdir(nodePath.join(real, "e"));
    await finished.created(nodePath.join(real, "e"));
    await finished.end();

    const backend = new LocalBackend({ root });
    expect(await tree(backend)).toEqual({ files: ["c/file.txt"], folders: ["c", "e"] });
    expect((await readdir(real)).sort()).toEqual(["c", "e"]);
    await backend.close();
  });

  it("LOC-133 the sweep never removes the root, whatever its own name", async () => {
    const root = nodePath.join(await tempDir(), ".remote-store-named-root");
    await mkdir(root);
    const real = await realpath(root);
    const dead = new Journal({ realRoot: real, owner: { ...(await currentOwner()), pid: await goneProcessPid() } });
    await writeFile(await dead.temp(real), "half a file");
    const backend = new LocalBackend({ root });
    expect(await backend.isFolder("")).toBe(true);
    expect(await readdir(real)).toEqual([]);
    await backend.close();
  });

  it("LOC-130 a temp name carries its owner: host for people, host id, pid and process start; this process is alive", async () => {
    const self = await currentOwner();
    const name = tempName(self);
    expect(name).toMatch(/^\.remote-store-tmp-[a-z0-9-]{1,32}\.[0-9a-f]{12}\.\d+\.[0-9a-z]+\.[0-9a-f]{16}$/);
    expect(parseTempName(name)?.owner).toEqual({ host: hostLabel(self.host), hostId: self.hostId, pid: process.pid, start: self.start });
    expect(tempName(self)).not.toBe(name);
    expect(parseTempName(tempName({ ...self, host: "Büro_PC.Example.COM" }))?.owner.host).toBe("b-ro-pc-example-com");
    expect(parseTempName(tempName({ ...self, host: "x".repeat(80) }))?.owner.host).toBe("x".repeat(32));
    for (const other of [".remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962", ".remote-store", "keep.txt", `${name}x`]) expect(parseTempName(other)).toBeUndefined();
    if (process.platform === "linux") expect(self.start).toMatch(/^[0-9a-f]{8}[0-9a-z]+$/);
    expect(await ownerState(self, self)).toBe("alive");
  });

  it("LOC-131 gone: no such process, another boot, a recycled pid; alive: an existing process, another host, an unreadable start", async () => {
    const self = await currentOwner();
    expect(await ownerState({ ...self, pid: await goneProcessPid() }, self)).toBe("gone");
    expect(await ownerState({ ...self, hostId: "0123456789ab", pid: await goneProcessPid() }, self)).toBe("other-host");
    const parent = { ...self, pid: process.ppid, start: (await startOf(process.ppid, self)) ?? "0" };
    expect(await ownerState(parent, self)).toBe("alive");
    if (process.platform === "linux") {
      expect(await ownerState({ ...self, start: `${self.start.slice(0, 8)}1` }, self), "this pid, another start: recycled").toBe("gone");
      const otherBoot = self.start.startsWith("00000000") ? "11111111" : "00000000";
      expect(await ownerState({ ...self, pid: process.ppid, start: `${otherBoot}${self.start.slice(8)}` }, self)).toBe("gone");
    } else {
      expect(await ownerState({ ...self, start: "0" }, self)).toBe("alive");
    }
  });

  it("LOC-132 the journal: written before the first temp entry, one record per new folder, gone at close", async () => {
    const { backend, root } = await freshBackend();
    await put(backend, "a/b/one.txt");
    const [journal] = await readdir(nodePath.join(root, JOURNALS));
    const file = nodePath.join(root, JOURNALS, journal ?? "");
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    const self = await currentOwner();
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ v: 1, host: self.host, hostId: self.hostId, pid: process.pid, start: self.start });
    expect(lines.slice(1).map((line) => JSON.parse(line) as unknown)).toEqual([
      { t: "mk", op: 1, p: "a" },
      { t: "mk", op: 1, p: "a/b" },
      { t: "dir", p: "a/b" },
      { t: "end", op: 1 },
    ]);
    await put(backend, "a/b/two.txt");
    await put(backend, "a/b/one.txt", "again", { overwrite: true });
    expect((await readFile(file, "utf8")).trim().split("\n")).toHaveLength(lines.length);
    await backend.close();
    expect(Object.keys(await snapshotTree(root))).toEqual(["a", "a/b", "a/b/one.txt", "a/b/two.txt"]);
  });

  it("LOC-132 an idle backend starts a new journal after 256 folder records", async () => {
    const { backend, root } = await freshBackend();
    const binary = writeOptions({ contentType: "application/octet-stream" });
    for (let i = 0; i < 256; i++) await backend.write(`f${i}/x.bin`, bytes("x"), binary);
    expect(await readdir(nodePath.join(root, JOURNALS))).toHaveLength(1);
    await backend.write("f256/x.bin", bytes("x"), binary);
    expect(await readdir(root)).not.toContain(JOURNALS);
    await backend.write("f0/y.bin", bytes("y"), binary);
    expect(await readdir(nodePath.join(root, JOURNALS))).toHaveLength(1);
    await backend.close();
    expect(await readdir(root)).not.toContain(JOURNALS);
  });

  it("LOC-132 where the journal cannot be written the backend works without one", async () => {
    const { backend, root } = await freshBackend();
    await mkdir(root);
    await writeFile(nodePath.join(root, JOURNALS), "not a folder");
    await put(backend, "a/b.txt", "works");
    expect(await text(backend, "a/b.txt")).toBe("works");
    expect(await readFile(nodePath.join(root, JOURNALS), "utf8")).toBe("not a folder");
    await backend.close();
  });

  it("LOC-135 findResidue reports every temp entry, journal and upload with its owner and state, and removes nothing", async () => {
    const { root, real, self } = await bareRoot();
    const elsewhere: Owner = { ...self, host: "elsewhere", hostId: "0123456789ab" };
    const backend = new LocalBackend({ root });
    const mine = await backend.startMultipartUpload("up/mine.bin", { overwrite: false, contentType: "text/plain", metadata: undefined });
    await mkdir(nodePath.join(real, "x", ".remote-store"), { recursive: true });
    const mineTemp = tempName(self);
    await writeFile(nodePath.join(real, "x", mineTemp), "12345");
    const foreign = new Journal({ realRoot: real, owner: elsewhere });
    const folder = await foreign.temp(nodePath.join(real, "x", ".remote-store"));
    await mkdir(folder);
    await writeFile(nodePath.join(folder, "a"), "abc");
    await writeFile(nodePath.join(real, "x", ".remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962"), "old");
    const before = await snapshotTree(root);

    const journals = await readdir(nodePath.join(real, JOURNALS));
    const journal = (hostId: string): string => `${JOURNALS}/${journals.find((name) => name.includes(`.${hostId}.`)) ?? "?"}`;
    const label = hostLabel(self.host);
    const found = await backend.findResidue();
    const upload = found.find((entry) => entry.kind === "upload");
    expect([upload?.target, upload?.startedAt instanceof Date, upload?.owner?.host]).toEqual(["up/mine.bin", true, self.host]);
    const described = found.map((entry) => [entry.path, entry.kind, entry.kind === "journal" || entry.kind === "upload" ? "-" : entry.size, entry.owner?.host, entry.owner?.pid, entry.state]);
    expect(described).toEqual(
      [
        [journal(elsewhere.hostId), "journal", "-", "elsewhere", self.pid, "other-host"],
        [journal(self.hostId), "journal", "-", label, self.pid, "alive"],
        [`${UPLOADS}/${mine}`, "upload", "-", self.host, self.pid, "alive"],
        [`x/${mineTemp}`, "file", 5, label, self.pid, "alive"],
        ["x/.remote-store-tmp-3b241101-e2bb-4255-8caf-4136c566a962", "file", 3, undefined, undefined, "unknown"],
        [`x/.remote-store/${nodePath.basename(folder)}`, "folder", 3, "elsewhere", self.pid, "other-host"],
      ].sort((a, b) => compareCodePoints(String(a[0]), String(b[0]))),
    );
    expect(await snapshotTree(root)).toEqual(before);
    await backend.abortMultipartUpload(mine);
    await backend.close();
  });
});
