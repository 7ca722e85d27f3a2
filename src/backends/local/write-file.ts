import { unlink } from "node:fs/promises";
import * as nodePath from "node:path";
import type { BackendContent, BackendWriteOptions } from "../../contract/backend.js";
import type { WriteResult } from "../../contract/models.js";
import { checkDestination } from "./destination.js";
import { ignore } from "./fs-step.js";
import type { LocalRoot } from "./local-root.js";
import { prepareParent } from "./parents.js";
import { attributes, prepareSidecar, type PendingSidecar } from "./sidecar.js";
import { commitTemp, writeTemp, type TempFile } from "./temp-file.js";

/** Options of {@link writeFile} beyond the backend's write options. */
export interface WriteFileOptions extends BackendWriteOptions {
  /** Flush to stable storage before the rename (`writeAtomic`, spec LOC-043). */
  readonly sync: boolean;
}

/**
 * Writes a file through a temp file in its folder (spec LOC-040..LOC-045): preconditions,
 * parent folders, temp file, sidecar, then an atomic rename (or an exclusive link). On any
 * failure the temp file, the prepared sidecar and every parent folder this call created are
 * removed, and the error propagates (a content error unchanged). After a crash the journal tells
 * the next backend to remove them (LOC-132, LOC-133).
 */
export async function writeFile(
  root: LocalRoot,
  segments: readonly string[],
  content: BackendContent,
  options: WriteFileOptions,
): Promise<WriteResult> {
  const path = segments.join("/");
  const name = segments[segments.length - 1] ?? "";
  const target = await root.resolve(segments, path);
  checkDestination(target, options.overwrite, path);
  const parent = await prepareParent(root, segments, target);
  const attrs = attributes(options.contentType, options.metadata);
  let temp: TempFile | undefined;
  let sidecar: PendingSidecar | undefined;
  let modifiedAt: Date;
  try {
    temp = await writeTemp(await root.temp(parent.folder), content, { path, sync: options.sync, modifiedAt: options.modifiedAt });
    sidecar = await prepareSidecar(parent.folder, name, attrs, { path, temps: root });
    modifiedAt = await commitTemp(temp, nodePath.join(parent.folder, name), { overwrite: options.overwrite, path });
  } catch (error) {
    if (temp !== undefined) await unlink(temp.local).catch(ignore);
    await parent.rollback(sidecar);
    throw error;
  }
  await parent.done(sidecar);
  const result: WriteResult = {
    path,
    size: temp.size,
    modifiedAt,
    contentType: attrs.contentType,
    ...(attrs.metadata === undefined ? {} : { metadata: Object.freeze({ ...attrs.metadata }) }),
  };
  return Object.freeze(result);
}
