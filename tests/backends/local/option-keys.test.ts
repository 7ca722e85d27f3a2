import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { describe, expect, it } from "vitest";
import { LocalBackend } from "../../../src/backends/local/index.js";
import { Store } from "../../../src/index.js";
import { S3Backend } from "../../../src/s3.js";

describe("unknown option keys on Node backends (spec ST-093)", () => {
  it("ST-093 LocalBackend's and S3Backend's constructors refuse a typo with the likely key", () => {
    expect(() => new LocalBackend({ root: "/tmp/x", rot: 1 } as never)).toThrow(/options\.rot is not a known option \(known: root; did you mean "root"\?\)/);
    expect(() => new S3Backend({ bucket: "b", regoin: "us-east-1" } as never)).toThrow(/options\.regoin is not a known option \(known: .*did you mean "region"\?\)/);
  });

  it("ST-093 a local store given a typo'd option changes nothing on disk", async () => {
    const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-options-"));
    try {
      const store = new Store({ backend: new LocalBackend({ root: dir }) });
      await expect(store.write("a.txt", "x", { contentTyp: "text/plain" } as never)).rejects.toThrow(/options\.contentTyp is not a known option .*did you mean "contentType"\?/);
      expect(await store.exists("a.txt")).toBe(false);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
