import { createHash } from "node:crypto";
import { Crc32, Crc32c, Crc64Nvme } from "@aws-sdk/checksums/crc";
import { S3Error } from "./errors.js";

/** The checksum algorithms this server validates and keeps (spec S3S-060). */
export const CHECKSUM_ALGORITHMS = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"] as const;

/** One checksum algorithm. */
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** `FULL_OBJECT`: over the whole object; `COMPOSITE`: over the parts' checksums (multipart). */
export type ChecksumType = "FULL_OBJECT" | "COMPOSITE";

/** A kept checksum: the algorithm, its base64 value (`-N` suffix for composites) and type. */
export interface StoredChecksum {
  readonly algorithm: ChecksumAlgorithm;
  readonly value: string;
  readonly type: ChecksumType;
}

const DIGEST_LENGTH: Readonly<Record<ChecksumAlgorithm, number>> = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32 };

/** An incremental checksum. */
export interface Checksummer {
  update(chunk: Uint8Array): void;
  /** The digest bytes (big-endian for CRCs). */
  digest(): Promise<Uint8Array>;
}

/** A new incremental checksum: the SDK's own CRCs (`@aws-sdk/checksums`), `node:crypto` SHAs. */
export function createChecksummer(algorithm: ChecksumAlgorithm): Checksummer {
  switch (algorithm) {
    case "CRC32":
      return new Crc32();
    case "CRC32C":
      return new Crc32c();
    case "CRC64NVME":
      return new Crc64Nvme();
    case "SHA1":
    case "SHA256": {
      const hash = createHash(algorithm === "SHA1" ? "sha1" : "sha256");
      return { update: (chunk) => void hash.update(chunk), digest: () => Promise.resolve(new Uint8Array(hash.digest())) };
    }
  }
}

/** The header (and trailer) name of an algorithm's value: `x-amz-checksum-crc32`. */
export function checksumHeaderName(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

/** The XML element of an algorithm's value: `ChecksumCRC32`. */
export function checksumElementName(algorithm: ChecksumAlgorithm): string {
  return `Checksum${algorithm}`;
}

/** The algorithm named (case-insensitively), or `InvalidRequest`. */
export function parseAlgorithm(name: string): ChecksumAlgorithm {
  const upper = name.toUpperCase();
  const found = CHECKSUM_ALGORITHMS.find((algorithm) => algorithm === upper);
  if (found === undefined) throw new S3Error("InvalidRequest", `Checksum algorithm ${JSON.stringify(name)} is not supported; use one of ${CHECKSUM_ALGORITHMS.join(", ")}.`);
  return found;
}

/** The algorithm whose header or trailer `name` is (`x-amz-checksum-crc32` → CRC32), or `undefined`. */
export function algorithmOfHeader(name: string): ChecksumAlgorithm | undefined {
  return CHECKSUM_ALGORITHMS.find((algorithm) => checksumHeaderName(algorithm) === name.toLowerCase());
}

/** Checks that `value` is the base64 of a digest of the algorithm's length; `InvalidRequest` otherwise. */
export function checkChecksumValue(algorithm: ChecksumAlgorithm, value: string): void {
  const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0 ? Buffer.from(value, "base64") : undefined;
  if (bytes?.length !== DIGEST_LENGTH[algorithm]) {
    throw new S3Error("InvalidRequest", `Value for ${checksumHeaderName(algorithm)} header is invalid.`);
  }
}

/** The base64 checksum of `data` in one go. */
export async function checksumOf(algorithm: ChecksumAlgorithm, data: Uint8Array): Promise<string> {
  const checksummer = createChecksummer(algorithm);
  checksummer.update(data);
  return Buffer.from(await checksummer.digest()).toString("base64");
}

/**
 * A multipart upload's `COMPOSITE` checksum (spec S3S-062): the checksum of the concatenated
 * binary part checksums, base64, then `-<number of parts>`.
 */
export async function compositeChecksum(algorithm: ChecksumAlgorithm, partValues: readonly string[]): Promise<string> {
  const joined = Buffer.concat(partValues.map((value) => Buffer.from(value, "base64")));
  return `${await checksumOf(algorithm, joined)}-${partValues.length}`;
}

/** Which checksum types an algorithm supports for multipart uploads, the default first (spec S3S-062). */
export function multipartTypes(algorithm: ChecksumAlgorithm): readonly ChecksumType[] {
  if (algorithm === "CRC64NVME") return ["FULL_OBJECT"];
  if (algorithm === "SHA1" || algorithm === "SHA256") return ["COMPOSITE"];
  return ["COMPOSITE", "FULL_OBJECT"];
}
