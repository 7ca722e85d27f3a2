import type { Metadata } from "../../contract/models.js";
import { decodeBase64, encodeBase64 } from "../../shared/bytes/base64.js";

/**
 * The library's own user-metadata key (spec S3-037): the modification time, in milliseconds
 * since the epoch, that a `move` carried over from its source. User keys never encode to it.
 */
export const MTIME_KEY = "rs-mtime";

/** Keys stored as they are: lowercase letters, digits, `-` and `_`, not starting with the reserved `rs-`. */
const PLAIN_KEY = /^(?!rs-)[a-z0-9_-]+$/;
/** Prefix of hex-encoded keys. */
const ENCODED_KEY_PREFIX = "rs--";
const ENCODED_KEY = /^rs--((?:[0-9a-f]{2})+)$/;
/** Values stored as they are: non-empty printable ASCII without surrounding spaces, not looking like an encoded word. */
const PLAIN_VALUE = /^(?!=\?)[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
const ENCODED_WORD = /^=\?utf-8\?([bq])\?(.*)\?=$/i;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false });

/**
 * Encodes user metadata for S3's `x-amz-meta-*` headers (spec S3-036). S3 lowercases header
 * names and carries only ASCII header values, so: a key of lowercase letters, digits, `-` and
 * `_` is stored as is; any other key as `rs--` + the hex of its bytes. A non-empty value of
 * printable ASCII (no leading or trailing space) is stored as is; any other value as an RFC 2047 encoded
 * word (`=?UTF-8?B?<base64>?=`), the form S3 itself uses for non-ASCII values.
 */
export function encodeMetadata(metadata: Metadata | undefined, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata ?? {})) out[encodeKey(key)] = encodeValue(value);
  for (const [key, value] of Object.entries(extra)) out[key] = value;
  return out;
}

/** What the stored metadata of an object holds: the user's metadata and the library's own keys. */
export interface DecodedMetadata {
  /** User metadata, `undefined` when there is none. */
  readonly metadata: Metadata | undefined;
  /** The carried-over modification time (spec S3-037), if any. */
  readonly mtime: number | undefined;
}

/** Decodes stored metadata (as the SDK returns it, keys lowercased) back into user metadata. */
export function decodeMetadata(stored: Readonly<Record<string, string>> | undefined): DecodedMetadata {
  const user: Record<string, string> = {};
  let mtime: number | undefined;
  let count = 0;
  for (const [rawKey, value] of Object.entries(stored ?? {})) {
    const key = rawKey.toLowerCase();
    if (key === MTIME_KEY) {
      const parsed = Number(value);
      if (Number.isSafeInteger(parsed) && parsed >= 0) mtime = parsed;
      continue;
    }
    Object.defineProperty(user, decodeKey(key), { value: decodeValue(value), enumerable: true, writable: true, configurable: true });
    count++;
  }
  return { metadata: count === 0 ? undefined : Object.freeze(user), mtime };
}

function encodeKey(key: string): string {
  if (PLAIN_KEY.test(key)) return key;
  let hex = ENCODED_KEY_PREFIX;
  for (const byte of encoder.encode(key)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

function decodeKey(key: string): string {
  const match = ENCODED_KEY.exec(key);
  if (match === null) return key;
  const hex = match[1] as string;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return decoder.decode(bytes);
}

function encodeValue(value: string): string {
  return PLAIN_VALUE.test(value) ? value : `=?UTF-8?B?${encodeBase64(encoder.encode(value))}?=`;
}

function decodeValue(value: string): string {
  const match = ENCODED_WORD.exec(value);
  if (match === null) return value;
  const [, kind, text] = match as unknown as [string, string, string];
  if (kind.toLowerCase() === "b") {
    const bytes = decodeBase64(text);
    return bytes === undefined ? value : decoder.decode(bytes);
  }
  return decodeQ(text) ?? value;
}

/** RFC 2047 "Q" encoding: `_` is a space, `=XX` a byte. */
function decodeQ(text: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "_") bytes.push(0x20);
    else if (char === "=") {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(char.charCodeAt(0) & 0xff);
  }
  return decoder.decode(new Uint8Array(bytes));
}
