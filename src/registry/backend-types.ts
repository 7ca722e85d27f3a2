import type * as z from "zod";
import type { Backend } from "../backend.js";
import { capabilitySet, type Capability, type CapabilitySet } from "../capabilities.js";
import { describeType } from "../paths/normalize.js";
import { configError } from "./issues.js";
import { memoryBackendType } from "./memory-type.js";

/** What a URL of a backend type turns into (spec REG-040). */
export interface BackendUrlParts {
  /** Options for the type's factory (validated by its schema like any other options). */
  readonly options: Readonly<Record<string, unknown>>;
  /** A root inside the backend, from the URL's path part (normalised later). */
  readonly rootPath?: string;
}

/** How a backend type is written as a URL. */
export interface BackendUrlSupport {
  /** The URL scheme without `:` (e.g. `"s3"`). */
  readonly scheme: string;
  /**
   * Turns a URL of this scheme (the whole string, as written) into options and a root. May throw
   * a `ConfigError` (its issues are reported at the entry's location) or any error (its message is).
   */
  readonly parse: (url: string) => BackendUrlParts;
}

/** Makes a backend from validated options; may return a Promise (spec REG-070). */
export type BackendFactory<O = Record<string, unknown>> = (options: O) => Backend | Promise<Backend>;

/** The optional parts of a backend type registration (spec REG-020). */
export interface BackendTypeOptions<O = Record<string, unknown>> {
  /** A zod 4 schema of the options table; use `z.strictObject` so that unknown options are reported. */
  readonly schema?: z.ZodType<O>;
  /** What every backend of the type can do; required when the factory returns a Promise. */
  readonly capabilities?: Iterable<Capability>;
  /** The URL scheme the type serves, and how such a URL becomes options. */
  readonly url?: BackendUrlSupport;
  /** Backends of this type in one registry whose options give the same key are one shared instance. */
  readonly instanceKey?: (options: O) => string | undefined;
  /** Replace an existing registration of the same type. */
  readonly replace?: boolean;
}

/** A registered backend type, as a registry keeps it. */
export interface BackendTypeDefinition {
  readonly type: string;
  readonly factory: BackendFactory<unknown>;
  readonly schema: z.ZodType | undefined;
  readonly capabilities: CapabilitySet | undefined;
  readonly url: BackendUrlSupport | undefined;
  readonly instanceKey: ((options: unknown) => string | undefined) | undefined;
}

const TYPE_NAME = /^[a-z][a-z0-9+.-]*$/;
/** Built-in types that an entry other than the core one registers: their URL scheme and advice. */
const OTHER_ENTRY_TYPES: Readonly<Record<string, { readonly scheme: string; readonly advice: string }>> = {
  local: { scheme: "file", advice: 'needs Node: import remote-store under Node (its "node" export condition) to register it' },
  s3: { scheme: "s3", advice: 'is in the remote-store/s3 entry: import "remote-store/s3" once, before building the registry, to register it' },
};
const types = new Map<string, BackendTypeDefinition>([["memory", memoryBackendType]]);

/**
 * Adds a backend type process-wide (spec REG-020..022), so that configs can name it in `type`
 * (and, with `url`, as a URL). Register types before building a Registry that uses them.
 *
 * @returns a function that removes this registration again.
 * @throws `TypeError` for a malformed argument; `ConfigError` when the type (or its URL
 * scheme) is already registered and `replace` is not set.
 */
export function registerBackendType<O = Record<string, unknown>>(
  type: string,
  factory: BackendFactory<O>,
  options: BackendTypeOptions<O> = {},
): () => void {
  const definition = buildDefinition(type, factory, options);
  const replace = options.replace === true;
  const problems: string[] = [];
  if (types.has(type) && !replace) problems.push(`backend type "${type}" is already registered (pass { replace: true } to replace it)`);
  const scheme = definition.url?.scheme;
  const owner = scheme === undefined ? undefined : definitionForScheme(scheme);
  if (owner !== undefined && owner.type !== type) problems.push(`URL scheme "${scheme}:" already belongs to backend type "${owner.type}"`);
  if (problems.length > 0) throw configError(`registerBackendType("${type}")`, problems.map((p) => `${type}: ${p}`));
  types.set(type, definition);
  return () => {
    if (types.get(type) === definition) types.delete(type);
  };
}

/** The registered backend type names, sorted (spec REG-027). */
export function registeredBackendTypes(): string[] {
  return [...types.keys()].sort();
}

/** The definition of a registered type, or `undefined`. */
export function definitionOf(type: string): BackendTypeDefinition | undefined {
  return types.get(type);
}

/** The definition whose URL support claims `scheme`, or `undefined`. */
export function definitionForScheme(scheme: string): BackendTypeDefinition | undefined {
  for (const definition of types.values()) if (definition.url?.scheme === scheme) return definition;
  return undefined;
}

/** The registered URL schemes, sorted. */
export function registeredSchemes(): string[] {
  return [...types.values()].flatMap((definition) => (definition.url === undefined ? [] : [definition.url.scheme])).sort();
}

/** Extra advice when a type (or scheme) is unknown because another entry registers it (REG-024). */
export function otherEntryHint(typeOrScheme: { type?: string; scheme?: string }): string {
  const type = typeOrScheme.type ?? Object.keys(OTHER_ENTRY_TYPES).find((t) => OTHER_ENTRY_TYPES[t]?.scheme === typeOrScheme.scheme);
  const known = type === undefined ? undefined : OTHER_ENTRY_TYPES[type];
  if (type === undefined || known === undefined || types.has(type)) return "";
  return `; the "${type}" type ${known.advice}`;
}

function buildDefinition(type: unknown, factory: unknown, options: unknown): BackendTypeDefinition {
  if (typeof type !== "string" || !TYPE_NAME.test(type)) {
    throw new TypeError(`type must be a lowercase name (a letter, then letters, digits, "-", "+" or "."), got ${typeof type === "string" ? JSON.stringify(type) : describeType(type)}`);
  }
  if (typeof factory !== "function") throw new TypeError(`factory must be a function, got ${describeType(factory)}`);
  if (typeof options !== "object" || options === null || Array.isArray(options)) throw new TypeError(`options must be an object, got ${describeType(options)}`);
  const o = options as BackendTypeOptions<unknown>;
  const schema = o.schema as { safeParse?: unknown } | undefined;
  if (schema !== undefined && typeof schema?.safeParse !== "function") throw new TypeError("options.schema must be a zod schema");
  if (o.instanceKey !== undefined && typeof o.instanceKey !== "function") throw new TypeError(`options.instanceKey must be a function, got ${describeType(o.instanceKey)}`);
  if (o.replace !== undefined && typeof o.replace !== "boolean") throw new TypeError(`options.replace must be a boolean, got ${describeType(o.replace)}`);
  if (o.url !== undefined) checkUrlSupport(o.url);
  return Object.freeze({
    type,
    factory: factory as BackendFactory<unknown>,
    schema: o.schema,
    capabilities: o.capabilities === undefined ? undefined : capabilitySet(o.capabilities),
    url: o.url === undefined ? undefined : Object.freeze({ scheme: o.url.scheme, parse: o.url.parse }),
    instanceKey: o.instanceKey,
  });
}

function checkUrlSupport(url: unknown): void {
  const u = url as Partial<BackendUrlSupport> | null;
  if (typeof u !== "object" || u === null) throw new TypeError(`options.url must be an object, got ${describeType(url)}`);
  if (typeof u.scheme !== "string" || !TYPE_NAME.test(u.scheme)) throw new TypeError(`options.url.scheme must be a lowercase URL scheme without ":", got ${describeType(u.scheme)}`);
  if (typeof u.parse !== "function") throw new TypeError(`options.url.parse must be a function, got ${describeType(u.parse)}`);
}
