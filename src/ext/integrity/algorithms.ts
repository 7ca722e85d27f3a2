import { md5, sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describeType, isRecord } from "../../shared/checks/objects.js";

/** The digest algorithms this module computes (spec INT-001). */
export const DIGEST_ALGORITHMS = ["sha256", "sha1", "md5"] as const;

/** One digest algorithm name. */
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

/** The algorithm used when none is given. */
export const DEFAULT_DIGEST_ALGORITHM: DigestAlgorithm = "sha256";

/** Options naming a digest algorithm. */
export interface DigestOptions {
  /** `"sha256"` (default), `"sha1"` or `"md5"`. */
  readonly algorithm?: DigestAlgorithm;
}

/** The incremental hash state the algorithms share. */
export interface HashState {
  update(bytes: Uint8Array): unknown;
  digest(): Uint8Array;
}

const FACTORIES: Record<DigestAlgorithm, { create: () => HashState; hexLength: number }> = {
  sha256: { create: () => sha256.create(), hexLength: 64 },
  sha1: { create: () => sha1.create(), hexLength: 40 },
  md5: { create: () => md5.create(), hexLength: 32 },
};

/** Validates an algorithm name (spec INT-001): `TypeError` for a non-string, `RangeError` for an unknown name. */
export function checkAlgorithm(value: unknown): DigestAlgorithm {
  if (value === undefined) return DEFAULT_DIGEST_ALGORITHM;
  if (typeof value !== "string") throw new TypeError(`algorithm must be a string, got ${describeType(value)}`);
  if (!(DIGEST_ALGORITHMS as readonly string[]).includes(value)) {
    throw new RangeError(`Unknown digest algorithm ${JSON.stringify(value)}; known: ${DIGEST_ALGORITHMS.join(", ")}`);
  }
  return value as DigestAlgorithm;
}

/** The algorithm of a `{ algorithm? }` options object. */
export function algorithmOption(options: DigestOptions | undefined): DigestAlgorithm {
  if (options === undefined) return DEFAULT_DIGEST_ALGORITHM;
  if (!isRecord(options)) {
    throw new TypeError(`options must be an object, got ${describeType(options)}`);
  }
  return checkAlgorithm(options.algorithm);
}

/** A fresh hash state for `algorithm`. */
export function newHashState(algorithm: DigestAlgorithm): HashState {
  return FACTORIES[algorithm].create();
}

/** Number of hex digits of a digest of `algorithm`. */
export function hexLength(algorithm: DigestAlgorithm): number {
  return FACTORIES[algorithm].hexLength;
}
