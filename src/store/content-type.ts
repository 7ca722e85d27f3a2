/** The default content type when nothing better is known. */
export const DEFAULT_CONTENT_TYPE = "application/octet-stream";

/** Looks up the MIME type of a file extension (without the dot). */
export type MimeLookup = (extension: string) => string | undefined;

let lookup: MimeLookup | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the MIME table (mrmime) on the first guess that needs it (spec ST-035, ST-036), so that
 * importing the core costs nothing for it; code that must guess synchronously (`SyncStore`)
 * installs it up front with {@link installMimeLookup}.
 */
export function loadMimeLookup(): Promise<void> {
  loading ??= import("mrmime").then((module) => {
    lookup ??= module.lookup;
  });
  return loading;
}

/** Installs the MIME table synchronously (for callers that import it themselves). */
export function installMimeLookup(table: MimeLookup): void {
  lookup ??= table;
}

/**
 * Resolves the stored content type (spec ST-035): the explicit option, else a Blob's `type`,
 * else a guess from the file extension, else `application/octet-stream`. `undefined` only when a
 * guess is needed and the MIME table is not loaded yet: call {@link loadMimeLookup} and ask again.
 */
export function resolveContentType(path: string, explicit: string | undefined, blobType: string | undefined): string | undefined {
  if (explicit !== undefined && explicit !== "") return explicit;
  if (blobType !== undefined) return blobType;
  const dot = extensionDot(path);
  if (dot < 0) return DEFAULT_CONTENT_TYPE;
  // Runs of writes mostly share one extension: compare it in place instead of slicing and looking it up again.
  if (path.length - dot - 1 === lastExtension.length && path.endsWith(lastExtension)) return lastType;
  if (lookup === undefined) return undefined;
  lastExtension = path.slice(dot + 1);
  lastType = lookup(lastExtension) ?? DEFAULT_CONTENT_TYPE;
  return lastType;
}

const DOT = 0x2e;
const SLASH = 0x2f;

/**
 * The index of the dot that starts the extension of the path's last segment, or -1: none without
 * a dot, or when the dot starts the file's name (".env"). One scan from the end, which stops at the
 * last segment's start.
 */
function extensionDot(path: string): number {
  for (let i = path.length - 1; i > 0; i--) {
    const code = path.charCodeAt(i);
    if (code === DOT) return path.charCodeAt(i - 1) === SLASH ? -1 : i;
    if (code === SLASH) return -1;
  }
  return -1;
}

/** The extension guessed last and its type (the guess is a pure function of the extension). */
let lastExtension = "";
let lastType = DEFAULT_CONTENT_TYPE;
