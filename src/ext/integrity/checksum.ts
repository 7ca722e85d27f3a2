import type { Store } from "../../store/store.js";
import { checkStore } from "../internal/arguments.js";
import { requireCapability } from "../internal/capability.js";
import { algorithmOption, hexLength, type DigestOptions } from "./algorithms.js";
import { hashChunks, type DigestSource } from "./digest.js";

const HEX = /^[0-9a-fA-F]*$/;

/**
 * The lowercase hex digest of a file's content (spec INT-002), streamed chunk by chunk
 * (INT-003): memory use does not grow with the file. SHA-256 unless `algorithm` says otherwise.
 */
export async function checksum(store: Store, path: string, options?: DigestOptions): Promise<string> {
  requireCapability(checkStore(store), "read", "checksum");
  const algorithm = algorithmOption(options);
  return hashChunks(await store.read(path), algorithm);
}

/**
 * True when the file's digest equals `expected` (hex, any case) — spec INT-005. A digest of the
 * wrong shape for the algorithm is a `RangeError`, not a mismatch.
 */
export async function verify(store: Store, path: string, expected: string, options?: DigestOptions): Promise<boolean> {
  requireCapability(checkStore(store), "read", "verify");
  const algorithm = algorithmOption(options);
  if (typeof expected !== "string") throw new TypeError(`expected must be a hex string, got ${typeof expected}`);
  if (expected.length !== hexLength(algorithm) || !HEX.test(expected)) {
    throw new RangeError(`expected must be a ${hexLength(algorithm)}-digit hex ${algorithm} digest, got ${JSON.stringify(expected)}`);
  }
  const actual = await checksum(store, path, { algorithm });
  return actual === expected.toLowerCase();
}

/** The lowercase hex digest of a stream or (async) iterable of byte chunks (spec INT-006). */
export async function digestStream(source: DigestSource, options?: DigestOptions): Promise<string> {
  return hashChunks(source, algorithmOption(options));
}
