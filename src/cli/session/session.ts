import { ConfigError } from "../../errors/classes.js";
import { normalizePath } from "../../paths/index.js";
import { Registry } from "../../registry/index.js";
import { registeredSchemes } from "../../registry/backend-types.js";
import type { Store } from "../../store/store.js";
import { usageError } from "../errors/cli-errors.js";
import { configNamesHint, discoverConfig, type ConfigChoice } from "./config-discovery.js";
import { Location } from "./location.js";
import { endsWithSeparator, isBareStoreName, parseLocation } from "./parse-location.js";
import { UrlStores } from "./url-location.js";

/** The name of the configured store that becomes the default store (spec CLI-022). */
export const DEFAULT_STORE_NAME = "default";
/** The URL of the in-memory default store when nothing else is configured. */
export const DEFAULT_MEMORY_URL = "memory://default";

/** What a session needs from the global options. */
export interface SessionOptions {
  readonly config: string | undefined;
  readonly store: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /**
   * What plain paths mean when neither `--store` nor a configured `default` store says (spec
   * CLI-022): the local file system for the one-shot commands (default), an in-memory store for
   * the REPL.
   */
  readonly fallback?: "local" | "memory";
}

/** How the default store was chosen, for `stores` and the REPL banner. */
export interface DefaultStoreInfo {
  /** `--store`, `config` (the store named `default`), `local` (the file system) or `memory`. */
  readonly source: "--store" | "config" | "local" | "memory";
  /** The location text that names the default store's root. */
  readonly origin: string;
}

/**
 * One CLI run's view of the world (spec CLI-010..024): the config's registry, the default store,
 * and every store opened from a location; `close()` closes them all (spec CLI-012).
 */
export class Session {
  /** The config's registry, or `undefined` without a config file. */
  readonly registry: Registry | undefined;
  /** Where the config came from. */
  readonly config: ConfigChoice;
  private readonly urls: UrlStores;
  private readonly storeOption: string | undefined;
  private readonly fallback: "local" | "memory";
  private readonly cwd: string;
  private defaultLocation: Location | undefined;

  private constructor(registry: Registry | undefined, config: ConfigChoice, options: SessionOptions) {
    this.registry = registry;
    this.config = config;
    this.urls = new UrlStores(options.cwd);
    this.storeOption = options.store;
    this.fallback = options.fallback ?? "local";
    this.cwd = options.cwd;
  }

  /** Finds and loads the config (spec CLI-010/011). @throws `ConfigError` */
  static async open(options: SessionOptions): Promise<Session> {
    const config = await discoverConfig({ explicit: options.config, env: options.env, cwd: options.cwd });
    const registry = config.path === undefined ? undefined : await Registry.fromFile(config.path, { env: options.env });
    return new Session(registry, config, options);
  }

  /** The configured store names, sorted. */
  get storeNames(): readonly string[] {
    return this.registry?.storeNames ?? [];
  }

  /** How the default store is chosen (spec CLI-022). */
  get defaultStoreInfo(): DefaultStoreInfo {
    if (this.storeOption !== undefined) return { source: "--store", origin: this.storeOption };
    if (this.storeNames.includes(DEFAULT_STORE_NAME)) return { source: "config", origin: `${DEFAULT_STORE_NAME}:` };
    if (this.fallback === "local") return { source: "local", origin: this.cwd };
    return { source: "memory", origin: `${DEFAULT_MEMORY_URL}/` };
  }

  /** Resolves a location argument (spec CLI-020). */
  location(spec: string): Location {
    const parsed = parseLocation(spec, (name) => this.storeNames.includes(name));
    const folderHint = endsWithSeparator(spec);
    if (parsed.kind === "store") {
      const store = this.namedStore(parsed.name);
      return new Location({ store, path: normalizePath(parsed.path), spec, folderHint, prefix: `${parsed.name}:` });
    }
    if (parsed.kind === "url") {
      const opened = this.urls.open(parsed.url);
      return new Location({ store: opened.store, path: opened.path, spec, folderHint, prefix: opened.prefix });
    }
    if (this.defaultStoreInfo.source === "local") {
      const opened = this.urls.openPath(parsed.path === "" ? "." : parsed.path);
      return new Location({ store: opened.store, path: opened.path, spec, folderHint, prefix: opened.prefix });
    }
    const root = this.defaultStoreRoot();
    return new Location({ store: root.store, path: normalizePath(parsed.path), spec, folderHint, prefix: "" });
  }

  /** Resolves a store argument: a bare configured name or a location (spec CLI-021). */
  storeLocation(spec: string): Location {
    if (isBareStoreName(spec) && !spec.includes(":")) {
      return new Location({ store: this.namedStore(spec), path: "", spec, folderHint: true, prefix: `${spec}:` });
    }
    return this.location(spec);
  }

  /** The default store's root (spec CLI-022); opened on first use. */
  defaultStoreRoot(): Location {
    this.defaultLocation ??= this.openDefault();
    return this.defaultLocation;
  }

  /** Closes every backend this session opened (spec CLI-012). Never rejects. */
  async close(): Promise<void> {
    await this.urls.close();
    await this.registry?.close().catch(() => undefined);
  }

  /** The store `name` of the config. @throws `ConfigError` listing the known names */
  namedStore(name: string): Store {
    const urlHint = registeredSchemes().includes(name.toLowerCase()) ? `; for a URL write "${name}://…"` : "";
    if (this.registry === undefined) {
      const issue = `stores.${name}: unknown store "${name}" (no config file: pass --config, set REMOTE_STORE_CONFIG, or add ${configNamesHint()} here${urlHint})`;
      throw new ConfigError(issue, { issues: [issue] });
    }
    if (urlHint !== "" && !this.storeNames.includes(name)) {
      const issue = `stores.${name}: unknown store "${name}" (known: ${this.storeNames.join(", ") || "none"}${urlHint})`;
      throw new ConfigError(issue, { issues: [issue] });
    }
    return this.registry.getStore(name);
  }

  private openDefault(): Location {
    const info = this.defaultStoreInfo;
    if (info.source === "config") return new Location({ store: this.namedStore(DEFAULT_STORE_NAME), path: "", spec: "", folderHint: true, prefix: "" });
    if (info.source === "--store" && !isBareStoreName(info.origin) && parseLocation(info.origin, (name) => this.storeNames.includes(name)).kind === "default") {
      throw usageError(`--store needs a store name, name:path or a URL, got ${JSON.stringify(info.origin)}`);
    }
    const base = info.source === "--store" ? this.storeLocation(info.origin) : info.source === "local" ? this.location(".") : this.location(DEFAULT_MEMORY_URL);
    const store = base.path === "" ? base.store : base.store.child(base.path);
    return new Location({ store, path: "", spec: "", folderHint: true, prefix: "" });
  }
}
