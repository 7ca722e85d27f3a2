import { randomUUID } from "node:crypto";
import { RESERVED_PREFIX } from "./reserved.js";

/** A fresh name for a temp file; reserved, so listings never show it (spec LOC-040). */
export function tempName(): string {
  return `${RESERVED_PREFIX}-tmp-${randomUUID()}`;
}
