import { InvalidArgument } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { isRecord } from "../../shared/checks/objects.js";

/** A stored key (spec KV-001): the value and its expiry in epoch milliseconds (`null`: never). */
export interface KvRecord {
  readonly value: unknown;
  readonly expiresAt: number | null;
}

/** The file content of a record whose value is already JSON text. */
export function encodeRecord(valueJson: string, expiresAt: number | null): string {
  return `{"value":${valueJson},"expiresAt":${expiresAt === null ? "null" : JSON.stringify(expiresAt)}}`;
}

/** Parses a record; anything else is `InvalidArgument` naming the key. */
export function decodeRecord(text: string, key: string): KvRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw notRecord(key, error);
  }
  if (!isRecord(parsed) || !("value" in parsed)) throw notRecord(key);
  const expiresAt = (parsed as { expiresAt?: unknown }).expiresAt;
  if (expiresAt !== null && (typeof expiresAt !== "number" || !Number.isFinite(expiresAt))) throw notRecord(key);
  return parsed as unknown as KvRecord;
}

/** True when the record has expired at `now` (spec KV-020). */
export function isExpired(record: KvRecord, now: number): boolean {
  return record.expiresAt !== null && now >= record.expiresAt;
}

function notRecord(key: string, cause?: unknown): InvalidArgument {
  return new InvalidArgument(`Not a key-value record: ${quotePath(key)}`, { path: key, cause });
}
