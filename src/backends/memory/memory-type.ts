import type * as z from "zod";
import type { BackendFactoryContext, BackendTypeDescription, BackendUrlParts } from "../../shared/backend-types/backend-type.js";
import { decodePart, parseUrl, queryOptions, urlError } from "../../shared/backend-types/url-parts.js";
import { isValidName, NAME_RULE } from "../../shared/names.js";
import { MemoryBackend } from "./memory-backend.js";

/** The validated options of the `memory` type (spec REG-025). */
export interface MemoryTypeOptions {
  readonly maxSize?: number | undefined;
  readonly name?: string | undefined;
}

/** The options schema of the `memory` type (spec REG-025), built from the registry's zod. */
export function memoryOptionsSchema(zod: typeof z): z.ZodType<MemoryTypeOptions> {
  return zod.strictObject({
    maxSize: zod.number().int().nonnegative().optional(),
    name: zod.string().refine(isValidName, { message: `is not a valid memory backend name (${NAME_RULE})` }).optional(),
  });
}

type MemoryOptions = MemoryTypeOptions;

/** `memory://` (private) and `memory://name/root?maxSize=n` (spec REG-042/043). */
export function parseMemoryUrl(text: string): BackendUrlParts {
  const problems: string[] = [];
  const url = parseUrl(text, problems);
  if (url === undefined) throw urlError(problems);
  if (!/^memory:\/\//i.test(text)) problems.push(`write "memory://" for a private backend or "memory://name" for a named one`);
  if (url.username !== "" || url.password !== "") problems.push("a memory URL takes no user or password");
  if (url.port !== "") problems.push("a memory URL takes no port");
  if (url.hash !== "") problems.push("a memory URL takes no #fragment");
  const name = decodePart(url.hostname, "backend name", problems);
  if (name !== undefined && name !== "" && !isValidName(name)) problems.push(`the backend name in the URL is not valid (${NAME_RULE})`);
  const rootPath = decodePart(url.pathname, "path", problems);
  const options = queryOptions(url, problems);
  if (name !== undefined && name !== "") {
    if (Object.hasOwn(options, "name")) problems.push(`the name is given twice (host and "name" parameter)`);
    options.name = name;
  }
  if (problems.length > 0) throw urlError(problems);
  return { options, rootPath: rootPath ?? "" };
}

/** A memory backend; without a `name` option it takes its name in the config, so URLs and messages show that, not a generated id (REG-065). */
function createMemory(options: MemoryOptions, context: BackendFactoryContext): MemoryBackend {
  const name = options.name ?? (context.name !== undefined && isValidName(context.name) ? context.name : undefined);
  return new MemoryBackend({
    ...(options.maxSize === undefined ? {} : { maxSize: options.maxSize }),
    ...(name === undefined ? {} : { name }),
  });
}

/** The `memory` backend type (spec REG-025): `memory://` URLs, backends shared by `name`. */
export const memoryBackendType: BackendTypeDescription<MemoryOptions> = Object.freeze({
  type: "memory",
  factory: createMemory,
  schema: memoryOptionsSchema,
  url: Object.freeze({ scheme: "memory", parse: parseMemoryUrl }),
  instanceKey: (options: MemoryOptions) => options.name,
});
