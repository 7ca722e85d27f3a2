import type { Store } from "../../store/store.js";
import { checksum } from "../integrity/checksum.js";
import { createDigest } from "../integrity/digest.js";
import { SMALL_FILE } from "./copy-file.js";

/**
 * The SHA-256 of a file for a checksum comparison (spec XFER-024), read the way copies read
 * (XFER-001): a file of at most {@link SMALL_FILE} bytes in one piece, a larger one streamed.
 */
export async function fileDigest(store: Store, path: string, sizeHint: number): Promise<string> {
  if (sizeHint <= SMALL_FILE) {
    const bytes = await store.readBytes(path, { length: SMALL_FILE + 1 });
    if (bytes.length <= SMALL_FILE) return createDigest("sha256").update(bytes).hex();
  }
  return checksum(store, path);
}
