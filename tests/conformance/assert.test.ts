import { describe, expect, it } from "vitest";
import { NotFound } from "../../src/index.js";
import {
  ConformanceAssertionError,
  assertDeepEqual,
  deepEqual,
  expectAnyError,
  expectError,
  expectRejection,
  expectThrowsSync,
} from "../../src/testing/index.js";

const notFound = (): NotFound => new NotFound("missing", { path: "a.txt" });

describe("conformance assertions", () => {
  it("CONF-A01 deepEqual compares bytes, dates, arrays and objects (undefined keys count as absent)", () => {
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(deepEqual(new Uint8Array([1]), [1])).toBe(false);
    expect(deepEqual(new Date(5), new Date(5))).toBe(true);
    expect(deepEqual(new Date(5), new Date(6))).toBe(false);
    expect(deepEqual({ a: [1, { b: "x" }], c: undefined }, { a: [1, { b: "x" }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual(["a", "b"], ["b", "a"])).toBe(false);
    expect(() => assertDeepEqual({ a: new Uint8Array([1]) }, { a: new Uint8Array([2]) }, "label")).toThrow(/label: bytes differ at a at index 0/);
  });

  it("CONF-A02 expectError accepts a rejection and a synchronous throw and returns the error", async () => {
    await expect(expectError(Promise.reject(notFound()), "NOT_FOUND", "a.txt")).resolves.toBeInstanceOf(NotFound);
    await expect(expectError(() => Promise.reject(notFound()), "NOT_FOUND")).resolves.toBeInstanceOf(NotFound);
    await expect(
      expectError(() => {
        throw notFound();
      }, "NOT_FOUND"),
    ).resolves.toBeInstanceOf(NotFound);
    await expect(expectError(() => Promise.reject(new TypeError("x")), ["RangeError", "TypeError"])).resolves.toBeInstanceOf(TypeError);
  });

  it("CONF-A02 expectError fails when nothing is thrown, on another code, and on another path", async () => {
    await expect(expectError(() => Promise.resolve(1), "NOT_FOUND")).rejects.toBeInstanceOf(ConformanceAssertionError);
    await expect(expectError(() => 1, "NOT_FOUND")).rejects.toBeInstanceOf(ConformanceAssertionError);
    await expect(expectError(Promise.reject(notFound()), "ALREADY_EXISTS")).rejects.toThrow(/expected ALREADY_EXISTS, got NotFound/);
    await expect(expectError(Promise.reject(notFound()), "NOT_FOUND", "b.txt")).rejects.toThrow(/path "b.txt"/);
    await expect(expectError(Promise.reject(new Error("plain")), "TypeError")).rejects.toBeInstanceOf(ConformanceAssertionError);
  });

  it("CONF-A03 expectRejection refuses a synchronous throw; expectThrowsSync refuses a returned value", async () => {
    await expect(
      expectRejection(() => {
        throw notFound();
      }, "NOT_FOUND"),
    ).rejects.toThrow(/threw synchronously/);
    await expect(expectRejection(() => Promise.reject(notFound()), "NOT_FOUND", "a.txt")).resolves.toBeInstanceOf(NotFound);
    expect(() => expectThrowsSync(() => "a listing", "NOT_FOUND")).toThrow(ConformanceAssertionError);
    expect(
      expectThrowsSync(() => {
        throw notFound();
      }, "NOT_FOUND"),
    ).toBeInstanceOf(NotFound);
  });

  it("CONF-A04 expectAnyError accepts any error but fails on success", async () => {
    await expect(expectAnyError(Promise.reject(new Error("boom")))).resolves.toBeInstanceOf(Error);
    await expect(expectAnyError(() => Promise.resolve("ok"))).rejects.toBeInstanceOf(ConformanceAssertionError);
  });
});
