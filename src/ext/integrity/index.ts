/**
 * `remote-store/ext/integrity`: streaming content digests over any Store (spec ext-integrity.md).
 */
export { checksum, verify, digestStream } from "./checksum.js";
export { createDigest, type Digest, type DigestSource } from "./digest.js";
export { DIGEST_ALGORITHMS, DEFAULT_DIGEST_ALGORITHM, type DigestAlgorithm, type DigestOptions } from "./algorithms.js";
