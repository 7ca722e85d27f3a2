import { copyOf } from "./file-content.js";

/** Contents up to this many bytes are copied into a shared slab instead of an array of their own. */
export const SLAB_ITEM_MAX = 1024;
/** Size of one slab. A slab is freed once no stored content uses any part of it. */
export const SLAB_BYTES = 16 * 1024;

/**
 * Copies small contents into shared slabs (spec MEM-004): one `ArrayBuffer` allocation serves
 * many small files, which makes small writes faster and stored files smaller. The views it
 * returns are stored content only — reads always hand out copies, never these views.
 */
export class SlabCopier {
  private slab = new Uint8Array(0);
  private used = 0;

  /** A private copy of `bytes`: a view into a slab for small contents, else an array of its own. */
  copy(bytes: Uint8Array): Uint8Array {
    const size = bytes.length;
    if (size > SLAB_ITEM_MAX || size === 0) return copyOf(bytes);
    if (this.used + size > this.slab.length) {
      this.slab = new Uint8Array(SLAB_BYTES);
      this.used = 0;
    }
    const at = this.used;
    this.slab.set(bytes, at);
    this.used = at + size;
    return this.slab.subarray(at, at + size);
  }
}
