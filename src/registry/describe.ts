import { redactUrl, redactValue } from "../shared/secrets.js";
import type { ResolvedConfig } from "./validate-config.js";

/** A backend as {@link describeRegistry} reports it; secrets are `***`. */
export interface BackendDescription {
  readonly type: string;
  /** Validated options with credential-like values redacted. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The URL the entry was written as (redacted), if it was one. */
  readonly url?: string;
  /** Whether the backend instance exists now. */
  readonly created: boolean;
}

/** A store as {@link describeRegistry} reports it. */
export interface StoreDescription {
  readonly backend: string;
  /** The effective root inside the backend (`""` = the backend root). */
  readonly rootPath: string;
}

/** The redacted facts of a registry (spec REG-090): what `toJSON()` returns. */
export interface RegistryDescription {
  readonly source: string;
  readonly backends: Readonly<Record<string, BackendDescription>>;
  readonly stores: Readonly<Record<string, StoreDescription>>;
}

/** The facts of a config, redacted; `created(name)` tells whether a backend exists. */
export function describeConfig(source: string, config: ResolvedConfig, created: (name: string) => boolean): RegistryDescription {
  const backends: Record<string, BackendDescription> = {};
  for (const name of [...config.backends.keys()].sort()) {
    const b = config.backends.get(name)!;
    backends[name] = Object.freeze({
      type: b.definition.type,
      options: redactValue(b.options) as Record<string, unknown>,
      ...(b.url === undefined ? {} : { url: redactUrl(b.url) }),
      created: created(name),
    });
  }
  const stores: Record<string, StoreDescription> = {};
  for (const name of [...config.stores.keys()].sort()) {
    const s = config.stores.get(name)!;
    stores[name] = Object.freeze({ backend: s.backend, rootPath: s.effectiveRoot });
  }
  return Object.freeze({ source, backends: Object.freeze(backends), stores: Object.freeze(stores) });
}

/** The multi-line text of `registry.describe()`. */
export function describeText(description: RegistryDescription): string {
  const backendNames = Object.keys(description.backends);
  const storeNames = Object.keys(description.stores);
  const lines = [`Registry from ${description.source}: ${plural(backendNames.length, "backend")}, ${plural(storeNames.length, "store")}`];
  lines.push(backendNames.length === 0 ? "backends: none" : "backends:");
  for (const name of backendNames) {
    const b = description.backends[name]!;
    const options = Object.keys(b.options).length === 0 ? "" : ` ${safeJson(b.options)}`;
    const from = b.url === undefined ? "" : ` from ${JSON.stringify(b.url)}`;
    lines.push(`  ${name}: ${b.type}${options}${from}, ${b.created ? "created" : "not created"}`);
  }
  lines.push(storeNames.length === 0 ? "stores: none" : "stores:");
  for (const name of storeNames) {
    const s = description.stores[name]!;
    lines.push(`  ${name}: backend ${s.backend}, rootPath ${JSON.stringify(s.rootPath)}`);
  }
  return lines.join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function safeJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner)) ?? "";
}
