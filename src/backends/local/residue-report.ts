import type { Dirent } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import * as nodePath from "node:path";
import { compareCodePoints } from "../../paths/compare.js";
import { joinPath } from "../../paths/path-parts.js";
import { JOURNALS_FOLDER } from "./journal-records.js";
import { ownerState, type Owner, type OwnerState } from "./owner.js";
import { isTempName, parseTaggedName, parseTempName } from "./temp-name.js";
import { UPLOADS_FOLDER, isUploadId, readManifest } from "./upload-manifest.js";

/** One thing left below a local root that is not the store's data (spec LOC-135). */
export interface ResidueEntry {
  /** Backend-relative path; it contains the reserved name. */
  readonly path: string;
  /** A temp file or folder, a journal, or a multipart upload's folder. */
  readonly kind: "file" | "folder" | "journal" | "upload";
  /** The bytes it holds (a folder: every file below it). */
  readonly size: number;
  /** Who made it, when known (`host` as the name carries it, shortened; an upload's in full). */
  readonly owner?: { readonly host: string; readonly pid: number };
  /** Whether the owner may still be working (spec LOC-131); `"unknown"` without an owner. */
  readonly state: OwnerState;
  /** For an upload: the path of the file it makes. */
  readonly target?: string;
  /** For an upload: when it was started. */
  readonly startedAt?: Date;
}

/**
 * Walks the whole tree below the real root (symbolic links are not followed) and reports every
 * temp entry, journal and upload, removing nothing (spec LOC-135). Sorted by path in code point
 * order.
 */
export async function findResidue(realRoot: string, self: Owner): Promise<ResidueEntry[]> {
  const found: ResidueEntry[] = [];
  const report = new Reporter(self, found);
  await report.folder(realRoot, "");
  return found.sort((a, b) => compareCodePoints(a.path, b.path));
}

class Reporter {
  constructor(
    private readonly self: Owner,
    private readonly found: ResidueEntry[],
  ) {}

  /** Everything below `local` (backend path `path`). */
  async folder(local: string, path: string): Promise<void> {
    const dirents = await entries(local);
    await Promise.all(
      dirents.map(async (dirent) => {
        const child = nodePath.join(local, dirent.name);
        const childPath = joinPath(path, dirent.name);
        if (isTempName(dirent.name)) return this.temp(child, childPath, dirent);
        if (!dirent.isDirectory()) return undefined;
        if (path === "" && dirent.name === JOURNALS_FOLDER) return this.journals(child, childPath);
        if (path === "" && dirent.name === UPLOADS_FOLDER) return this.uploads(child, childPath);
        return this.folder(child, childPath);
      }),
    );
  }

  private async temp(local: string, path: string, dirent: Dirent): Promise<void> {
    const owner = parseTempName(dirent.name)?.owner;
    const state = owner === undefined ? "unknown" : await ownerState(owner, this.self);
    const kind = dirent.isDirectory() ? "folder" : "file";
    this.add({ path, kind, size: await sizeOf(local), ...ownerOf(owner), state });
  }

  private async journals(local: string, path: string): Promise<void> {
    for (const dirent of await entries(local)) {
      const owner = parseTaggedName(dirent.name)?.owner;
      const state = owner === undefined ? "unknown" : await ownerState(owner, this.self);
      const size = await sizeOf(nodePath.join(local, dirent.name));
      this.add({ path: joinPath(path, dirent.name), kind: "journal", size, ...ownerOf(owner), state });
    }
  }

  private async uploads(local: string, path: string): Promise<void> {
    for (const dirent of await entries(local)) {
      const child = nodePath.join(local, dirent.name);
      const childPath = joinPath(path, dirent.name);
      if (isTempName(dirent.name)) await this.temp(child, childPath, dirent);
      else if (dirent.isDirectory() && isUploadId(dirent.name)) await this.upload(child, childPath);
    }
  }

  private async upload(local: string, path: string): Promise<void> {
    const manifest = await readManifest(local).catch(() => undefined);
    const owner = manifest?.owner;
    const state = owner === undefined ? "unknown" : await ownerState(owner, this.self);
    this.add({
      path,
      kind: manifest === undefined ? "folder" : "upload",
      size: await sizeOf(local),
      ...ownerOf(owner),
      state,
      ...(manifest === undefined ? {} : { target: manifest.path, startedAt: new Date(manifest.startedAt) }),
    });
    await this.folder(local, path);
  }

  private add(entry: ResidueEntry): void {
    this.found.push(Object.freeze(entry));
  }
}

function ownerOf(owner: Owner | undefined): { owner?: { host: string; pid: number } } {
  return owner === undefined ? {} : { owner: Object.freeze({ host: owner.host, pid: owner.pid }) };
}

async function entries(local: string): Promise<Dirent[]> {
  return readdir(local, { withFileTypes: true }).catch((): Dirent[] => []);
}

/** The bytes of a file, or of every file below a folder (links not followed); 0 when it vanished. */
async function sizeOf(local: string): Promise<number> {
  const stats = await lstat(local).catch(() => undefined);
  if (stats === undefined) return 0;
  if (!stats.isDirectory()) return stats.isFile() ? stats.size : 0;
  const sizes = await Promise.all((await entries(local)).map((dirent) => sizeOf(nodePath.join(local, dirent.name))));
  return sizes.reduce((a, b) => a + b, 0);
}
