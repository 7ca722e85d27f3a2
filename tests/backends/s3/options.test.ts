import { inspect } from "node:util";
import { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { S3Backend } from "../../../src/s3.js";
import { KeyMap, normalizePrefix } from "../../../src/backends/s3/keys.js";
import { expectCode, expectRangeError, expectTypeError } from "../../errors/expect-code.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";

function backend(extra: Record<string, unknown> = {}): S3Backend {
  return new S3Backend({ bucket: "bkt", region: "eu-west-1", credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET }, ...extra });
}

describe("S3Backend options (no server)", () => {
  it("S3-001 needs an options object with a bucket name; bad options are TypeError/RangeError naming the option", async () => {
    await expectTypeError(() => new S3Backend(undefined as never), "options");
    await expectTypeError(() => new S3Backend({} as never), "bucket");
    await expectTypeError(() => new S3Backend({ bucket: "" }), "bucket");
    await expectTypeError(() => new S3Backend({ bucket: "a/b" }), "bucket");
    await expectTypeError(() => backend({ prefix: 5 }), "prefix");
    await expectTypeError(() => backend({ endpoint: "not a url" }), "endpoint");
    await expectTypeError(() => backend({ endpoint: "ftp://x" }), "endpoint");
    await expectTypeError(() => backend({ forcePathStyle: "yes" }), "forcePathStyle");
    await expectTypeError(() => backend({ conditionalWrites: 1 }), "conditionalWrites");
    await expectTypeError(() => backend({ credentials: { accessKeyId: KEY_ID } }), "credentials.secretAccessKey");
    await expectTypeError(() => backend({ partSize: 6_000_000.5 }), "partSize");
    await expectRangeError(() => backend({ partSize: 1024 }));
    await expectRangeError(() => backend({ pageSize: 1001 }));
    await expectRangeError(() => backend({ queueSize: 0 }));
    await expectRangeError(() => backend({ urlExpiresIn: 604_801 }));
  });

  it("S3-001 a TypeError about credentials never echoes their values", async () => {
    const error = await expectTypeError(() => backend({ credentials: { accessKeyId: KEY_ID, secretAccessKey: 42 } }), "credentials.secretAccessKey");
    expect(error.message).not.toContain(KEY_ID);
  });

  it("S3-001 the constructor makes no request, and name is \"s3\"", () => {
    let sent = 0;
    const client = { send: () => ((sent += 1), Promise.reject(new Error("no"))), destroy: () => undefined } as unknown as S3Client;
    const b = new S3Backend({ bucket: "bkt", client });
    expect(b.name).toBe("s3");
    expect(sent).toBe(0);
  });

  it("S3-002 a supplied client cannot be combined with client options, and is not destroyed by close()", async () => {
    const client = new S3Client({ region: "us-east-1" });
    await expectTypeError(() => new S3Backend({ bucket: "bkt", client, region: "us-east-1" }), "region");
    await expectTypeError(() => new S3Backend({ bucket: "bkt", client: {} as never }), "client");
    let destroyed = false;
    const watched = Object.assign(client, { destroy: () => void (destroyed = true) });
    const b = new S3Backend({ bucket: "bkt", client: watched });
    await b.close();
    expect(destroyed).toBe(false);
  });

  it("S3-002 static credentials are copied: the caller's (even frozen) object is not changed", async () => {
    const credentials = Object.freeze({ accessKeyId: KEY_ID, secretAccessKey: SECRET });
    const b = new S3Backend({ bucket: "bkt", region: "us-east-1", credentials });
    expect(await b.url("x.txt")).toContain("X-Amz-Credential=");
    expect(Object.keys(credentials)).toEqual(["accessKeyId", "secretAccessKey"]);
  });

  it("S3-003 the prefix is normalised: slashes trimmed and collapsed; . and .. segments are a TypeError", async () => {
    expect(normalizePrefix(undefined)).toBe("");
    expect(normalizePrefix("")).toBe("");
    expect(normalizePrefix("/")).toBe("");
    expect(normalizePrefix("/team//data/")).toBe("team/data/");
    expect(normalizePrefix("a\\b")).toBe("a\\b/");
    expect(backend({ prefix: "x/y" }).prefix).toBe("x/y/");
    await expectTypeError(() => normalizePrefix("a/../b"), "prefix");
    await expectTypeError(() => normalizePrefix("./a"), "prefix");
    await expectTypeError(() => normalizePrefix("a\0b"), "prefix");
  });

  it("S3-003 a key over 1,024 UTF-8 bytes is InvalidPath naming the backend path, without the prefix", async () => {
    const keys = new KeyMap("p/");
    expect(keys.fileKey("a".repeat(1022))).toBe(`p/${"a".repeat(1022)}`);
    await expectCode(() => keys.fileKey("a".repeat(1023)), "INVALID_PATH", "a".repeat(1023));
    await expectCode(() => keys.fileKey("é".repeat(512)), "INVALID_PATH", "é".repeat(512));
    await expectCode(() => backend().readBytes("é".repeat(513), { offset: 0, length: undefined }), "INVALID_PATH", "é".repeat(513));
  });

  it("S3-010 S3-012 keys map to paths: markers end in /, unusable keys are no path", () => {
    const keys = new KeyMap("p/");
    expect(keys.folderPrefix("")).toBe("p/");
    expect(keys.folderPrefix("a/b")).toBe("p/a/b/");
    expect(keys.markerKey("a")).toBe("p/a/");
    expect(keys.relativeSegments("p/a/b.txt", "p/")).toEqual({ segments: ["a", "b.txt"], marker: false });
    expect(keys.relativeSegments("p/a/", "p/")).toEqual({ segments: ["a"], marker: true });
    expect(keys.relativeSegments("p/a/", "p/a/"), "a folder's own marker").toBeUndefined();
    for (const bad of ["p/a//b", "p/./a", "p/a/../b", "p/a\\b", "p//", "q/a", "p/a/b//"]) expect(keys.relativeSegments(bad, "p/"), bad).toBeUndefined();
  });

  it("S3-005 toString, toJSON and util.inspect show bucket, prefix and endpoint, never credentials", () => {
    const b = backend({ prefix: "team", endpoint: `https://user:${encodeURIComponent(SECRET)}@minio.example:9000/?token=abcdef` , forcePathStyle: true });
    for (const text of [b.toString(), JSON.stringify(b), inspect(b), inspect({ nested: b }), b.endpoint]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(encodeURIComponent(SECRET));
      expect(text).not.toContain(KEY_ID);
      expect(text).not.toContain("abcdef");
      expect(text).not.toContain("user");
    }
    expect(b.toString()).toContain('bucket="bkt"');
    expect(b.toString()).toContain("minio.example:9000");
    expect(backend().endpoint).toBe("AWS S3 (eu-west-1)");
  });

  it("S3-004 declares exactly its capabilities (no atomicMove, atomicMoveFolder, setModifiedAt)", () => {
    expect([...backend().capabilities].sort()).toEqual(
      ["atomicWrite", "copy", "copyFolder", "createFolder", "delete", "glob", "list", "metadata", "move", "moveFolder", "multipart", "rangeRead", "read", "url", "userMetadata", "watch", "write"].sort(),
    );
  });

  it("S3-095 close() is idempotent and every later call rejects with BackendUnavailable", async () => {
    const b = backend();
    await b.close();
    await b.close();
    await expectCode(b.exists("a"), "BACKEND_UNAVAILABLE", "a");
    await expectCode(b.readBytes("a", { offset: 0, length: undefined }), "BACKEND_UNAVAILABLE", "a");
    await expectCode(b.url("a"), "BACKEND_UNAVAILABLE", "a");
    const iterator = b.listFiles("d", { maxDepth: 0 })[Symbol.asyncIterator]();
    await expectCode(iterator.next(), "BACKEND_UNAVAILABLE", "d");
  });

  it("S3-085 url() presigns a GET of the key (no request) with the expiry asked for; the root and bad expiries are refused", async () => {
    const b = backend({ prefix: "team", endpoint: "http://127.0.0.1:9", forcePathStyle: true });
    const url = new URL(await b.url("dir/a b.txt", { expiresIn: 60 }));
    expect(url.pathname).toBe("/bkt/team/dir/a%20b.txt");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(new URL(await b.url("x")).searchParams.get("X-Amz-Expires")).toBe("3600");
    expect(url.href).not.toContain(SECRET);
    await expectCode(b.url(""), "INVALID_PATH", "");
    await expectRangeError(b.url("x", { expiresIn: 0 }));
  });
});
