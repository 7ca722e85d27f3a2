import { describe, expect, it } from "vitest";
import { serveS3 } from "../../src/s3-server/index.js";
import { CREDENTIALS, rawRequest, sendRaw } from "./support/harness.js";

const preflightHeaders = (origin: string | undefined, method: string | undefined, requested = "content-type,x-amz-date"): Record<string, string> => ({
  host: "localhost",
  ...(origin === undefined ? {} : { origin }),
  ...(method === undefined ? {} : { "access-control-request-method": method }),
  "access-control-request-headers": requested,
});

describe("CORS", () => {
  it("S3S-140 a preflight needs no signature and answers the allowed methods and the requested headers; any origin by default", async () => {
    await using server = await serveS3({ credentials: CREDENTIALS });
    const answer = await sendRaw(server, "OPTIONS", "/bkt/some/key.txt", preflightHeaders("https://app.example", "PUT"));
    expect([answer.status, answer.headers["access-control-allow-origin"], answer.headers["access-control-allow-methods"], answer.headers["access-control-allow-headers"], answer.headers["access-control-max-age"]]).toEqual([
      200, "*", "GET, PUT, POST, DELETE, HEAD", "content-type,x-amz-date", "3000",
    ]);
    expect(answer.headers.vary).toBe("Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    const incomplete = await sendRaw(server, "OPTIONS", "/bkt/k", preflightHeaders(undefined, "GET"));
    expect([incomplete.status, incomplete.code]).toEqual([400, "BadRequest"]);
    const noMethod = await sendRaw(server, "OPTIONS", "/bkt/k", preflightHeaders("https://app.example", undefined));
    expect([noMethod.status, noMethod.code]).toEqual([400, "BadRequest"]);
  });

  it("S3S-140 with an origin list only those origins pass; with cors: false every preflight is AccessForbidden", async () => {
    await using listed = await serveS3({ credentials: CREDENTIALS, cors: ["https://good.example"] });
    const good = await sendRaw(listed, "OPTIONS", "/bkt/k", preflightHeaders("https://good.example", "GET"));
    expect([good.status, good.headers["access-control-allow-origin"]]).toEqual([200, "https://good.example"]);
    const bad = await sendRaw(listed, "OPTIONS", "/bkt/k", preflightHeaders("https://evil.example", "GET"));
    expect([bad.status, bad.code, bad.headers["access-control-allow-origin"]]).toEqual([403, "AccessForbidden", undefined]);
    const oddMethod = await sendRaw(listed, "OPTIONS", "/bkt/k", preflightHeaders("https://good.example", "PATCH"));
    expect([oddMethod.status, oddMethod.code]).toEqual([403, "AccessForbidden"]);
    await using closed = await serveS3({ credentials: CREDENTIALS, cors: false });
    const off = await sendRaw(closed, "OPTIONS", "/bkt/k", preflightHeaders("https://good.example", "GET"));
    expect([off.status, off.code]).toEqual([403, "AccessForbidden"]);
  });

  it("S3S-141 answers to an allowed origin (errors too) carry Allow-Origin and expose ETag, checksums and the metadata sent", async () => {
    await using server = await serveS3({ credentials: CREDENTIALS, cors: ["https://good.example"] });
    await server.store?.write("bkt/k.txt", "k", { metadata: { owner: "me" } });
    const origin = { origin: "https://good.example" };
    const got = await rawRequest(server, { method: "GET", target: "/bkt/k.txt", headers: origin });
    expect([got.status, got.headers["access-control-allow-origin"], got.headers.vary]).toEqual([200, "https://good.example", "Origin"]);
    const exposed = String(got.headers["access-control-expose-headers"]).split(", ");
    for (const name of ["ETag", "x-amz-request-id", "x-amz-checksum-crc32", "Content-Range", "Last-Modified", "x-amz-meta-owner"]) expect(exposed).toContain(name);
    const missing = await rawRequest(server, { method: "GET", target: "/bkt/none", headers: origin });
    expect([missing.status, missing.headers["access-control-allow-origin"]]).toEqual([404, "https://good.example"]);
    const stranger = await rawRequest(server, { method: "GET", target: "/bkt/k.txt", headers: { origin: "https://evil.example" } });
    expect(stranger.headers["access-control-allow-origin"]).toBeUndefined();
    const noOrigin = await rawRequest(server, { method: "GET", target: "/bkt/k.txt" });
    expect(noOrigin.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
