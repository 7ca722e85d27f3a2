import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import {
  AlreadyExists,
  BackendUnavailable,
  CapabilityNotSupported,
  ConfigError,
  DirectoryNotEmpty,
  InvalidArgument,
  InvalidPath,
  MemoryBackend,
  NotFound,
  PermissionDenied,
  QuotaExceeded,
  RemoteStoreError,
  Store,
  isRemoteStoreError,
  type ErrorCode,
} from "../../src/index.js";
import { expectCode, expectRangeError, expectTypeError } from "./expect-code.js";

type Simple = new (message: string, options?: { path?: string; backend?: string; cause?: unknown }) => RemoteStoreError;

const SIMPLE: ReadonlyArray<readonly [Simple, ErrorCode]> = [
  [NotFound, "NOT_FOUND"],
  [AlreadyExists, "ALREADY_EXISTS"],
  [InvalidPath, "INVALID_PATH"],
  [DirectoryNotEmpty, "DIRECTORY_NOT_EMPTY"],
  [PermissionDenied, "PERMISSION_DENIED"],
  [BackendUnavailable, "BACKEND_UNAVAILABLE"],
  [QuotaExceeded, "QUOTA_EXCEEDED"],
  [ConfigError, "CONFIG_INVALID"],
  [InvalidArgument, "INVALID_ARGUMENT"],
];

/** Every class with a factory, so CapabilityNotSupported (which needs `capability`) is included. */
const ALL: ReadonlyArray<readonly [string, ErrorCode, (options: { path?: string; backend?: string; cause?: unknown }) => RemoteStoreError]> = [
  ...SIMPLE.map(([cls, code]) => [cls.name, code, (o: { path?: string; backend?: string; cause?: unknown }) => new cls("m", o)] as const),
  ["CapabilityNotSupported", "CAPABILITY_NOT_SUPPORTED", (o) => new CapabilityNotSupported("m", { ...o, capability: "move" })],
];

describe("errors", () => {
  it.each(ALL)("ERR-001 %s has code %s and keeps path, backend and cause", (_name, code, make) => {
    const cause = new Error("root cause");
    const error = make({ path: "a/b.txt", backend: "mem", cause });
    expect(error).toBeInstanceOf(RemoteStoreError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.path).toBe("a/b.txt");
    expect(error.backend).toBe("mem");
    expect(error.cause).toBe(cause);
  });

  it("ERR-001 the library raises its errors as RemoteStoreError with code, path and backend", async () => {
    const store = new Store({ backend: new MemoryBackend({ name: "errs" }) });
    const error = await expectCode(store.readBytes("missing.txt"), "NOT_FOUND", "missing.txt");
    expect(error).toBeInstanceOf(NotFound);
    expect(error.backend).toBe("errs");
  });

  it("ERR-002 options are optional for every class; path, backend and cause default to undefined", () => {
    for (const [cls] of [...SIMPLE, [CapabilityNotSupported, "CAPABILITY_NOT_SUPPORTED"] as const]) {
      const error = new cls("m");
      expect(error.path).toBeUndefined();
      expect(error.backend).toBeUndefined();
      expect(error.cause).toBeUndefined();
      expect("cause" in error).toBe(false);
    }
  });

  it("ERR-002 CapabilityNotSupported without options has no capability and is still a library error", () => {
    const bare = new CapabilityNotSupported("msg");
    expect(bare.capability).toBeUndefined();
    expect(isRemoteStoreError(bare, "CAPABILITY_NOT_SUPPORTED")).toBe(true);
    expect(bare.message).toBe("msg");
  });

  it("ERR-008 a message is a template over its paths: {path} and named paths render JSON-quoted, a path the message does not place is appended", () => {
    expect(new NotFound("File not found", { path: "a/b" }).message).toBe('File not found: "a/b"');
    expect(new NotFound("No {path} here", { path: "a/b" }).message).toBe('No "a/b" here');
    const blocked = new InvalidPath("A file is in the way ({blocking})", { path: "x/y/z", paths: { blocking: "x/y" } });
    expect(blocked.message).toBe('A file is in the way ("x/y"): "x/y/z"');
    expect(blocked.template).toBe("A file is in the way ({blocking}): {path}");
    expect(blocked.paths).toEqual({ blocking: "x/y" });
    expect(Object.isFrozen(blocked.paths)).toBe(true);
    expect(new InvalidPath("The root cannot be deleted", { path: "" }).message).toBe("The root cannot be deleted");
    expect(new NotFound("Keeps {unknown} and {} as written", { path: "p" }).message).toBe('Keeps {unknown} and {} as written: "p"');
    // A path already written out as quotePath(path) is read as its placeholder, so it is not repeated.
    const legacy = new NotFound('File not found: "a/b"', { path: "a/b" });
    expect(legacy.message).toBe('File not found: "a/b"');
    expect(legacy.template).toBe("File not found: {path}");
  });

  it("ERR-008 withPaths maps path and named paths and renders the message again; class, code, backend, cause and fields stay", () => {
    const cause = new Error("c");
    const original = new CapabilityNotSupported("Cannot {path} into {to}", { path: "root/a", paths: { to: "root/b" }, backend: "m", cause, capability: "move" });
    const moved = original.withPaths((p) => p.replace(/^root\//, ""));
    expect(moved).toBeInstanceOf(CapabilityNotSupported);
    expect(moved.message).toBe('Cannot "a" into "b"');
    expect(moved.path).toBe("a");
    expect(moved.paths).toEqual({ to: "b" });
    expect([moved.code, moved.backend, moved.cause, moved.capability]).toEqual(["CAPABILITY_NOT_SUPPORTED", "m", cause, "move"]);
    expect(String(moved.stack)).not.toContain("root/a");
    expect(original.message).toBe('Cannot "root/a" into "root/b"');
  });

  it("ERR-002 CapabilityNotSupported carries the capability", () => {
    const error = new CapabilityNotSupported("m", { capability: "rangeRead", path: "p" });
    expect(error.capability).toBe("rangeRead");
    expect(error.code).toBe("CAPABILITY_NOT_SUPPORTED");
    expect(error.path).toBe("p");
  });

  it("ERR-002 ConfigError issues default to [message] and are frozen copies", () => {
    expect(new ConfigError("only problem").issues).toEqual(["only problem"]);
    const given = ["stores.a: bad", "backends.b: worse"];
    const error = new ConfigError("two problems", { issues: given });
    given.push("mutated later");
    expect(error.issues).toEqual(["stores.a: bad", "backends.b: worse"]);
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(() => (error.issues as string[]).push("x")).toThrow(TypeError);
  });

  it.each(ALL)("ERR-003 %s: instanceof, direct subclass of RemoteStoreError, name is the class name", (name, _code, make) => {
    const error = make({});
    expect(error.name).toBe(name);
    const cls = error.constructor as { prototype: object; name: string };
    expect(cls.name).toBe(name);
    expect(error).toBeInstanceOf(cls as never);
    expect(Object.getPrototypeOf(cls.prototype)).toBe(RemoteStoreError.prototype);
  });

  it("ERR-003 errors of one class are not instances of another", () => {
    expect(new NotFound("m")).not.toBeInstanceOf(InvalidPath);
    expect(new InvalidPath("m")).not.toBeInstanceOf(NotFound);
  });

  it.each(ALL)("ERR-004 isRemoteStoreError recognises %s with and without its code", (_name, code, make) => {
    const error = make({});
    expect(isRemoteStoreError(error)).toBe(true);
    expect(isRemoteStoreError(error, code)).toBe(true);
    expect(isRemoteStoreError(error, code === "NOT_FOUND" ? "INVALID_PATH" : "NOT_FOUND")).toBe(false);
  });

  it("ERR-004 isRemoteStoreError is false for everything else", () => {
    for (const value of [new Error("x"), new TypeError("x"), null, undefined, "NOT_FOUND", 42, { code: "NOT_FOUND" }]) {
      expect(isRemoteStoreError(value)).toBe(false);
    }
    expect(isRemoteStoreError({ [Symbol.for("remote-store.error")]: "true", code: "NOT_FOUND" })).toBe(false);
  });

  it("ERR-004 works across bundles: a copy of the class from another bundle is recognised by its registered brand", () => {
    const brand: unique symbol = Symbol.for("remote-store.error") as never;
    class OtherBundleNotFound extends Error {
      readonly [brand] = true;
      readonly code = "NOT_FOUND";
    }
    const foreign = new OtherBundleNotFound("x");
    expect(foreign).not.toBeInstanceOf(RemoteStoreError);
    expect(isRemoteStoreError(foreign)).toBe(true);
    expect(isRemoteStoreError(foreign, "NOT_FOUND")).toBe(true);
    expect(isRemoteStoreError(foreign, "ALREADY_EXISTS")).toBe(false);
  });

  it("ERR-004 works across realms: an error made in another VM context is recognised", () => {
    const foreign: unknown = runInNewContext(
      'const e = new Error("x"); e[Symbol.for("remote-store.error")] = true; e.code = "QUOTA_EXCEEDED"; e',
    );
    expect(foreign instanceof Error).toBe(false);
    expect(isRemoteStoreError(foreign, "QUOTA_EXCEEDED")).toBe(true);
  });

  it.each(ALL)("ERR-005 String(%s) is `Name [CODE]: message`", (name, code, make) => {
    expect(String(make({}))).toBe(`${name} [${code}]: m`);
  });

  it("ERR-005 messages of the library name the path (JSON-quoted) and the backend", async () => {
    const store = new Store({ backend: new MemoryBackend({ name: "named-backend" }) });
    const error = await expectCode(store.readBytes('we"ird/pa th.txt'), "NOT_FOUND", 'we"ird/pa th.txt');
    expect(error.message).toContain(JSON.stringify('we"ird/pa th.txt'));
    expect(error.message).toContain("named-backend");
  });

  it("ERR-006 a wrong argument type is a TypeError naming the argument, not a library error", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    const error = await expectTypeError(store.readBytes(7 as never), "path");
    expect(isRemoteStoreError(error)).toBe(false);
  });

  it("ERR-006 out-of-range numbers (offset, length, maxDepth, metadata size) are RangeErrors, not library errors", async () => {
    const store = new Store({ backend: new MemoryBackend() });
    await store.write("f", "abc");
    for (const action of [
      () => store.readBytes("f", { offset: -1 }),
      () => store.readBytes("f", { length: 1.5 }),
      () => store.listFiles("", { maxDepth: -1 }),
      () => store.write("g", "x", { metadata: { k: "v".repeat(2048) } }),
    ]) {
      const error = await expectRangeError(action);
      expect(isRemoteStoreError(error)).toBe(false);
    }
  });

  it("ERR-007 expectCode fails when nothing is thrown, and when code or path differ", async () => {
    await expect(expectCode(Promise.resolve("fine"), "NOT_FOUND", "x")).rejects.toThrow();
    await expect(expectCode(() => "fine", "NOT_FOUND", "x")).rejects.toThrow();
    await expect(expectCode(() => Promise.resolve(), "NOT_FOUND", "x")).rejects.toThrow();
    await expect(expectCode(Promise.reject(new NotFound("m", { path: "y" })), "NOT_FOUND", "x")).rejects.toThrow();
    await expect(expectCode(Promise.reject(new NotFound("m", { path: "x" })), "INVALID_PATH", "x")).rejects.toThrow();
    await expect(expectCode(Promise.reject(new Error("plain")), "NOT_FOUND", "x")).rejects.toThrow();
    await expect(expectCode(() => { throw new NotFound("m", { path: "x" }); }, "NOT_FOUND", "x")).resolves.toBeInstanceOf(NotFound);
    await expect(expectTypeError(() => undefined, "path")).rejects.toThrow();
    await expect(expectRangeError(Promise.resolve()), "RangeError expected").rejects.toThrow();
  });
});
