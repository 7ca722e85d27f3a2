import { randomBytes } from "node:crypto";
import { link, open, rename, unlink, type FileHandle } from "node:fs/promises";
import * as nodePath from "node:path";
import { AlreadyExists } from "../../errors/classes.js";
import { localError } from "../errors/local-errors.js";
import type { Interrupt } from "../progress/interrupt.js";
import type { Location } from "../session/location.js";
import { readableChunks } from "../../shared/streams/stream-chunks.js";

/** How one download is done. */
export interface DownloadOptions {
  readonly overwrite: boolean;
  readonly interrupt: Interrupt;
  readonly onBytes: (bytes: number) => void;
}

/**
 * Downloads a store file to a local path (spec CLI-047): the bytes go to a temporary file in the
 * destination folder, which is renamed into place (or, without `overwrite`, hard-linked, so an
 * existing file is never replaced) only when complete. Any failure or Ctrl-C removes it.
 */
export async function downloadFile(source: Location, localPath: string, options: DownloadOptions): Promise<number> {
  const temp = nodePath.join(nodePath.dirname(localPath), `.${nodePath.basename(localPath)}.remote-store-partial-${randomBytes(6).toString("hex")}`);
  const stream = await source.run(() => source.store.read(source.path));
  let handle: FileHandle | undefined;
  let size = 0;
  try {
    try {
      handle = await open(temp, "wx");
    } catch (error) {
      throw localError(error, nodePath.dirname(localPath), "folder");
    }
    await source.run(async () => {
      for await (const chunk of readableChunks(stream)) {
        options.interrupt.check();
        await (handle as FileHandle).write(chunk);
        size += chunk.byteLength;
        options.onBytes(chunk.byteLength);
      }
    });
    options.interrupt.check();
    await handle.close();
    handle = undefined;
    await commit(temp, localPath, options.overwrite);
    return size;
  } catch (error) {
    await stream.cancel().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function commit(temp: string, target: string, overwrite: boolean): Promise<void> {
  try {
    if (overwrite) {
      await rename(temp, target);
      return;
    }
    await link(temp, target);
    await unlink(temp);
  } catch (error) {
    if ((error as { code?: unknown }).code === "EEXIST") throw new AlreadyExists(`local file already exists (use --force)`, { path: target, cause: error });
    throw localError(error, target, "file");
  }
}
