import type { FileInfo, WriteResult } from "../../contract/models.js";
import { joinPath } from "../../paths/path-parts.js";
import { normalizeFilePath } from "../../paths/normalize.js";
import { booleanOption, optionsObject } from "../../store/options.js";
import type { Store } from "../../store/store.js";
import { checkStore, functionOption } from "../internal/arguments.js";
import { requireCapability } from "../internal/capability.js";
import { copyFile } from "./copy-file.js";
import type { CopyBetweenOptions, CopyProgress } from "./types.js";

/**
 * Copies one file from one store to another — any two backends — streaming it chunk by chunk
 * (spec XFER-001..XFER-008). Keeps the content type, and the metadata where the destination can
 * store it. A failure part-way leaves the destination as it was.
 */
export async function copyBetween(src: Store, srcPath: string, dst: Store, dstPath: string, options?: CopyBetweenOptions): Promise<WriteResult> {
  checkStore(src, "src");
  checkStore(dst, "dst");
  requireCapability(src, "read", "copyBetween");
  requireCapability(dst, "write", "copyBetween");
  const o = optionsObject(options, ["overwrite", "keepModifiedAt", "onProgress"]);
  const overwrite = booleanOption(o.overwrite, "overwrite");
  const keepModifiedAt = booleanOption(o.keepModifiedAt, "keepModifiedAt");
  const onProgress = functionOption<(progress: CopyProgress) => void>(o.onProgress, "onProgress");
  if (keepModifiedAt) {
    requireCapability(dst, "setModifiedAt", "copyBetween with keepModifiedAt");
    requireCapability(src, "metadata", "copyBetween with keepModifiedAt");
  }
  const from = normalizeFilePath(srcPath, "srcPath");
  const to = normalizeFilePath(dstPath, "dstPath");
  if (src.backend === dst.backend && joinPath(src.rootPath, from) === joinPath(dst.rootPath, to)) {
    return writeResultOf(await src.getFileInfo(from), to);
  }
  const info = src.supports("metadata") ? await src.getFileInfo(from) : undefined;
  let bytesDone = 0;
  const bytesTotal = info?.size;
  return copyFile(src, from, dst, to, {
    overwrite,
    sizeHint: bytesTotal,
    contentType: info?.contentType,
    metadata: dst.supports("userMetadata") ? info?.metadata : undefined,
    modifiedAt: keepModifiedAt ? info?.modifiedAt : undefined,
    onBytes:
      onProgress === undefined
        ? undefined
        : (bytes) => {
            bytesDone += bytes;
            onProgress({ bytesDone, bytesTotal });
          },
  });
}

/** The `WriteResult` describing an existing file (the same-path no-op, XFER-008). */
function writeResultOf(info: FileInfo, path: string): WriteResult {
  return Object.freeze({
    path,
    size: info.size,
    modifiedAt: new Date(info.modifiedAt.getTime()),
    ...(info.contentType === undefined ? {} : { contentType: info.contentType }),
    ...(info.metadata === undefined ? {} : { metadata: info.metadata }),
  });
}
