import type { PartInfo } from "../../../contract/backend-extensions.js";
import { assert, assertEqual, show } from "../../assert.js";

/** `{ partNumber, etag }` of an uploaded part, as `complete` takes it. */
export function ref(part: PartInfo): { partNumber: number; etag: string } {
  return { partNumber: part.partNumber, etag: part.etag };
}

/** A plain `{ partNumber, size, etag }` copy of a part, for deep comparisons. */
export function plainPart(part: PartInfo): { partNumber: number; size: number; etag: string } {
  return { partNumber: part.partNumber, size: part.size, etag: part.etag };
}

/** Fails unless `part` is a well-formed PartInfo of `partNumber` and `size`. */
export function expectPart(part: PartInfo, partNumber: number, size: number, label: string): void {
  assertEqual(part.partNumber, partNumber, `${label}.partNumber`);
  assertEqual(part.size, size, `${label}.size`);
  assert(typeof part.etag === "string" && part.etag.length > 0, `${label}.etag: expected a non-empty string, got ${show(part.etag)}`);
}
