import { S3ServiceException } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { S3Backend } from "../../../src/s3.js";
import { mapS3Error } from "../../../src/backends/s3/errors.js";
import { Store, type ErrorCode } from "../../../src/index.js";
import { expectCode } from "../../errors/expect-code.js";
import { closedPort } from "./support/fake-endpoint.js";

const context = { endpoint: "http://127.0.0.1:9000", bucket: "bkt" };

function sdkError(name: string, status: number | undefined): S3ServiceException {
  return new S3ServiceException({ name, $fault: status !== undefined && status >= 500 ? "server" : "client", $metadata: status === undefined ? {} : { httpStatusCode: status }, message: name });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9000`), { code });
}

const TABLE: [string, unknown, ErrorCode][] = [
  ["NoSuchKey 404", sdkError("NoSuchKey", 404), "NOT_FOUND"],
  ["HEAD NotFound 404", sdkError("NotFound", 404), "NOT_FOUND"],
  ["any other 404", sdkError("UnknownError", 404), "NOT_FOUND"],
  ["NoSuchUpload", sdkError("NoSuchUpload", 404), "NOT_FOUND"],
  ["NoSuchBucket", sdkError("NoSuchBucket", 404), "BACKEND_UNAVAILABLE"],
  ["AccessDenied 403", sdkError("AccessDenied", 403), "PERMISSION_DENIED"],
  ["any 403", sdkError("Forbidden", 403), "PERMISSION_DENIED"],
  ["InvalidAccessKeyId", sdkError("InvalidAccessKeyId", 403), "PERMISSION_DENIED"],
  ["SignatureDoesNotMatch", sdkError("SignatureDoesNotMatch", 403), "PERMISSION_DENIED"],
  ["ExpiredToken 400", sdkError("ExpiredToken", 400), "PERMISSION_DENIED"],
  ["PreconditionFailed 412", sdkError("PreconditionFailed", 412), "ALREADY_EXISTS"],
  ["ConditionalRequestConflict 409", sdkError("ConditionalRequestConflict", 409), "ALREADY_EXISTS"],
  ["InvalidPart", sdkError("InvalidPart", 400), "INVALID_ARGUMENT"],
  ["EntityTooSmall", sdkError("EntityTooSmall", 400), "INVALID_ARGUMENT"],
  ["MetadataTooLarge", sdkError("MetadataTooLarge", 400), "INVALID_ARGUMENT"],
  ["KeyTooLongError", sdkError("KeyTooLongError", 400), "INVALID_PATH"],
  ["SlowDown 503", sdkError("SlowDown", 503), "BACKEND_UNAVAILABLE"],
  ["Throttling 400", sdkError("Throttling", 400), "BACKEND_UNAVAILABLE"],
  ["429", sdkError("TooManyRequests", 429), "BACKEND_UNAVAILABLE"],
  ["InternalError 500", sdkError("InternalError", 500), "BACKEND_UNAVAILABLE"],
  ["502", sdkError("BadGateway", 502), "BACKEND_UNAVAILABLE"],
  ["ECONNREFUSED", networkError("ECONNREFUSED"), "BACKEND_UNAVAILABLE"],
  ["ENOTFOUND", networkError("ENOTFOUND"), "BACKEND_UNAVAILABLE"],
  ["ECONNRESET", networkError("ECONNRESET"), "BACKEND_UNAVAILABLE"],
  ["TimeoutError", Object.assign(new Error("timed out"), { name: "TimeoutError" }), "BACKEND_UNAVAILABLE"],
  ["an unknown 400", sdkError("WeirdRequest", 400), "BACKEND_UNAVAILABLE"],
  ["not an Error at all", "boom", "BACKEND_UNAVAILABLE"],
];

describe("S3 error mapping", () => {
  it.each(TABLE)("S3-090 %s maps to its code, with the backend path, backend \"s3\" and the native error as cause", (_label, native, code) => {
    const mapped = mapS3Error(native, "dir/file.txt", context);
    expect({ code: mapped.code, path: mapped.path, backend: mapped.backend }).toEqual({ code, path: "dir/file.txt", backend: "s3" });
    expect(mapped.cause).toBe(native);
  });

  it("S3-090 an error the SDK raises before any answer keeps the SDK's reason and names the configured endpoint", async () => {
    const { S3Backend } = await import("../../../src/s3.js");
    // No region anywhere the SDK looks: not in the environment, not in a shared config file.
    const saved = { ...process.env };
    for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"]) delete process.env[name];
    process.env.AWS_CONFIG_FILE = "/nonexistent/remote-store-test/config";
    process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/remote-store-test/credentials";
    const noRegion = new S3Backend({ bucket: "b", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-value-1234" } });
    const error = await noRegion.getFileInfo("x.txt").then(() => undefined, (e: unknown) => e as Error & { code?: string; path?: string }).finally(() => {
      for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"]) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });
    expect(error).toMatchObject({ code: "BACKEND_UNAVAILABLE", path: "x.txt" });
    expect(error?.message).toMatch(/Region is missing/);
    expect(error?.message).toContain("AWS S3 (no region configured)");
    expect(error?.message).not.toContain("secret-value-1234");
    await noRegion.close();
  });

  it("S3-090 a library error passes through unchanged", () => {
    const once = mapS3Error(sdkError("NoSuchKey", 404), "a", context);
    expect(mapS3Error(once, "b", context)).toBe(once);
  });

  it("S3-090 network failures and a missing bucket name the endpoint in the message (the one message check S3-090 asks for)", () => {
    expect(mapS3Error(networkError("ECONNREFUSED"), "a", context).message).toContain("http://127.0.0.1:9000");
    expect(mapS3Error(sdkError("NoSuchBucket", 404), "a", context).message).toContain("http://127.0.0.1:9000");
  });

  it("S3-090 an unreachable endpoint is BACKEND_UNAVAILABLE for the path, naming the endpoint, after the SDK's retries", async () => {
    const port = await closedPort();
    const endpoint = `http://127.0.0.1:${port}`;
    const store = new Store({ backend: new S3Backend({ bucket: "bkt", endpoint, forcePathStyle: true, credentials: { accessKeyId: "k", secretAccessKey: "s" }, maxAttempts: 2 }) });
    const error = await expectCode(store.readBytes("dir/a.txt"), "BACKEND_UNAVAILABLE", "dir/a.txt");
    expect(error.message).toContain(endpoint);
    await expectCode(store.write("b.txt", "x"), "BACKEND_UNAVAILABLE", "b.txt");
    await expectCode(store.listFiles("d").toArray(), "BACKEND_UNAVAILABLE", "d");
    await store.close();
  });

  it("S3-090 S3-003 error paths and messages of a rooted store over a prefixed backend name neither the prefix nor the root", async () => {
    const port = await closedPort();
    const backend = new S3Backend({ bucket: "bkt", prefix: "secret-prefix", endpoint: `http://127.0.0.1:${port}`, forcePathStyle: true, credentials: { accessKeyId: "k", secretAccessKey: "s" }, maxAttempts: 1 });
    const store = new Store({ backend, rootPath: "hidden-root" });
    const error = await expectCode(store.readBytes("f.txt"), "BACKEND_UNAVAILABLE", "f.txt");
    expect(error.message).not.toContain("secret-prefix");
    expect(error.message).not.toContain("hidden-root");
    await store.close();
  });
});
