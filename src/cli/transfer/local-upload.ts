import { createReadStream } from "node:fs";
import { lstat, readdir, stat } from "node:fs/promises";
import * as nodePath from "node:path";
import type { Readable } from "node:stream";
import type { Metadata, WriteResult } from "../../contract/models.js";
import { localError } from "../errors/local-errors.js";
import type { Interrupt } from "../progress/interrupt.js";
import type { Location } from "../session/location.js";

/** How one upload is done. */
export interface UploadOptions {
  readonly overwrite: boolean;
  readonly contentType?: string | undefined;
  readonly metadata?: Metadata | undefined;
  readonly interrupt: Interrupt;
  readonly onBytes: (bytes: number) => void;
}

/**
 * Streams a local file (or stdin) into the store (spec CLI-046): `writeAtomic` where the backend
 * has it, else `write`; both leave no partial file when the source fails or Ctrl-C aborts it
 * (the interrupt is checked before each chunk is handed on).
 */
export async function uploadStream(target: Location, source: Readable, localName: string, options: UploadOptions): Promise<WriteResult> {
  const { interrupt, onBytes } = options;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of source) {
        interrupt.check();
        const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
        onBytes(bytes.byteLength);
        yield bytes;
      }
      interrupt.check();
    } catch (error) {
      throw localError(error, localName, "file");
    } finally {
      source.destroy();
    }
  }
  const store = target.store;
  const writeOptions = {
    overwrite: options.overwrite,
    ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
    ...(options.metadata === undefined ? {} : { metadata: options.metadata }),
  };
  return target.run(() => (store.supports("atomicWrite") ? store.writeAtomic(target.path, chunks(), writeOptions) : store.write(target.path, chunks(), writeOptions)));
}

/** Opens a local file for reading (1 MiB chunks). */
export function openLocalFile(path: string): Readable {
  return createReadStream(path, { highWaterMark: 1024 * 1024 });
}

/** A local file or folder to upload, with its path relative to the folder being uploaded. */
export interface LocalFile {
  readonly local: string;
  readonly relative: string;
  readonly size: number;
}

/** What kind of thing a local path is; library errors (`NOT_FOUND`, …) for problems. */
export async function localKind(path: string): Promise<"file" | "folder" | "other"> {
  try {
    const info = await stat(path);
    return info.isFile() ? "file" : info.isDirectory() ? "folder" : "other";
  } catch (error) {
    throw localError(error, path, "path");
  }
}

/** Every file and folder below a local folder (following symbolic links to files and folders), in name order. */
export async function walkLocal(root: string): Promise<{ files: LocalFile[]; folders: string[] }> {
  const files: LocalFile[] = [];
  const folders: string[] = [];
  const visit = async (dir: string, relative: string): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (error) {
      throw localError(error, dir, "folder");
    }
    for (const name of names) {
      const local = nodePath.join(dir, name);
      const rel = relative === "" ? name : `${relative}/${name}`;
      const info = await stat(local).catch(() => lstat(local));
      if (info.isDirectory()) {
        folders.push(rel);
        await visit(local, rel);
      } else if (info.isFile()) {
        files.push({ local, relative: rel, size: info.size });
      }
    }
  };
  await visit(root, "");
  return { files, folders };
}
