import type { Backend } from "../contract/backend.js";

import type { Store } from "../store/store.js";
import { borrowedStore } from "./borrowed-store.js";
import type { FromFileOptions, FromTextOptions, RegistryConfig, RegistryOptions } from "./config-types.js";
import { createBackend } from "./create-backend.js";
import { describeConfig, describeText, type RegistryDescription } from "./describe.js";
import { checkEnv, substituteEnv } from "./env.js";
import { configFileReader } from "./file-reader.js";
import { configError, IssueList } from "./issues.js";
import { formatLocation } from "./location.js";
import { checkFormat, formatOfPath, parseConfigText, supportedExtensions } from "./parse-text.js";
import { checkTable, selectTable } from "./table.js";
import { knownHint } from "./suggest.js";
import { resolveConfig, type ResolvedConfig } from "./validate-config.js";
import { describeType, isObject } from "../shared/checks/objects.js";

const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;
const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as never);

/**
 * Named stores from a declarative config (spec REG-*). Building validates the whole config and
 * creates nothing; `getStore` creates each backend once, on first use, and shares it; `close`
 * closes them all.
 *
 * ```ts
 * const registry = new Registry({
 *   backends: { mem: { type: "memory" } },
 *   stores: { cache: { backend: "mem", rootPath: "cache" } },
 * });
 * const cache = registry.getStore("cache");
 * await registry.close();
 * ```
 */
export class Registry implements AsyncDisposable {
  readonly #config: ResolvedConfig;
  readonly #source: string;
  readonly #base: readonly string[];
  readonly #instances = new Map<string, Backend>();

  /**
   * Validates `config` (spec REG-010); nothing is created yet.
   * @throws `ConfigError` listing every problem; `TypeError` for malformed options.
   */
  constructor(config: RegistryConfig, options: RegistryOptions = {}) {
    if (!isObject(options)) throw new TypeError(`options must be an object, got ${describeType(options)}`);
    const env = checkEnv(options.env);
    const base = checkTable(options.table);
    const source = options.source ?? "config object";
    if (typeof source !== "string") throw new TypeError(`source must be a string, got ${describeType(source)}`);
    const issues = new IssueList();
    const selected = selectTable(config, base, issues);
    issues.throwIfAny(source);
    const substitution = env === undefined ? { data: selected, substituted: new Set<string>() } : substituteEnv(selected, env, base, issues);
    const resolved = resolveConfig(substitution.data, base, issues, substitution.substituted);
    issues.throwIfAny(source);
    this.#config = resolved!;
    this.#source = source;
    this.#base = base;
  }

  /** A registry from parsed data (e.g. from another loader); the same as the constructor (spec REG-030). */
  static fromObject(data: unknown, options: RegistryOptions = {}): Registry {
    return new Registry(data as RegistryConfig, options);
  }

  /**
   * A registry from JSON, YAML or TOML text (spec REG-030/032). Works in every runtime.
   * @throws `ConfigError` for syntax errors (with line and column) and invalid configs
   */
  static fromText(text: string, options: FromTextOptions): Registry {
    if (typeof text !== "string") throw new TypeError(`text must be a string, got ${describeType(text)}`);
    if (!isObject(options)) throw new TypeError(`options must be an object with a format, got ${describeType(options)}`);
    const format = checkFormat(options.format, "format");
    const source = options.source ?? "<text>";
    return new Registry(parseConfigText(text, format, source) as RegistryConfig, { ...options, source });
  }

  /**
   * A registry from a `.json`, `.yaml`/`.yml` or `.toml` file (spec REG-030..033). Needs the
   * Node entry (or a reader installed with `setConfigFileReader`). Always reports by rejecting.
   */
  static async fromFile(path: string, options: FromFileOptions = {}): Promise<Registry> {
    if (typeof path !== "string" || path === "") throw new TypeError(`path must be a non-empty string, got ${describeType(path)}`);
    if (!isObject(options)) throw new TypeError(`options must be an object, got ${describeType(options)}`);
    const format = options.format === undefined ? formatOfPath(path) : checkFormat(options.format, "format");
    if (format === undefined) {
      const extension = /\.[^./\\]+$/.exec(path)?.[0];
      const what = extension === undefined ? "has no file extension" : `has an unsupported extension "${extension}"`;
      throw configError(path, [`${path}: ${what} (supported: ${supportedExtensions()}; or pass { format: "json" | "yaml" | "toml" })`]);
    }
    const read = configFileReader();
    if (read === undefined) {
      throw configError(path, [
        `${path}: Registry.fromFile needs Node (import remote-store under Node, whose "node" export condition reads files); elsewhere read the text yourself and call Registry.fromText(text, { format: "${format}" })`,
      ]);
    }
    const text = await read(path);
    return new Registry(parseConfigText(text, format, path) as RegistryConfig, { ...options, source: path });
  }

  /** The store names, sorted (spec REG-091). */
  get storeNames(): readonly string[] {
    return Object.freeze([...this.#config.stores.keys()].sort());
  }

  /** The backend names, sorted (spec REG-091). */
  get backendNames(): readonly string[] {
    return Object.freeze([...this.#config.backends.keys()].sort());
  }

  /**
   * A new Store for the named store (spec REG-060/061), creating its backend on first use. The
   * store does not own the backend: the registry closes it.
   * @throws `ConfigError` for an unknown name (listing the known ones) or a failed creation
   */
  getStore(name: string): Store {
    if (typeof name !== "string") throw new TypeError(`name must be a string, got ${describeType(name)}`);
    const store = this.#config.stores.get(name);
    if (store === undefined) {
      const location = formatLocation([...this.#base, "stores", name]);
      throw configError(this.#source, [`${location}: unknown store ${JSON.stringify(name)}${knownHint(name, this.storeNames)}`]);
    }
    return borrowedStore(this.#backend(store.backend), store.effectiveRoot);
  }

  /**
   * Closes every backend created so far, even when some fail, and forgets them; then rejects
   * with the first failure (spec REG-064). A later `getStore` creates fresh backends.
   */
  async close(): Promise<void> {
    const instances = [...new Set(this.#instances.values())];
    this.#instances.clear();
    let failure: { error: unknown } | undefined;
    for (const backend of instances) {
      try {
        await backend.close();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure !== undefined) throw failure.error;
  }

  /** `await using registry = ...` closes it at the end of the scope. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  /** Backends (type, redacted options, created or not) and stores (backend, root), one per line (spec REG-090). */
  describe(): string {
    return describeText(this.toJSON());
  }

  /** The facts of {@link describe} as a plain object, secrets redacted. */
  toJSON(): RegistryDescription {
    return describeConfig(this.#source, this.#config, (name) => this.#instances.has(this.#config.backends.get(name)!.slot));
  }

  /** `Registry(backends: a, b; stores: c, d)`. */
  toString(): string {
    return `Registry(backends: ${this.backendNames.join(", ") || "none"}; stores: ${this.storeNames.join(", ") || "none"})`;
  }

  /** `util.inspect` and the Node REPL show {@link describe}. */
  [INSPECT](): string {
    return this.describe();
  }

  #backend(name: string): Backend {
    const resolved = this.#config.backends.get(name)!;
    const existing = this.#instances.get(resolved.slot);
    if (existing !== undefined) return existing;
    const forget = (): void => {
      if (this.#instances.get(resolved.slot) === created) this.#instances.delete(resolved.slot);
    };
    const created: Backend = createBackend(resolved, {
      source: this.#source,
      location: formatLocation([...this.#base, "backends", name]),
      backendName: name,
      secrets: this.#config.secrets,
      onFailure: forget,
    });
    this.#instances.set(resolved.slot, created);
    return created;
  }
}
