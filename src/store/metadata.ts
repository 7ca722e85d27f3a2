import type { Metadata } from "../contract/models.js";
import { describeType, isRecord } from "../shared/checks/objects.js";

/** Largest total of key bytes plus UTF-8 value bytes, as on S3 (spec ST-041). */
export const MAX_METADATA_BYTES = 2048;

const encoder = new TextEncoder();

/**
 * Validates user metadata and returns a frozen copy, or `undefined` for absent or empty
 * metadata (spec ST-040..ST-042). Throws `TypeError` for wrong shapes and `RangeError` when the
 * total exceeds {@link MAX_METADATA_BYTES}.
 */
export function validateMetadata(metadata: unknown): Metadata | undefined {
  if (metadata === undefined) return undefined;
  if (!isRecord(metadata)) {
    throw new TypeError(`metadata must be an object of string values, got ${describeType(metadata)}`);
  }
  const copy: Record<string, string> = {};
  let total = 0;
  let count = 0;
  for (const [key, value] of Object.entries(metadata)) {
    if (key === "") throw new TypeError("metadata keys must not be empty");
    if (key.startsWith("_")) throw new TypeError(`metadata key ${JSON.stringify(key)} must not start with "_"`);
    if (!/^[\x20-\x7e]+$/.test(key)) throw new TypeError(`metadata key ${JSON.stringify(key)} must be printable ASCII`);
    if (typeof value !== "string") {
      throw new TypeError(`metadata value of ${JSON.stringify(key)} must be a string, got ${describeType(value)}`);
    }
    total += key.length + encoder.encode(value).length;
    copy[key] = value;
    count++;
  }
  if (total > MAX_METADATA_BYTES) {
    throw new RangeError(`metadata totals ${total} bytes; the limit is ${MAX_METADATA_BYTES}`);
  }
  return count === 0 ? undefined : Object.freeze(copy);
}
