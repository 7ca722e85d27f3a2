import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MTIME_KEY, decodeMetadata, encodeMetadata } from "../../../src/backends/s3/metadata-codec.js";

/** What S3 does to stored metadata: names lowercased, values kept (ASCII). */
function throughS3(encoded: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(encoded).map(([k, v]) => [k.toLowerCase(), v]));
}

const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const HEADER_VALUE = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)$/;

describe("S3 user metadata encoding", () => {
  it("S3-036 simple lowercase keys and ASCII values are stored as they are", () => {
    expect(encodeMetadata({ author: "alice", "x-tag": "1", my_key: "a b" })).toEqual({ author: "alice", "x-tag": "1", my_key: "a b" });
  });

  it("S3-036 other keys and values are encoded into valid lowercase ASCII headers and decode back", () => {
    const metadata = { Author: "Zoë", "with space": " padded ", "rs-mtime": "x", "rs--41": "", "a.b": "=?UTF-8?B?AA==?=", "😀": "ok" };
    const encoded = encodeMetadata(metadata);
    for (const [key, value] of Object.entries(encoded)) {
      expect(key).toMatch(HEADER_NAME);
      expect(value).toMatch(HEADER_VALUE);
      expect(key).not.toBe(MTIME_KEY);
    }
    expect(decodeMetadata(throughS3(encoded))).toEqual({ metadata, mtime: undefined });
  });

  it("S3-036 property: every printable-ASCII-keyed metadata round-trips through S3's lowercasing", () => {
    const key = fc.string({ unit: fc.constantFrom(..." !#$%&()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~rs"), minLength: 1, maxLength: 12 }).filter((k) => !k.startsWith("_"));
    fc.assert(
      fc.property(fc.dictionary(key, fc.string({ unit: "binary", maxLength: 20 }), { minKeys: 1, maxKeys: 5 }), (metadata) => {
        const encoded = encodeMetadata(metadata);
        for (const [k, v] of Object.entries(encoded)) {
          expect(k).toMatch(HEADER_NAME);
          expect(v).toMatch(HEADER_VALUE);
        }
        expect(decodeMetadata(throughS3(encoded)).metadata).toEqual(metadata);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it("S3-037 the reserved rs-mtime key is read as the carried-over time, not as user metadata", () => {
    expect(decodeMetadata({ [MTIME_KEY]: "1700000000000", k: "v" })).toEqual({ metadata: { k: "v" }, mtime: 1_700_000_000_000 });
    expect(decodeMetadata({ [MTIME_KEY]: "garbage" })).toEqual({ metadata: undefined, mtime: undefined });
    expect(encodeMetadata({ k: "v" }, { [MTIME_KEY]: "5" })).toEqual({ k: "v", [MTIME_KEY]: "5" });
  });

  it("S3-036 values S3 itself returns RFC 2047-encoded (B and Q forms) are decoded", () => {
    expect(decodeMetadata({ a: "=?UTF-8?B?WsO2ZQ==?=", b: "=?utf-8?q?Z=C3=B6e_x?=", c: "=?UTF-8?B?not base64?=" }).metadata).toEqual({ a: "Zöe", b: "Zöe x", c: "=?UTF-8?B?not base64?=" });
  });
});
