import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalBackend } from "../../src/backends/local/index.js";
import { removeScratch } from "../../src/cli/commands/doctor-cleanup.js";
import { snapshotTree } from "../backends/local/tree-snapshot.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const encoder = new TextEncoder();
const plain = { overwrite: false, contentType: "text/plain", metadata: undefined };
const SCRATCH = "remote-store-doctor-0a1b2c3d";

describe("doctor's cleanup (spec CLI-057)", () => {
  it("CLI-057 the uploads a failing check left below the scratch folder are aborted and the folder removed; everything else stays", async () => {
    const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-doctor-"));
    dirs.push(dir);
    const root = nodePath.join(dir, "store");
    const user = new LocalBackend({ root });
    await user.write("keep.txt", encoder.encode("keep"), plain);
    const mine = await user.startMultipartUpload("big/upload.bin", plain);
    await user.uploadPart(mine, 1, encoder.encode("the user's part"));
    await user.close();
    const before = await snapshotTree(root);

    // What a check that failed half-way leaves: its files and its unfinished uploads.
    const check = new LocalBackend({ root });
    await check.write(`${SCRATCH}/case/a.txt`, encoder.encode("a"), plain);
    const left = await check.startMultipartUpload(`${SCRATCH}/case/part.bin`, plain);
    await check.uploadPart(left, 1, encoder.encode("x"));
    await check.startMultipartUpload(`${SCRATCH}/other/empty.bin`, plain);
    await check.close();

    await removeScratch(() => new LocalBackend({ root }), SCRATCH);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("CLI-057 cleanup never throws, so that it can run after a failure or an interrupt", async () => {
    await expect(removeScratch(() => Promise.reject(new Error("cannot connect")), SCRATCH)).resolves.toBeUndefined();
    await expect(removeScratch(() => new LocalBackend({ root: "\0" }), SCRATCH)).resolves.toBeUndefined();
  });
});
