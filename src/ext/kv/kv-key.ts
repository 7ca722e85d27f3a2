import { InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { describeType } from "../../shared/checks/objects.js";

const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/**
 * Checks a key (spec KV-002): a string that is already a normalised relative store path, so
 * that every key has exactly one spelling. `TypeError` for a non-string, `InvalidPath` otherwise.
 */
export function checkKey(key: unknown): string {
  if (typeof key !== "string") throw new TypeError(`key must be a string, got ${describeType(key)}`);
  if (
    key === "" ||
    key.charCodeAt(0) === 47 ||
    key.charCodeAt(key.length - 1) === 47 ||
    key.includes("//") ||
    key.includes("\\") ||
    key.includes("\0") ||
    DOT_SEGMENT.test(key)
  ) {
    throw new InvalidPath(`Not a valid key (a key is a normalised relative path): ${quotePath(key)}`, { path: key.replaceAll("\0", "\\0") });
  }
  return key;
}
