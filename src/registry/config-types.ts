import type { EnvRecord } from "./env.js";
import type { ConfigFormat } from "./parse-text.js";
import type { TablePath } from "./table.js";

/** A backend entry as a table (spec REG-002). */
export interface BackendConfig {
  /** A registered backend type (`"memory"`, `"local"`, or one added with `registerBackendType`). */
  readonly type: string;
  /** Options for the type, validated by its schema. */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** A backend entry: a `{ type, options }` table or a URL such as `"memory://name"` (spec REG-040). */
export type BackendEntry = BackendConfig | string;

/** A store entry (spec REG-003). */
export interface StoreConfig {
  /** The name of an entry in `backends`. */
  readonly backend: string;
  /** A folder of the backend that becomes the store's root; default the backend root. */
  readonly rootPath?: string;
  /** Reserved: stores take no options yet, so it must be empty. */
  readonly options?: Readonly<Record<string, never>>;
  /** `cache` options (needs `remote-store/ext/cache`; spec REG-110). */
  readonly cache?: Readonly<Record<string, unknown>>;
  /** The name of an observer registered with `registerObserver` (needs `remote-store/ext/observe`). */
  readonly observe?: string;
  /** Fault rules (needs `remote-store/ext/faults`), for test configs. */
  readonly faults?: readonly Readonly<Record<string, unknown>>[];
}

/** A registry config (spec REG-001). */
export interface RegistryConfig {
  readonly backends?: Readonly<Record<string, BackendEntry>>;
  readonly stores?: Readonly<Record<string, StoreConfig>>;
}

/** Options of `new Registry(config, options)` and `Registry.fromObject`. */
export interface RegistryOptions {
  /** Variables for `${VAR}` substitution (pass `process.env` to use the environment); none without it. */
  readonly env?: EnvRecord;
  /** The nested table that holds the config: `["tool", "remote-store"]` or `"tool.remote-store"`. */
  readonly table?: TablePath;
  /** What to call the config in messages (a file name is used by `fromFile`). */
  readonly source?: string;
}

/** Options of `Registry.fromText`. */
export interface FromTextOptions extends RegistryOptions {
  /** The text's format. */
  readonly format: ConfigFormat;
}

/** Options of `Registry.fromFile`. */
export interface FromFileOptions extends Omit<RegistryOptions, "source"> {
  /** The file's format; by default chosen by the extension (`.json`, `.yaml`, `.yml`, `.toml`). */
  readonly format?: ConfigFormat;
}
