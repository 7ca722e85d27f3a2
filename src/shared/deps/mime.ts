import * as mime from "mrmime";

/**
 * The MIME table for synchronous content-type guesses (`SyncStore`, the local backend's sidecars;
 * spec ST-035). Call it when guessing, never at module load: the build replaces this module so
 * that Node loads it on the first call (spec PKG-006).
 */
export function library(): typeof mime {
  return mime;
}
