import { isRecord } from "../../shared/checks/objects.js";

/**
 * The object a JSON text holds (a sidecar, a manifest, a journal line), or `undefined` for
 * anything else — malformed text, an array, a scalar. What the backend reads back from disk is
 * validated field by field after this.
 */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isRecord(value) ? value : undefined;
}
