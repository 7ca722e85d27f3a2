import { isObject } from "./checks/objects.js";
/** What redacted values are shown as (spec REG-080). */
export const REDACTED = "***";

const SECRET_PARTS = ["secret", "password", "passwd", "passphrase", "token", "credential", "connectionstring", "accesskey", "auth"];
const MIN_SCRUB_LENGTH = 4;

/**
 * True when an option key is credential-like (spec REG-080): ignoring case, `_` and `-`, it is
 * `key`, ends in `key`, or contains one of the secret words.
 */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replaceAll(/[_-]/g, "");
  return k.endsWith("key") || SECRET_PARTS.some((part) => k.includes(part));
}

/** A copy of `value` with every value under a credential-like key (at any depth) replaced by `***`. */
export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (!isPlainTable(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: isSecretKey(key) ? REDACTED : redactValue(inner), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * A URL with its password and credential-like query parameters replaced by `***`. Text that is
 * not a parseable URL is returned unchanged: a URL entry that fails to parse is never echoed.
 */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  let changed = false;
  if (url.password !== "") {
    url.password = REDACTED;
    changed = true;
  }
  for (const key of [...new Set(url.searchParams.keys())]) {
    if (!isSecretKey(key)) continue;
    url.searchParams.set(key, REDACTED);
    changed = true;
  }
  return changed ? url.href.replaceAll(encodeURIComponent(REDACTED), REDACTED) : text;
}

/** Every string of 4 or more characters found under a credential-like key of `value` (any depth). */
export function collectSecrets(value: unknown, into: Set<string> = new Set(), underSecret = false): Set<string> {
  if (typeof value === "string") {
    if (underSecret && value.length >= MIN_SCRUB_LENGTH) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, into, underSecret);
  } else if (isPlainTable(value)) {
    for (const [key, inner] of Object.entries(value)) collectSecrets(inner, into, underSecret || isSecretKey(key));
  }
  return into;
}

/** Credentials embedded in a URL string: its password and credential-like query values. */
export function collectUrlSecrets(text: string, into: Set<string>): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return;
  }
  const candidates = [url.password, safeDecode(url.password)];
  for (const [key, value] of url.searchParams) if (isSecretKey(key)) candidates.push(value, encodeURIComponent(value));
  for (const candidate of candidates) if (candidate.length >= MIN_SCRUB_LENGTH) into.add(candidate);
}

/** `text` with every occurrence of every secret replaced by `***` (longest secrets first). */
export function scrub(text: string, secrets: ReadonlySet<string>): string {
  let result = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.replaceAll(secret, REDACTED);
  return result;
}

/** True for a table-like object (plain or null-prototype), not arrays, dates or class instances. */
export function isPlainTable(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
