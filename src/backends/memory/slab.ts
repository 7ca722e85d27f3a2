import { copyOf } from "./file-content.js";
import { storedWhole, type StoredContent } from "./nodes.js";

/** Contents up to this many bytes are copied into a shared slab instead of an array of their own. */
export const SLAB_ITEM_MAX = 1024;
/** Size of one slab. A slab is freed once no stored content uses any part of it. */
export const SLAB_BYTES = 16 * 1024;

/**
 * Copies small contents into shared slabs (spec MEM-004): one `ArrayBuffer` allocation serves
 * many small files, which makes small writes faster and stored files smaller. A small content is
 * stored as its slab and an offset, with no view object of its own; reads always hand out copies.
 */
export class SlabCopier {
  private slab = new Uint8Array(0);
  private used = 0;

  /** A private copy of `bytes`: a place in a slab for small contents, else an array of its own. */
  copy(bytes: Uint8Array): StoredContent {
    const size = bytes.length;
    if (size > SLAB_ITEM_MAX || size === 0) return storedWhole(copyOf(bytes), size);
    if (this.used + size > this.slab.length) {
      this.slab = new Uint8Array(SLAB_BYTES);
      this.used = 0;
    }
    const at = this.used;
    this.slab.set(bytes, at);
    this.used = at + size;
    return { content: this.slab, offset: at, size };
  }
}
