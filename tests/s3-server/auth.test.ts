import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestSigner, sha256Hex as serverSha256 } from "../../src/s3-server/auth/sigv4.js";
import { serveS3 } from "../../src/s3-server/index.js";
import { clientFor, CREDENTIALS, expectS3Error, rawRequest, sha256Hex, startHarness, type Harness } from "./support/harness.js";

const AWS_EXAMPLE = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const MINUTE = 60_000;

let now = Date.now();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock: () => new Date(now) });
});
afterAll(() => h.close());

function setClock(offsetMs: number): void {
  now = Date.now() + offsetMs;
}

describe("SigV4 verification", () => {
  it("S3S-030 the server's signer reproduces AWS's published header and presigned example signatures", async () => {
    const signer = new RequestSigner(AWS_EXAMPLE);
    const scope = { date: new Date(Date.UTC(2013, 4, 24)), region: "us-east-1" };
    const empty = serverSha256("");
    const header = await signer.headerSignature({ method: "GET", path: "/test.txt", query: {}, headers: { host: "examplebucket.s3.amazonaws.com", range: "bytes=0-9", "x-amz-content-sha256": empty, "x-amz-date": "20130524T000000Z" } }, scope, empty);
    expect(header).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    const list = await signer.headerSignature({ method: "GET", path: "/", query: { "max-keys": "2", prefix: "J" }, headers: { host: "examplebucket.s3.amazonaws.com", "x-amz-content-sha256": empty, "x-amz-date": "20130524T000000Z" } }, scope, empty);
    expect(list).toBe("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    const query = { "X-Amz-Algorithm": "AWS4-HMAC-SHA256", "X-Amz-Credential": "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request", "X-Amz-Date": "20130524T000000Z", "X-Amz-Expires": "86400", "X-Amz-SignedHeaders": "host" };
    const presigned = await signer.presignedSignature({ method: "GET", path: "/test.txt", query, headers: { host: "examplebucket.s3.amazonaws.com" } }, scope, 86400, "UNSIGNED-PAYLOAD");
    expect(presigned).toBe("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
  });

  it("S3S-030 SDK requests with awkward keys, query values and any region in the scope are accepted", async () => {
    const keys = ["dir/a b+c~!*'().txt", "ü/€ sp&=;:,@$.bin", "percent%20literal", "plus+and space"];
    for (const key of keys) await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: key, Body: key }));
    const listed = await h.client.send(new ListObjectsV2Command({ Bucket: h.bucket, Prefix: "ü/€ sp&" }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(["ü/€ sp&=;:,@$.bin"]);
    const other = clientFor(h.server, { region: "eu-west-1" });
    const got = await other.send(new GetObjectCommand({ Bucket: h.bucket, Key: "plus+and space" }));
    expect(await got.Body?.transformToString()).toBe("plus+and space");
    other.destroy();
  });

  it("S3S-030 a signature over the re-encoded path is accepted when the path was sent with unencoded characters", async () => {
    await h.bucketStore.write("paren(1).txt", "p", { overwrite: true });
    const ok = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/paren(1).txt`, signedPath: `/${h.bucket}/paren%281%29.txt` });
    expect([ok.status, ok.body]).toEqual([200, "p"]);
  });

  it("S3S-032 malformed Authorization headers, missing x-amz-date and x-amz-content-sha256 are refused", async () => {
    const target = `/${h.bucket}/x`;
    const malformed = await rawRequest(h.server, { method: "GET", target, sign: false, headers: { authorization: "AWS4-HMAC-SHA256 Credential=AKID/2013/us-east-1/s3/aws4_request" } });
    expect([malformed.status, malformed.code]).toEqual([400, "AuthorizationHeaderMalformed"]);
    const badScope = await rawRequest(h.server, { method: "GET", target, sign: false, headers: { authorization: `AWS4-HMAC-SHA256 Credential=AKID/20130524/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=${"a".repeat(64)}`, "x-amz-date": "20130524T000000Z", "x-amz-content-sha256": sha256Hex("") } });
    expect([badScope.status, badScope.code]).toEqual([400, "AuthorizationHeaderMalformed"]);
    const noHost = await rawRequest(h.server, { method: "GET", target, sign: false, headers: { authorization: `AWS4-HMAC-SHA256 Credential=AKID/20130524/us-east-1/s3/aws4_request, SignedHeaders=x-amz-date, Signature=${"a".repeat(64)}` } });
    expect([noHost.status, noHost.code]).toEqual([400, "AuthorizationHeaderMalformed"]);
    const auth = `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"a".repeat(64)}`;
    const noDate = await rawRequest(h.server, { method: "GET", target, sign: false, headers: { authorization: auth, "x-amz-content-sha256": sha256Hex("") } });
    expect([noDate.status, noDate.code]).toEqual([403, "AccessDenied"]);
    const noHash = await rawRequest(h.server, { method: "GET", target, sign: false, headers: { authorization: auth, "x-amz-date": "20130524T000000Z" } });
    expect([noHash.status, noHash.code]).toEqual([400, "InvalidRequest"]);
    const unsigned = await rawRequest(h.server, { method: "GET", target, sign: false });
    expect([unsigned.status, unsigned.code]).toEqual([403, "AccessDenied"]);
  });

  it("S3S-032 an unknown key is InvalidAccessKeyId and a wrong secret SignatureDoesNotMatch", async () => {
    const stranger = clientFor(h.server, { credentials: { accessKeyId: "NOBODY", secretAccessKey: "x" } });
    await expectS3Error(stranger.send(new GetObjectCommand({ Bucket: h.bucket, Key: "x" })), "InvalidAccessKeyId", 403);
    const wrong = clientFor(h.server, { credentials: { accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: "wrong" } });
    await expectS3Error(wrong.send(new GetObjectCommand({ Bucket: h.bucket, Key: "x" })), "SignatureDoesNotMatch", 403);
    stranger.destroy();
    wrong.destroy();
  });

  it("S3S-032 a request signed more than 15 minutes from the server's clock is RequestTimeTooSkewed; 14 minutes is fine", async () => {
    await h.bucketStore.write("skew.txt", "s", { overwrite: true });
    try {
      setClock(16 * MINUTE);
      const late = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/skew.txt` });
      expect([late.status, late.code]).toEqual([403, "RequestTimeTooSkewed"]);
      expect(late.body).toContain("<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>");
      setClock(-16 * MINUTE);
      expect((await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/skew.txt` })).code).toBe("RequestTimeTooSkewed");
      setClock(14 * MINUTE);
      expect((await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/skew.txt` })).status).toBe(200);
    } finally {
      setClock(0);
    }
  });

  it("S3S-034 Signature V2, in a header or a query, is InvalidRequest", async () => {
    const header = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/x`, sign: false, headers: { authorization: `AWS ${CREDENTIALS.accessKeyId}:c2lnbmF0dXJl` } });
    expect([header.status, header.code]).toEqual([400, "InvalidRequest"]);
    const query = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}/x?AWSAccessKeyId=${CREDENTIALS.accessKeyId}&Signature=abc&Expires=9999999999`, sign: false });
    expect([query.status, query.code]).toEqual([400, "InvalidRequest"]);
  });

  it("S3S-035 a request that fails authentication changes nothing", async () => {
    const wrong = clientFor(h.server, { credentials: { accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: "wrong" } });
    await expectS3Error(wrong.send(new PutObjectCommand({ Bucket: h.bucket, Key: "never.txt", Body: "x" })), "SignatureDoesNotMatch", 403);
    wrong.destroy();
    const tampered = await rawRequest(h.server, { method: "PUT", target: `/${h.bucket}/never.txt`, body: "x", signedPath: `/${h.bucket}/other.txt` });
    expect([tampered.status, tampered.code]).toEqual([403, "SignatureDoesNotMatch"]);
    expect(await h.bucketStore.exists("never.txt")).toBe(false);
  });
});

describe("presigned URLs", () => {
  it("S3S-033 presigned GET and PUT URLs work with plain fetch; the PUT's baked empty-body CRC32 is advisory; hoisted metadata is kept", async () => {
    const put = await getSignedUrl(h.client, new PutObjectCommand({ Bucket: h.bucket, Key: "pre/signed.txt", Metadata: { origin: "presigned" } }), { expiresIn: 600 });
    expect(put).toContain("x-amz-checksum-crc32=AAAAAA%3D%3D");
    const stored = await fetch(put, { method: "PUT", body: "presigned body" });
    expect(stored.status).toBe(200);
    const get = await getSignedUrl(h.client, new GetObjectCommand({ Bucket: h.bucket, Key: "pre/signed.txt" }), { expiresIn: 600 });
    const read = await fetch(get);
    expect([read.status, await read.text(), read.headers.get("x-amz-meta-origin")]).toEqual([200, "presigned body", "presigned"]);
    expect((await h.bucketStore.getFileInfo("pre/signed.txt")).metadata).toEqual({ origin: "presigned" });
  });

  it("S3S-033 an expired URL is AccessDenied; one dated more than 15 minutes ahead is RequestTimeTooSkewed", async () => {
    await h.bucketStore.write("pre/expiring.txt", "e", { overwrite: true });
    const url = await getSignedUrl(h.client, new GetObjectCommand({ Bucket: h.bucket, Key: "pre/expiring.txt" }), { expiresIn: 60 });
    expect((await fetch(url)).status).toBe(200);
    try {
      setClock(61_000);
      const expired = await fetch(url);
      expect([expired.status, errorCodeOf(await expired.text())]).toEqual([403, "AccessDenied"]);
      setClock(-16 * MINUTE);
      const early = await fetch(url);
      expect([early.status, errorCodeOf(await early.text())]).toEqual([403, "RequestTimeTooSkewed"]);
    } finally {
      setClock(0);
    }
  });

  it("S3S-033 a changed path, query parameter or signature is SignatureDoesNotMatch; bad presign parameters are AuthorizationQueryParametersError", async () => {
    await h.bucketStore.write("pre/a.txt", "a", { overwrite: true });
    await h.bucketStore.write("pre/b.txt", "b", { overwrite: true });
    const url = await getSignedUrl(h.client, new GetObjectCommand({ Bucket: h.bucket, Key: "pre/a.txt", ResponseContentType: "text/plain" }), { expiresIn: 600 });
    const cases: [string, number, string][] = [
      [url.replace("pre/a.txt", "pre/b.txt"), 403, "SignatureDoesNotMatch"],
      [url.replace("response-content-type=text%2Fplain", "response-content-type=text%2Fhtml"), 403, "SignatureDoesNotMatch"],
      [url.replace(/X-Amz-Signature=[0-9a-f]{4}/, "X-Amz-Signature=0000"), 403, "SignatureDoesNotMatch"],
      [url.replace(/X-Amz-Expires=\d+/, "X-Amz-Expires=604801"), 400, "AuthorizationQueryParametersError"],
      [url.replace(/X-Amz-Expires=\d+/, "X-Amz-Expires=soon"), 400, "AuthorizationQueryParametersError"],
      [url.replace(/X-Amz-Date=\w+/, "X-Amz-Date=yesterday"), 400, "AuthorizationQueryParametersError"],
      [url.replace(/X-Amz-Credential=[^&]+/, "X-Amz-Credential=NOBODY%2F20240101%2Fus-east-1%2Fs3%2Faws4_request"), 403, "InvalidAccessKeyId"],
    ];
    for (const [changed, status, code] of cases) {
      expect(changed).not.toBe(url);
      const response = await fetch(changed);
      expect([status, code, response.status, errorCodeOf(await response.text())]).toEqual([status, code, status, code]);
    }
    const both = await fetch(url, { headers: { authorization: "AWS4-HMAC-SHA256 Credential=x" } });
    expect(errorCodeOf(await both.text())).toBe("InvalidArgument");
  });
});

describe("anonymous access", () => {
  it("S3S-031 anonymous: unsigned requests are served, any signature is accepted without credentials, and the server warns once at start", async () => {
    const warnings: string[] = [];
    await using server = await serveS3({ anonymous: true, onWarning: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("anonymous");
    expect(server.credentials).toEqual([]);
    const created = await rawRequest(server, { method: "PUT", target: "/open", sign: false });
    expect(created.status).toBe(200);
    const put = await rawRequest(server, { method: "PUT", target: "/open/a.txt", body: "hi", sign: false });
    expect(put.status).toBe(200);
    const client = clientFor(server, { credentials: { accessKeyId: "anyone", secretAccessKey: "anything" } });
    const got = await client.send(new GetObjectCommand({ Bucket: "open", Key: "a.txt" }));
    expect(await got.Body?.transformToString()).toBe("hi");
    client.destroy();
  });

  it("S3S-031 anonymous with credentials: unsigned requests are served, signed ones are still verified", async () => {
    await using server = await serveS3({ anonymous: true, credentials: CREDENTIALS, onWarning: () => undefined });
    expect((await rawRequest(server, { method: "PUT", target: "/open", sign: false })).status).toBe(200);
    const stranger = clientFor(server, { credentials: { accessKeyId: "NOBODY", secretAccessKey: "x" } });
    await expectS3Error(stranger.send(new GetObjectCommand({ Bucket: "open", Key: "a" })), "InvalidAccessKeyId", 403);
    const wrong = clientFor(server, { credentials: { accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: "bad" } });
    await expectS3Error(wrong.send(new GetObjectCommand({ Bucket: "open", Key: "a" })), "SignatureDoesNotMatch", 403);
    stranger.destroy();
    wrong.destroy();
  });
});

function errorCodeOf(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}
