import { InvalidPath, NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import type { Location } from "../session/location.js";

/** What a location points at. */
export type LocationKind = "file" | "folder";

/** Whether the location is a file or a folder; `NOT_FOUND` when it is neither. */
export async function kindOf(location: Location): Promise<LocationKind> {
  return location.run(async () => {
    if (location.path !== "" && (await location.store.isFile(location.path))) return "file";
    if (await location.store.isFolder(location.path)) return "folder";
    throw new NotFound(`No such file or folder: ${quotePath(location.path)}`, { path: location.path });
  });
}

/** Throws `INVALID_PATH` unless the location is an existing folder (`NOT_FOUND` when missing). */
export async function requireFolder(location: Location, what: string): Promise<void> {
  if ((await kindOf(location)) === "folder") return;
  throw location.label(new InvalidPath(`${what} needs a folder, not a file: ${quotePath(location.path)}`, { path: location.path }));
}

/** `INVALID_PATH` for a folder given where a file is needed without `-r` (spec CLI-045). */
export function folderNeedsRecursive(location: Location): unknown {
  return location.label(new InvalidPath(`Is a folder (use -r): ${quotePath(location.path)}`, { path: location.path }));
}
