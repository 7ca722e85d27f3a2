import type { Metadata, WriteResult } from "../../contract/models.js";
import type { Store } from "../../store/store.js";
import { ChunkSource } from "./chunk-source.js";

/**
 * Files up to this size are read in one piece (spec XFER-001): one chunk's worth of memory, the
 * same a stream would hold, without a stream's per-file cost. Larger files stream.
 */
export const SMALL_FILE = 64 * 1024;

/** How one file is copied (everything already validated). */
export interface FileCopy {
  readonly overwrite: boolean;
  /** The size the source listed or reported; a file that is not larger than {@link SMALL_FILE} is read whole. */
  readonly sizeHint: number | undefined;
  /** The type to store; `undefined` lets the destination guess. */
  readonly contentType: string | undefined;
  /** Metadata to store (only for destinations with `userMetadata`). */
  readonly metadata: Metadata | undefined;
  /** A modification time to store (only for destinations with `setModifiedAt`). */
  readonly modifiedAt: Date | undefined;
  /** Called with the size of every chunk as it passes. */
  readonly onBytes: ((bytes: number) => void) | undefined;
}

/**
 * Copies one file from `src` to `dst` (spec XFER-001, XFER-006) with `dst.write`, which leaves no
 * partial file when the source fails (ST-032). Paths are normalised store-relative paths.
 */
export async function copyFile(src: Store, srcPath: string, dst: Store, dstPath: string, copy: FileCopy): Promise<WriteResult> {
  const options = {
    overwrite: copy.overwrite,
    ...(copy.contentType === undefined ? {} : { contentType: copy.contentType }),
    ...(copy.metadata === undefined ? {} : { metadata: copy.metadata }),
    ...(copy.modifiedAt === undefined ? {} : { modifiedAt: copy.modifiedAt }),
  };
  if (copy.sizeHint !== undefined && copy.sizeHint <= SMALL_FILE) {
    const bytes = await src.readBytes(srcPath, { length: SMALL_FILE + 1 });
    if (bytes.length <= SMALL_FILE) {
      copy.onBytes?.(bytes.length);
      return dst.write(dstPath, bytes, options);
    }
  }
  const source = new ChunkSource(await src.read(srcPath), copy.onBytes);
  try {
    return await dst.write(dstPath, source.chunks(), options);
  } finally {
    await source.abandon();
  }
}
