import type * as z from "zod";
import type { Backend } from "../../contract/backend.js";
import type { Capability } from "../../contract/capabilities.js";

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
export type BackendFactory<O = Record<string, unknown>> = (options: O, context: BackendFactoryContext) => Backend | Promise<Backend>;

/** What the registry tells a factory besides the options (spec REG-065). */
export interface BackendFactoryContext {
  /** The backend's name in the config (`backends.<name>`), when it has one: a backend may show it in URLs and messages. */
  readonly name?: string;
}

/** The optional parts of a backend type (spec REG-020). */
export interface BackendTypeOptions<O = Record<string, unknown>> {
  /**
   * The options table's schema: a zod 4 schema (use `z.strictObject`, so that unknown options are
   * reported), or a function that builds it from the zod the registry hands it — so that a backend
   * module need not import zod, and importing it stays cheap (spec REG-020, ARCH-003).
   */
  readonly schema?: z.ZodType<O> | ((zod: typeof z) => z.ZodType<O>);
  /**
   * What every backend of the type can do. Optional: when the factory returns a Promise and this is
   * absent, a store of the type learns the capabilities when the backend arrives (spec REG-070).
   */
  readonly capabilities?: Iterable<Capability>;
  /** The URL scheme the type serves, and how such a URL becomes options. */
  readonly url?: BackendUrlSupport;
  /** Backends of this type in one registry whose options give the same key are one shared instance. */
  readonly instanceKey?: (options: O) => string | undefined;
  /** Replace an existing registration of the same type. */
  readonly replace?: boolean;
}

/**
 * A backend type as one value (spec REG-020): how a registry makes backends of it from config.
 * Each backend module describes its own type this way, and the entry that offers the backend
 * registers it (`registerBackendType(description)`); the registry itself knows no type by name.
 */
export interface BackendTypeDescription<O = Record<string, unknown>> extends BackendTypeOptions<O> {
  /** The name configs write in `type` (lowercase: a letter, then letters, digits, `-`, `+`, `.`). */
  readonly type: string;
  /** Makes a backend from validated options. */
  readonly factory: BackendFactory<O>;
}
