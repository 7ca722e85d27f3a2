import type * as z from "zod";
import { capabilitySet, type CapabilitySet } from "../contract/capabilities.js";

import type {
  BackendFactory,
  BackendTypeDescription,
  BackendTypeOptions,
  BackendUrlSupport,
} from "../shared/backend-types/backend-type.js";
import { configError } from "./issues.js";
import { describeType, isObject, isRecord } from "../shared/checks/objects.js";

/** A registered backend type, as a registry keeps it. */
export interface BackendTypeDefinition {
  readonly type: string;
  readonly factory: BackendFactory<unknown>;
  /** The schema, or the function that builds it from zod (resolved once, when first needed). */
  readonly schema: z.ZodType | ((zod: typeof z) => z.ZodType) | undefined;
  readonly capabilities: CapabilitySet | undefined;
  readonly url: BackendUrlSupport | undefined;
  readonly instanceKey: ((options: unknown) => string | undefined) | undefined;
}

const TYPE_NAME = /^[a-z][a-z0-9+.-]*$/;
const types = new Map<string, BackendTypeDefinition>();

/** Advice for a type that an entry of the package offers but that is not loaded (spec REG-024). */
export interface BackendTypeHint {
  /** The type name configs would write. */
  readonly type: string;
  /** Its URL scheme, if it has one. */
  readonly scheme?: string;
  /** What to do to get it, completing "the "<type>" type …". */
  readonly advice: string;
}

const hints = new Map<string, BackendTypeHint>();

/**
 * Adds a backend type process-wide (spec REG-020..022), so that configs can name it in `type`
 * (and, with `url`, as a URL). Register types before building a Registry that uses them. Takes a
 * {@link BackendTypeDescription}, or the same parts as `(type, factory, options)`.
 *
 * @returns a function that removes this registration again.
 * @throws `TypeError` for a malformed argument; `ConfigError` when the type (or its URL
 * scheme) is already registered and `replace` is not set.
 */
export function registerBackendType<O = Record<string, unknown>>(description: BackendTypeDescription<O>): () => void;
export function registerBackendType<O = Record<string, unknown>>(type: string, factory: BackendFactory<O>, options?: BackendTypeOptions<O>): () => void;
export function registerBackendType<O>(first: string | BackendTypeDescription<O>, factory?: BackendFactory<O>, options: BackendTypeOptions<O> = {}): () => void {
  const parts = isObject(first) ? splitDescription(first) : { type: first, factory, options };
  const definition = buildDefinition(parts.type, parts.factory, parts.options);
  const type = definition.type;
  const replace = parts.options.replace === true;
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

/**
 * Registers a type that an entry of this package provides, unless that type is already
 * registered (entries may be loaded more than once, e.g. as ESM and CommonJS). The description is
 * the package's own, so it is taken without the checks of {@link registerBackendType} — which
 * keeps those checks out of the core bundle (BR-010); a type registered earlier that claims the
 * same URL scheme keeps it.
 */
export function registerProvidedType<O>(description: BackendTypeDescription<O>): void {
  const { type, factory, schema, capabilities, url, instanceKey } = description as BackendTypeDescription<unknown>;
  if (types.has(type)) return;
  types.set(type, Object.freeze({ type, factory, schema, capabilities: capabilities && capabilitySet(capabilities), url: url && Object.freeze({ scheme: url.scheme, parse: url.parse }), instanceKey }));
}

/** Registers advice for a type that another entry of the package offers (spec REG-024). */
export function registerBackendTypeHint(hint: BackendTypeHint): void {
  hints.set(hint.type, Object.freeze({ ...hint }));
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
  const hint = typeOrScheme.type !== undefined ? hints.get(typeOrScheme.type) : [...hints.values()].find((h) => h.scheme === typeOrScheme.scheme);
  if (hint === undefined || types.has(hint.type)) return "";
  return `; the "${hint.type}" type ${hint.advice}`;
}

function splitDescription<O>(description: BackendTypeDescription<O>): { type: unknown; factory: unknown; options: BackendTypeOptions<O> } {
  const { type, factory, ...options } = description;
  return { type, factory, options };
}

function buildDefinition(type: unknown, factory: unknown, options: unknown): BackendTypeDefinition {
  if (typeof type !== "string" || !TYPE_NAME.test(type)) {
    throw new TypeError(`type must be a lowercase name (a letter, then letters, digits, "-", "+" or "."), got ${typeof type === "string" ? JSON.stringify(type) : describeType(type)}`);
  }
  if (typeof factory !== "function") throw new TypeError(`factory must be a function, got ${describeType(factory)}`);
  if (!isRecord(options)) throw new TypeError(`options must be an object, got ${describeType(options)}`);
  const o = options as BackendTypeOptions<unknown>;
  const schema = o.schema as { safeParse?: unknown } | ((zod: unknown) => unknown) | undefined;
  if (schema !== undefined && typeof schema !== "function" && typeof schema?.safeParse !== "function") throw new TypeError("options.schema must be a zod schema or a function building one");
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
  if (!isObject(u)) throw new TypeError(`options.url must be an object, got ${describeType(url)}`);
  if (typeof u.scheme !== "string" || !TYPE_NAME.test(u.scheme)) throw new TypeError(`options.url.scheme must be a lowercase URL scheme without ":", got ${describeType(u.scheme)}`);
  if (typeof u.parse !== "function") throw new TypeError(`options.url.parse must be a function, got ${describeType(u.parse)}`);
}
