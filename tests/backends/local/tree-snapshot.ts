import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import * as nodePath from "node:path";

/**
 * Every entry below `dir`, hidden ones included, by relative path ("/"-separated): its kind and
 * mode, and for a file its size, modification time and SHA-256; for a link its target. A folder's
 * own modification time is left out: entries that came and went change it, not its content.
 * Two equal snapshots mean a byte-for-byte equal tree.
 */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const name of (await readdir(folder)).sort()) {
      const local = nodePath.join(folder, name);
      const path = prefix === "" ? name : `${prefix}/${name}`;
      const stats = await lstat(local);
      const mode = (stats.mode & 0o7777).toString(8);
      if (stats.isDirectory()) {
        out[path] = `folder ${mode}`;
        await walk(local, path);
      } else if (stats.isFile()) {
        const sha = createHash("sha256").update(await readFile(local)).digest("hex");
        out[path] = `file ${mode} ${stats.size} ${stats.mtimeMs} ${sha}`;
      } else if (stats.isSymbolicLink()) {
        out[path] = `link -> ${await readlink(local)}`;
      } else {
        out[path] = `other ${mode}`;
      }
    }
  };
  await walk(dir, "");
  return out;
}

/** The bytes of the regular files below `dir` whose relative path is not in `before` (hidden ones included). */
export function addedBytes(before: Record<string, string>, after: Record<string, string>): number {
  let total = 0;
  for (const [path, entry] of Object.entries(after)) {
    if (before[path] === entry || !entry.startsWith("file ")) continue;
    total += Number(entry.split(" ")[2]);
  }
  return total;
}
