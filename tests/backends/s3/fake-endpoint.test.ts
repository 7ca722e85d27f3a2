import { afterEach, describe, expect, it } from "vitest";
import { S3Backend, type S3BackendOptions } from "../../../src/s3.js";
import { Store } from "../../../src/index.js";
import { expectCode } from "../../errors/expect-code.js";
import { emptyListing, s3Error, startFakeEndpoint, type FakeEndpoint, type FakeResponse, type SeenRequest } from "./support/fake-endpoint.js";

let fake: FakeEndpoint | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function storeOn(answer: (request: SeenRequest) => FakeResponse, extra: Partial<S3BackendOptions> = {}): Promise<{ store: Store; fake: FakeEndpoint }> {
  fake = await startFakeEndpoint(answer);
  const backend = new S3Backend({ bucket: "bkt", endpoint: fake.endpoint, forcePathStyle: true, credentials: { accessKeyId: "k", secretAccessKey: "s" }, ...extra });
  return { store: new Store({ backend }), fake };
}

/** Answers like an empty bucket that takes every PUT, except what `put` decides. */
function emptyBucket(put: (request: SeenRequest) => FakeResponse): (request: SeenRequest) => FakeResponse {
  return (request) => {
    if (request.method === "GET" && request.url.includes("list-type=2")) return emptyListing();
    if (request.method === "HEAD") return { status: 404 };
    if (request.method === "PUT") return put(request);
    return s3Error(400, "Unexpected");
  };
}

describe("S3 request details on a fake endpoint (answers a test server does not give on its own)", () => {
  it("S3-033 a write without overwrite sends If-None-Match: *, and the server's 412 is ALREADY_EXISTS", async () => {
    const { store, fake } = await storeOn(emptyBucket(() => s3Error(412, "PreconditionFailed")));
    await expectCode(store.write("dir/n.txt", "x"), "ALREADY_EXISTS", "dir/n.txt");
    const puts = fake.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.headers["if-none-match"]).toBe("*");
    await store.close();
  });

  it("S3-033 a 409 ConditionalRequestConflict is ALREADY_EXISTS too", async () => {
    const { store } = await storeOn(emptyBucket(() => s3Error(409, "ConditionalRequestConflict")));
    await expectCode(store.write("n.txt", "x"), "ALREADY_EXISTS", "n.txt");
    await store.close();
  });

  it("S3-033 an overwriting write, and every write with conditionalWrites: false, sends no If-None-Match", async () => {
    const { store, fake } = await storeOn(emptyBucket(() => ({ status: 200, headers: { etag: '"e"' } })));
    await store.write("a.txt", "x", { overwrite: true });
    await store.close();
    const conditional = fake.requests.filter((r) => r.method === "PUT").map((r) => r.headers["if-none-match"]);
    expect(conditional).toEqual([undefined]);
    await fake.close();
    const off = await storeOn(emptyBucket(() => ({ status: 200, headers: { etag: '"e"' } })), { conditionalWrites: false });
    await off.store.write("b.txt", "x");
    expect(off.fake.requests.filter((r) => r.method === "PUT").map((r) => r.headers["if-none-match"])).toEqual([undefined]);
    await off.store.close();
  });

  it("S3-090 503 SlowDown is retried by the SDK (maxAttempts), then BACKEND_UNAVAILABLE", async () => {
    const { store, fake } = await storeOn(() => s3Error(503, "SlowDown"), { maxAttempts: 3 });
    await expectCode(store.readBytes("slow/a.txt"), "BACKEND_UNAVAILABLE", "slow/a.txt");
    expect(fake.requests.filter((r) => r.method === "GET")).toHaveLength(3);
    await store.close();
  });

  it("S3-090 403 AccessDenied is PERMISSION_DENIED, not retried", async () => {
    const { store, fake } = await storeOn(() => s3Error(403, "AccessDenied"));
    await expectCode(store.readBytes("private.txt"), "PERMISSION_DENIED", "private.txt");
    expect(fake.requests).toHaveLength(1);
    await store.close();
  });

  it("S3-090 a missing bucket on a listing is BACKEND_UNAVAILABLE", async () => {
    const { store } = await storeOn(() => s3Error(404, "NoSuchBucket"));
    await expectCode(store.listFiles("d").toArray(), "BACKEND_UNAVAILABLE", "d");
    await store.close();
  });
});
