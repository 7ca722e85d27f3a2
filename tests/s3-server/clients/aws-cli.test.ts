import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpStore } from "../../../src/testing/index.js";
import { CREDENTIALS, startHarness, type Harness } from "../support/harness.js";
import { awsEnv, missingTool, run, type Ran } from "./support.js";

// S3S-T06: the aws CLI (v1 from the machine's Python, or Debian's awscli): cp (multipart above
// 8 MiB, concurrent parts), sync, ls, download to stdout and rm, with its default checksums.
const MISSING = missingTool("aws", ["--version"], "apt-get install awscli");
const BIG = 9 * 1024 * 1024;

let h: Harness;
let dir: string;

function aws(...args: string[]): Promise<Ran> {
  const quiet = args[0] === "cp" || args[0] === "sync" ? ["--no-progress"] : [];
  return run("aws", ["s3", ...args, "--endpoint-url", h.server.endpoint, ...quiet], { env: awsEnv(CREDENTIALS), cwd: dir });
}

describe.skipIf(MISSING !== undefined)(`the aws CLI against serveS3${MISSING === undefined ? "" : ` — ${MISSING}`}`, () => {
  beforeAll(async () => {
    h = await startHarness({}, "clibucket");
    dir = await mkdtemp(join(tmpdir(), "rs-aws-cli-"));
    await writeFile(join(dir, "big.bin"), Buffer.alloc(BIG, 7));
    await writeFile(join(dir, "small.txt"), "small file");
    await mkdir(join(dir, "tree", "deep"), { recursive: true });
    await writeFile(join(dir, "tree", "a.txt"), "a");
    await writeFile(join(dir, "tree", "b c.txt"), "b");
    await writeFile(join(dir, "tree", "deep", "d.txt"), "d");
  });
  afterAll(async () => {
    await h?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("S3S-T06 aws s3 cp (a 9 MiB multipart upload and a small file with type and metadata), sync, ls, cp to stdout, a second sync that copies nothing, rm --recursive", async () => {
    const ok = (ran: Ran): string => {
      expect([ran.code, ran.stderr]).toEqual([0, ""]);
      return ran.stdout;
    };
    ok(await aws("cp", "big.bin", `s3://${h.bucket}/cli/big.bin`));
    const big = await h.bucketStore.getFileInfo("cli/big.bin");
    expect(big.size).toBe(BIG);
    expect(Buffer.from(await h.bucketStore.readBytes("cli/big.bin")).equals(Buffer.alloc(BIG, 7))).toBe(true);
    ok(await aws("cp", "small.txt", `s3://${h.bucket}/cli/small.txt`, "--content-type", "text/x-note", "--metadata", "origin=cli"));
    expect((await h.bucketStore.getFileInfo("cli/small.txt")).metadata).toEqual({ origin: "cli" });
    ok(await aws("sync", "tree", `s3://${h.bucket}/cli/synced`));
    expect(await dumpStore(h.bucketStore, "cli/synced")).toEqual({ "a.txt": "a", "b c.txt": "b", "deep/d.txt": "d" });
    const listed = ok(await aws("ls", `s3://${h.bucket}/cli/`, "--recursive")).trim().split("\n").map((line) => line.split(/\s+/).slice(2).join(" "));
    expect(listed).toEqual([`${BIG} cli/big.bin`, "10 cli/small.txt", "1 cli/synced/a.txt", "1 cli/synced/b c.txt", "1 cli/synced/deep/d.txt"]);
    expect(ok(await aws("cp", `s3://${h.bucket}/cli/small.txt`, "-"))).toBe("small file");
    expect(ok(await aws("sync", "tree", `s3://${h.bucket}/cli/synced`))).toBe("");
    ok(await aws("rm", `s3://${h.bucket}/cli/`, "--recursive"));
    expect(await dumpStore(h.bucketStore)).toEqual({});
  }, 180_000);
});
