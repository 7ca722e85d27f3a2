import * as z from "zod";
import { isRemoteStoreError } from "../errors/remote-store-error.js";
import { normalizePath } from "../paths/normalize.js";
import { definitionForScheme, definitionOf, otherEntryHint, registeredBackendTypes, registeredSchemes, type BackendTypeDefinition } from "./backend-types.js";
import { describeConfigValue } from "./describe-value.js";
import { IssueList } from "./issues.js";
import { formatLocation, type Location } from "./location.js";
import { validateOptions } from "./options.js";
import { collectUrlSecrets, isPlainTable, scrub } from "../shared/secrets.js";
import { knownHint } from "./suggest.js";
import { addZodIssues } from "./zod-issues.js";

/** A validated backend entry. */
export interface ResolvedBackend {
  /** The type's definition, captured when the registry was built (REG-023). */
  readonly definition: BackendTypeDefinition;
  /** Validated options, as the factory receives them. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The URL the entry was written as (after substitution), if it was one. */
  readonly url: string | undefined;
  /** The normalised root from the URL's path part (`""` when none). */
  readonly basePath: string;
}

const backendTable = z.strictObject({
  type: z.string().min(1),
  options: z.record(z.string(), z.unknown()).nullish(),
});

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Validates one backend entry — a `{ type, options }` table or a URL string (spec REG-002,
 * REG-040..044) — adding every problem to `issues`.
 *
 * @param substituted formatted locations of strings that env substitution produced (REG-052)
 */
export function resolveBackendEntry(entry: unknown, location: Location, issues: IssueList, substituted: ReadonlySet<string>): ResolvedBackend | undefined {
  if (typeof entry === "string") return resolveUrl(entry, location, issues);
  if (!isPlainTable(entry)) {
    issues.add(location, `expected a URL string (such as "memory://") or a table { type, options }, got ${describeConfigValue(entry)}`);
    return undefined;
  }
  const checked = backendTable.safeParse(entry);
  if (!checked.success) {
    addZodIssues(checked.error.issues, entry, backendTable, location, issues);
    if (typeof entry.type !== "string" || entry.type === "") return undefined;
  }
  const type = entry.type as string;
  const definition = definitionOf(type);
  if (definition === undefined) {
    issues.add([...location, "type"], `unknown backend type ${JSON.stringify(type)}${knownHint(type, registeredBackendTypes(), "registered")}${otherEntryHint({ type })}`);
    return undefined;
  }
  if (entry.options !== undefined && entry.options !== null && !isPlainTable(entry.options)) return undefined;
  const optionsLocation = [...location, "options"];
  const coercible = (key: string): boolean => substituted.has(formatLocation([...optionsLocation, key]));
  const options = validateOptions(definition, entry.options, optionsLocation, issues, coercible);
  if (options === undefined || !checked.success) return undefined;
  return { definition, options, url: undefined, basePath: "" };
}

function resolveUrl(text: string, location: Location, issues: IssueList): ResolvedBackend | undefined {
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    issues.add(location, `expected a URL such as "memory://" or "memory://name" (or a table with "type"), got a string without a scheme`);
    return undefined;
  }
  const definition = definitionForScheme(scheme);
  if (definition?.url === undefined) {
    const supported = registeredSchemes().map((s) => `${s}:`);
    issues.add(location, `unsupported URL scheme "${scheme}:"${knownHint(`${scheme}:`, supported, "supported")}${otherEntryHint({ scheme })}`);
    return undefined;
  }
  let parts;
  try {
    parts = definition.url.parse(text);
  } catch (error) {
    const secrets = new Set<string>();
    collectUrlSecrets(text, secrets);
    const problems = isRemoteStoreError(error, "CONFIG_INVALID") ? (error as unknown as { issues: readonly string[] }).issues : [String((error as { message?: unknown })?.message ?? error)];
    for (const problem of problems) issues.add(location, scrub(problem, secrets));
    return undefined;
  }
  let basePath: string;
  try {
    basePath = normalizePath(parts.rootPath ?? "", "rootPath");
  } catch {
    issues.add(location, `the URL's path must not contain ".." segments or NUL characters`);
    return undefined;
  }
  const optionIssues = new IssueList();
  const options = validateOptions(definition, parts.options, [], optionIssues, () => true);
  for (const issue of optionIssues.all) issues.add(location, `URL option ${issue}`);
  if (options === undefined) return undefined;
  return { definition, options, url: text, basePath };
}
