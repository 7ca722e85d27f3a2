import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpStore } from "../../../src/testing/index.js";
import { CREDENTIALS, startHarness, type Harness } from "../support/harness.js";
import { awsEnv, missingTool, run } from "./support.js";

// S3S-T06: boto3, the Python SDK, with its defaults (CRC32 checksums, Expect: 100-continue, encoding-type=url).
const SCRIPT = fileURLToPath(new URL("./boto3-client.py", import.meta.url));
const MISSING = missingTool("python3", ["-c", "import boto3"], "boto3 comes with the machine image's Python; pip is not used here");

let h: Harness;

describe.skipIf(MISSING !== undefined)(`boto3 against serveS3${MISSING === undefined ? "" : ` — ${MISSING}`}`, () => {
  beforeAll(async () => {
    h = await startHarness({}, "pybucket");
  });
  afterAll(() => h?.close());

  it("S3S-T06 a boto3 program: put with metadata, ranged and conditional get, paginated listing, copy, batch delete, a multipart transfer and its download, a presigned URL, an error", async () => {
    const ran = await run("python3", [SCRIPT], { env: awsEnv(CREDENTIALS, { S3_ENDPOINT: h.server.endpoint, S3_BUCKET: h.bucket }) });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const seen = JSON.parse(ran.stdout) as Record<string, unknown>;
    expect(seen).toEqual({
      range: [206, "bytes 6-9/16", "from"],
      head: [16, "text/plain", { lang: "python" }, `"${createHash("md5").update("hello from boto3").digest("hex")}"`],
      not_modified: "304",
      listed: [0, 1, 2, 3, 4].map((i) => `py/many/file ${i}+x.txt`),
      folders: ["py/many/"],
      deleted: [0, 1, 2].map((i) => `py/many/file ${i}+x.txt`),
      multipart: [11 * 1024 * 1024, true, "COMPOSITE"],
      download_md5: true,
      presigned: [200, "hello from boto3"],
      missing: ["NoSuchKey", 404],
    });
    const tree = await dumpStore(h.bucketStore, "py");
    expect(Object.keys(tree)).toEqual(["big.bin", "copy.txt", "hello.txt", "many/file 3+x.txt", "many/file 4+x.txt"]);
    expect([tree["hello.txt"], tree["copy.txt"]]).toEqual(["hello from boto3", "hello from boto3"]);
    expect((await h.bucketStore.getFileInfo("py/hello.txt")).metadata).toEqual({ lang: "python" });
  }, 180_000);
});
