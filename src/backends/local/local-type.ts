import { fileURLToPath } from "node:url";
import type * as z from "zod";
import type { BackendTypeDescription, BackendUrlParts } from "../../shared/backend-types/backend-type.js";
import { decodePart, parseUrl, queryOptions, urlError } from "../../shared/backend-types/url-parts.js";
import { LocalBackend } from "./local-backend.js";

/** The validated options of the `local` type (spec REG-026). */
export interface LocalTypeOptions {
  readonly root: string;
}

/** The options schema of the `local` type (spec REG-026), built from the registry's zod. */
export function localOptionsSchema(zod: typeof z): z.ZodType<LocalTypeOptions> {
  return zod.strictObject({ root: zod.string().min(1) });
}

/** Creates a `LocalBackend` from validated options. */
export function createLocalBackend(options: LocalTypeOptions): LocalBackend {
  return new LocalBackend({ root: options.root });
}

/**
 * `file:///abs/dir` (via `fileURLToPath`) and `file:./relative`, `file:relative`, `file:/abs`
 * (the rest taken as a path) become type `local` with that root (spec REG-044).
 */
export function parseFileUrl(text: string): BackendUrlParts {
  const problems: string[] = [];
  let root: string | undefined;
  let options: Record<string, unknown> = {};
  if (/^file:\/\//i.test(text)) {
    const url = parseUrl(text, problems);
    if (url === undefined) throw urlError(problems);
    if (url.hostname !== "" && url.hostname !== "localhost") problems.push(`a file URL must name a local path (file:///path), not host "${url.hostname}"`);
    if (url.hash !== "") problems.push("a file URL takes no #fragment");
    options = queryOptions(url, problems);
    url.search = "";
    url.hash = "";
    try {
      if (problems.length === 0) root = fileURLToPath(url);
    } catch (error) {
      problems.push(`is not a usable file URL (${(error as Error).message})`);
    }
  } else {
    const rest = text.slice("file:".length);
    const query = rest.indexOf("?");
    const path = query < 0 ? rest : rest.slice(0, query);
    if (query >= 0) options = queryOptions(new URL(`file:///?${rest.slice(query + 1)}`), problems);
    root = decodePart(path, "path", problems);
  }
  if (root === "") problems.push(`a file URL needs a path (file:///abs/dir or file:./relative)`);
  if (Object.hasOwn(options, "root")) problems.push(`the root comes from the URL's path, not a "root" parameter`);
  if (problems.length > 0) throw urlError(problems);
  return { options: { ...options, root } };
}

/** The `local` backend type (spec REG-026, REG-044): real folders, `file:` URLs. Node only. */
export const localBackendType: BackendTypeDescription<LocalTypeOptions> = Object.freeze({
  type: "local",
  factory: createLocalBackend,
  schema: localOptionsSchema,
  url: Object.freeze({ scheme: "file", parse: parseFileUrl }),
});
