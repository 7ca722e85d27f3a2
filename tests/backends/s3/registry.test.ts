import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { S3Backend, parseS3Url, s3BackendType } from "../../../src/s3.js";
import { registerProvidedType } from "../../../src/registry/backend-types.js";
import { Registry, openStore, registeredBackendTypes } from "../../../src/index.js";
import { configErrorOf, configErrorOfSync } from "../../registry/config-errors.js";
import { keysUnder, rawClient } from "./support/raw-client.js";
import { randomPrefix, testServer } from "./support/server.js";

function s3Url(prefix: string, extra = ""): string {
  const server = testServer();
  const endpoint = encodeURIComponent(server.endpoint);
  const user = server.credentials === undefined ? "" : `${encodeURIComponent(server.credentials.accessKeyId)}:${encodeURIComponent(server.credentials.secretAccessKey)}@`;
  return `s3://${user}${server.bucket}/${prefix}?endpoint=${endpoint}&region=${server.region}&forcePathStyle=true&conditionalWrites=${String(server.conditionalWrites)}${extra}`;
}

describe("the s3 registry type", () => {
  it("S3-100 importing remote-store/s3 registers the type s3; registering again changes nothing", () => {
    expect(registeredBackendTypes()).toContain("s3");
    registerProvidedType(s3BackendType);
    expect(registeredBackendTypes().filter((t) => t === "s3")).toHaveLength(1);
  });

  it("S3-100 an s3 URL gives the bucket from the host, the prefix from the path and options from the query", () => {
    expect(parseS3Url("s3://bkt/team/data?endpoint=http%3A%2F%2F127.0.0.1%3A9000&region=eu-west-1&forcePathStyle=true&partSize=6000000")).toEqual({
      options: { bucket: "bkt", prefix: "/team/data", endpoint: "http://127.0.0.1:9000", region: "eu-west-1", forcePathStyle: "true", partSize: "6000000" },
    });
    expect(parseS3Url("s3://bkt")).toEqual({ options: { bucket: "bkt" } });
    expect(parseS3Url("s3://KEY:se%2Fcret@bkt/")).toEqual({ options: { bucket: "bkt", accessKeyId: "KEY", secretAccessKey: "se/cret" } });
  });

  it("S3-100 a port, a fragment, a missing bucket, bucket/prefix parameters or half a user part are config issues", () => {
    for (const bad of ["s3://bkt:9000/x", "s3://bkt/x#frag", "s3:///x", "s3://bkt/x?bucket=other", "s3://bkt/?prefix=p", "s3://KEY@bkt/", "s3:bkt"]) {
      expect(() => parseS3Url(bad), bad).toThrow();
      configErrorOfSync(() => new Registry({ backends: { b: bad } }));
    }
  });

  it("S3-100 unknown options and an access key without its secret are reported with their location", () => {
    const error = configErrorOfSync(() => new Registry({ backends: { b: { type: "s3", options: { bucket: "x", bukket: "y", accessKeyId: "AKIA" } } } }));
    expect(error.issues.some((i) => i.startsWith("backends.b.options.bukket"))).toBe(true);
    expect(error.issues.some((i) => i.startsWith("backends.b.options.secretAccessKey"))).toBe(true);
  });

  it("S3-100 S3-005 a registry store over an s3 URL works against the server, under the URL's prefix and the store's rootPath, and never shows the secret", async () => {
    const prefix = randomPrefix("registry");
    const registry = new Registry({ backends: { s3: s3Url(prefix) }, stores: { data: { backend: "s3", rootPath: "reports" } } });
    const store = registry.getStore("data");
    await store.write("q1/summary.txt", "ok");
    expect(await store.readText("q1/summary.txt")).toBe("ok");
    expect(store.backend).toBeInstanceOf(S3Backend);
    const raw = rawClient();
    expect(await keysUnder(raw, prefix)).toEqual([`${prefix}/reports/q1/summary.txt`]);
    raw.destroy();
    const secret = testServer().credentials?.secretAccessKey ?? "no static secret";
    for (const text of [registry.describe(), String(registry), JSON.stringify(registry), inspect(registry), (store.backend as S3Backend).toString(), inspect(store.backend)]) expect(text).not.toContain(`:${secret}@`);
    await registry.close();
  });

  it("S3-100 openStore(url) and the table form with numbers and booleans as strings (REG-041)", async () => {
    const prefix = randomPrefix("open");
    const store = openStore(s3Url(prefix, "&pageSize=2&urlExpiresIn=60"));
    await store.write("a.txt", "a");
    await store.write("b.txt", "b");
    await store.write("c.txt", "c");
    expect((await store.listFiles("").toArray()).map((f) => f.path)).toEqual(["a.txt", "b.txt", "c.txt"]);
    expect(new URL(await store.url("a.txt")).searchParams.get("X-Amz-Expires")).toBe("60");
    await store.close();
    const server = testServer();
    const registry = new Registry({
      backends: { t: { type: "s3", options: { bucket: server.bucket, prefix, endpoint: server.endpoint, forcePathStyle: true, ...server.credentials, conditionalWrites: server.conditionalWrites } } },
      stores: { s: { backend: "t" } },
    });
    expect(await registry.getStore("s").readText("b.txt")).toBe("b");
    await registry.close();
    await configErrorOf(() => new Registry({ backends: { t: { type: "s3", options: { bucket: "b", partSize: "big" } } } }));
  });
});
