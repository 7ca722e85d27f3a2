/**
 * Every name that begins with this prefix belongs to the backend (sidecar folders, temp entries,
 * the uploads and journals folders) and is refused in user paths (spec LOC-011).
 */
export const RESERVED_PREFIX = ".remote-store";

/** True when a directory entry name is reserved for the backend's own bookkeeping. */
export function isReservedName(name: string): boolean {
  return name.startsWith(RESERVED_PREFIX);
}
