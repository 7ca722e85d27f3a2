import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRemoteStoreError, normalizePath } from "../../src/index.js";
import { isNormalPath } from "../../src/paths/is-normal-path.js";
import { HOSTILE_PATH, modelNormalize } from "./support/hostile.js";

/** Hostile token paths and arbitrary Unicode strings. */
const ANY_PATH = fc.oneof(HOSTILE_PATH, fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));

function tryNormalize(raw: string): { ok: true; value: string } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: normalizePath(raw) };
  } catch (error) {
    return { ok: false, error };
  }
}

describe("normalizePath (properties)", { timeout: 60_000 }, () => {
  it("PATH-007 the normal-form check (the Store's fast path) holds exactly when normalizePath returns the path unchanged", () => {
    fc.assert(
      fc.property(ANY_PATH, (raw) => {
        const normalized = tryNormalize(raw);
        expect(isNormalPath(raw)).toBe(normalized.ok && normalized.value === raw);
      }),
      { numRuns: 3000 },
    );
    for (const raw of ["", "a", "a/b", "a..b/...", ".a/..b", "d1/d2/file.bin"]) expect(isNormalPath(raw)).toBe(true);
    for (const raw of ["/", "/a", "a/", "a//b", ".", "..", "./a", "a/.", "a/../b", "a\\b", "a\0b", 7]) expect(isNormalPath(raw)).toBe(false);
  });

  it("PATH-007 normalisation is idempotent", () => {
    fc.assert(
      fc.property(ANY_PATH, (raw) => {
        const once = tryNormalize(raw);
        fc.pre(once.ok);
        if (once.ok) expect(normalizePath(once.value)).toBe(once.value);
      }),
      { numRuns: 1000 },
    );
  });

  it("PATH-004 output has no empty, '.' or '..' segment, no leading or trailing slash, no backslash", () => {
    fc.assert(
      fc.property(ANY_PATH, (raw) => {
        const result = tryNormalize(raw);
        fc.pre(result.ok);
        if (!result.ok) return;
        const out = result.value;
        expect(out).not.toContain("\\");
        expect(out.startsWith("/")).toBe(false);
        expect(out.endsWith("/")).toBe(false);
        if (out !== "") {
          for (const segment of out.split("/")) expect(["", ".", ".."]).not.toContain(segment);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("PATH-006 normalisation keeps every other segment exactly, in order (matches the spec's model)", () => {
    fc.assert(
      fc.property(ANY_PATH, (raw) => {
        const result = tryNormalize(raw);
        const expected = modelNormalize(raw);
        if (expected === undefined) {
          expect(result.ok).toBe(false);
        } else {
          expect(result).toEqual({ ok: true, value: expected });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("PATH-002 a NUL anywhere is InvalidPath", () => {
    fc.assert(
      fc.property(ANY_PATH, ANY_PATH, (before, after) => {
        const result = tryNormalize(`${before}\0${after}`);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(isRemoteStoreError(result.error, "INVALID_PATH")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("PATH-005 every rejection of a string is InvalidPath, never another error", () => {
    fc.assert(
      fc.property(ANY_PATH, (raw) => {
        const result = tryNormalize(raw);
        if (!result.ok) expect(isRemoteStoreError(result.error, "INVALID_PATH")).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
