/**
 * How every library message quotes a path: as a JSON string. The Store relies on this
 * form to rewrite backend paths into store-relative ones in messages.
 */
export function quotePath(path: string): string {
  return JSON.stringify(path);
}
