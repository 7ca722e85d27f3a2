import type * as z from "zod";
import { library as zodLibrary } from "../shared/deps/zod.js";
import { joinPath } from "../paths/path-parts.js";
import { normalizePath } from "../paths/normalize.js";
import { resolveBackendEntry, type ResolvedBackend } from "./backend-entry.js";
import { describeConfigValue } from "./describe-value.js";
import type { IssueList } from "./issues.js";
import type { Location } from "./location.js";
import { isValidName, NAME_RULE } from "../shared/names.js";
import { collectSecrets, collectUrlSecrets, isPlainTable } from "../shared/secrets.js";
import { knownHint } from "../shared/text/suggest.js";
import { storeWrapperHint, storeWrapperOf, type StoreWrapperType } from "./store-wrappers.js";
import { addZodIssues } from "./zod-issues.js";

/** A validated backend entry with its name and instance slot. */
export interface NamedBackend extends ResolvedBackend {
  readonly name: string;
  /** Entries with the same slot share one backend instance (REG-063). */
  readonly slot: string;
}

/** A validated store entry. */
export interface ResolvedStore {
  readonly name: string;
  readonly backend: string;
  /** The store's own `rootPath`, normalised. */
  readonly rootPath: string;
  /** The effective root: the backend URL's path joined with `rootPath` (REG-043). */
  readonly effectiveRoot: string;
  /** The wrappers the entry names (REG-110), innermost first. */
  readonly wrappers: readonly ResolvedWrapper[];
}

/** A wrapper named by a store entry, with its checked value. */
export interface ResolvedWrapper {
  readonly type: StoreWrapperType;
  readonly value: unknown;
}

/** A validated config. */
export interface ResolvedConfig {
  readonly backends: ReadonlyMap<string, NamedBackend>;
  readonly stores: ReadonlyMap<string, ResolvedStore>;
  /** Secret values found in the config, for scrubbing messages (REG-081). */
  readonly secrets: ReadonlySet<string>;
}

/** The schemas of the config's own tables, built on first use (zod loads then: spec PKG-006). */
let tables: { readonly topLevel: z.ZodType; readonly storeTable: z.ZodType } | undefined;

function configTables(): NonNullable<typeof tables> {
  if (tables !== undefined) return tables;
  const zod = zodLibrary();
  tables = {
    topLevel: zod.strictObject({
      backends: zod.record(zod.string(), zod.unknown()).nullish(),
      stores: zod.record(zod.string(), zod.unknown()).nullish(),
    }),
    storeTable: zod.strictObject({
      backend: zod.string().min(1),
      rootPath: zod.string().nullish(),
      options: zod.strictObject({}).nullish(),
    }),
  };
  return tables;
}

/**
 * Validates a whole config (spec REG-001..005, REG-010..014), adding every problem to `issues`.
 * Returns the resolved config when there was none.
 */
export function resolveConfig(data: unknown, base: Location, issues: IssueList, substituted: ReadonlySet<string>): ResolvedConfig | undefined {
  const before = issues.size;
  if (!isPlainTable(data)) {
    const got = data === null || data === undefined ? "the config is empty" : `got ${describeConfigValue(data)}`;
    issues.add(base, `expected a table with "backends" and "stores" (${got})`);
    return undefined;
  }
  const { topLevel } = configTables();
  const top = topLevel.safeParse(data);
  if (!top.success) addZodIssues(top.error.issues, data, topLevel, base, issues);
  const backendEntries = isPlainTable(data.backends) ? data.backends : {};
  const storeEntries = isPlainTable(data.stores) ? data.stores : {};

  const backends = new Map<string, NamedBackend>();
  const slots = new Map<string, { name: string; fingerprint: string }>();
  const secrets = new Set<string>();
  for (const [name, entry] of Object.entries(backendEntries)) {
    const location = [...base, "backends", name];
    if (!isValidName(name)) issues.add(location, `invalid backend name (${NAME_RULE})`);
    collectSecrets(entry, secrets);
    if (typeof entry === "string") collectUrlSecrets(entry, secrets);
    const resolved = resolveBackendEntry(entry, location, issues, substituted);
    if (resolved === undefined) continue;
    collectSecrets(resolved.options, secrets);
    const slot = slotOf(name, resolved, location, issues);
    if (slot === undefined) continue;
    const fingerprint = `${resolved.definition.type}\u0000${canonical(resolved.options)}`;
    const other = slots.get(slot);
    if (other !== undefined && other.fingerprint !== fingerprint) {
      issues.add(typeof entry === "string" ? location : [...location, "options"], `shares its "${resolved.definition.type}" instance with backend "${other.name}" but has different options`);
      continue;
    }
    slots.set(slot, { name, fingerprint });
    backends.set(name, { ...resolved, name, slot });
  }

  const knownBackends = Object.keys(backendEntries).sort();
  const stores = new Map<string, ResolvedStore>();
  for (const [name, entry] of Object.entries(storeEntries)) {
    const location = [...base, "stores", name];
    if (!isValidName(name)) issues.add(location, `invalid store name (${NAME_RULE})`);
    const store = resolveStore(name, entry, location, issues, knownBackends, backends);
    if (store !== undefined) stores.set(name, store);
  }
  if (issues.size > before) return undefined;
  return { backends, stores, secrets };
}

function resolveStore(
  name: string,
  entry: unknown,
  location: Location,
  issues: IssueList,
  knownBackends: readonly string[],
  backends: ReadonlyMap<string, NamedBackend>,
): ResolvedStore | undefined {
  if (!isPlainTable(entry)) {
    issues.add(location, `expected a table { backend, rootPath }, got ${describeConfigValue(entry)}`);
    return undefined;
  }
  const { plain, wrappers } = splitWrappers(entry, location, issues);
  const { storeTable } = configTables();
  const checked = storeTable.safeParse(plain);
  if (!checked.success) addZodIssues(checked.error.issues, plain, storeTable, location, issues);
  const backend = entry.backend;
  if (typeof backend === "string" && backend !== "" && !knownBackends.includes(backend)) {
    issues.add([...location, "backend"], `unknown backend ${JSON.stringify(backend)}${knownHint(backend, knownBackends)}`);
  }
  let rootPath = "";
  if (typeof entry.rootPath === "string") {
    try {
      rootPath = normalizePath(entry.rootPath, "rootPath");
    } catch {
      issues.add([...location, "rootPath"], `must not contain ".." segments or NUL characters (a store cannot reach outside its backend)`);
      return undefined;
    }
  }
  const resolved = typeof backend === "string" ? backends.get(backend) : undefined;
  if (!checked.success || resolved === undefined) return undefined;
  return { name, backend: backend as string, rootPath, effectiveRoot: joinPath(resolved.basePath, rootPath), wrappers };
}

/**
 * Takes the keys of registered wrappers out of a store entry and checks their values (REG-110);
 * a wrapper key whose entry is not loaded is an issue saying which to import. The rest is
 * validated as the store table.
 */
function splitWrappers(entry: Record<string, unknown>, location: Location, issues: IssueList): { plain: Record<string, unknown>; wrappers: ResolvedWrapper[] } {
  const plain: Record<string, unknown> = {};
  const wrappers: ResolvedWrapper[] = [];
  for (const [key, value] of Object.entries(entry)) {
    // registerStoreWrapper refuses the store entry keys (backend, rootPath, options), so none is a wrapper.
    const type = storeWrapperOf(key);
    if (type !== undefined) {
      for (const issue of type.check(value)) issues.add([...location, key, ...issue.path], issue.message);
      wrappers.push({ type, value });
      continue;
    }
    const advice = storeWrapperHint(key);
    if (advice !== undefined) issues.add([...location, key], `the "${key}" wrapper ${advice}`);
    else plain[key] = value;
  }
  wrappers.sort((a, b) => a.type.order - b.type.order);
  return { plain, wrappers };
}

function slotOf(name: string, resolved: ResolvedBackend, location: Location, issues: IssueList): string | undefined {
  const keyOf = resolved.definition.instanceKey;
  let key: string | undefined;
  try {
    key = keyOf?.(resolved.options);
  } catch (error) {
    issues.add(location, `the "${resolved.definition.type}" type could not tell its instance: ${String((error as { message?: unknown })?.message ?? error)}`);
    return undefined;
  }
  return key === undefined ? `backend\u0000${name}` : `type\u0000${resolved.definition.type}\u0000${key}`;
}

/** A stable text form of options (keys sorted at every depth) to compare shared entries. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isPlainTable(value)) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  if (value instanceof Date) return `date:${value.toISOString()}`;
  return typeof value === "bigint" ? `${value}n` : (JSON.stringify(value) ?? String(value));
}
