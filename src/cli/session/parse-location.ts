import { NAME_PATTERN } from "../../shared/names.js";

/** A location argument, split but not yet opened (spec CLI-020). */
export type ParsedLocation =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "store"; readonly name: string; readonly path: string }
  | { readonly kind: "default"; readonly path: string };

const URL_WITH_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const NAME_PREFIX = /^([^:/\\]+):/;

/**
 * Splits a location argument (spec CLI-020): `scheme://…` or `file:…` is a URL (unless a
 * configured store has the name before `:`), `name:path` a configured store, `:path` and
 * everything else a path in the default store. `isStoreName` tells which names are configured.
 */
export function parseLocation(text: string, isStoreName: (name: string) => boolean): ParsedLocation {
  if (URL_WITH_AUTHORITY.test(text)) return { kind: "url", url: text };
  if (text.startsWith(":")) return { kind: "default", path: text.slice(1) };
  const prefix = NAME_PREFIX.exec(text)?.[1];
  if (prefix !== undefined && isStoreName(prefix)) return { kind: "store", name: prefix, path: text.slice(prefix.length + 1) };
  if (/^file:/i.test(text)) return { kind: "url", url: text };
  if (prefix !== undefined && NAME_PATTERN.test(prefix)) return { kind: "store", name: prefix, path: text.slice(prefix.length + 1) };
  return { kind: "default", path: text };
}

/** True when a store argument is a bare store name (`reports`), not a location (spec CLI-021). */
export function isBareStoreName(text: string): boolean {
  return NAME_PATTERN.test(text);
}

/** True when the argument marks a folder destination: it ends with `/` (or `\`), or is a store root (spec CLI-045). */
export function endsWithSeparator(text: string): boolean {
  return /[/\\]$/.test(text) || /^[^:/\\]+:$/.test(text);
}
