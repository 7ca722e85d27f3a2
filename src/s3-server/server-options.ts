import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import type { Backend } from "../contract/backend.js";

import { Registry } from "../registry/index.js";
import { Store } from "../store/store.js";
import type { CorsOrigins } from "./cors.js";
import type { S3RequestLogEntry } from "./request-handler.js";
import { describeType, isObject, isRecord } from "../shared/checks/objects.js";

/** A key pair clients sign requests with. */
export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Allowed browser origins: `false` (no CORS), `"*"` (any; the default), or a list. */
export type S3ServerCors = CorsOrigins;

/** Options of `serveS3` (spec S3S-002). */
export interface ServeS3Options {
  /** Serve each top-level folder of this backend as a bucket (default: a new `MemoryBackend`). */
  readonly backend?: Backend;
  /** Serve these stores as buckets under these names (a fixed set). */
  readonly buckets?: Readonly<Record<string, Store>>;
  /** Serve every store of this registry as a bucket under its name (a fixed set). */
  readonly registry?: Registry;
  /** Address to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port to listen on; default 0 (a free port). */
  readonly port?: number;
  /** Region reported by GetBucketLocation; default `us-east-1`. */
  readonly region?: string;
  /** The accepted key pair(s); default one random pair (see `S3Server.credentials`). */
  readonly credentials?: S3Credentials | readonly S3Credentials[];
  /** Accept unsigned requests too (warns at start). */
  readonly anonymous?: boolean;
  /** Allowed browser origins; default `"*"`. */
  readonly cors?: S3ServerCors;
  /** Smallest size of every part but the last at completion, in bytes; default 5 MiB, as S3. */
  readonly minPartSize?: number;
  /** "Now", for signature times, `Date` headers and upload times; default the system clock. */
  readonly clock?: () => Date;
  /** Receives warnings (anonymous mode, internal errors); default `console.warn`. */
  readonly onWarning?: (message: string) => void;
  /** Called once per request after it ended (or its client went away). */
  readonly onRequest?: (entry: S3RequestLogEntry) => void;
}

/** Options after validation, with defaults applied. */
export interface CheckedOptions {
  readonly source: { readonly kind: "backend"; readonly backend: Backend; readonly owned: boolean } | { readonly kind: "buckets"; readonly buckets: Readonly<Record<string, Store>> } | { readonly kind: "registry"; readonly registry: Registry };
  readonly host: string;
  readonly port: number;
  readonly region: string;
  readonly credentials: readonly S3Credentials[];
  readonly anonymous: boolean;
  readonly cors: CorsOrigins;
  readonly minPartSize: number;
  readonly clock: () => Date;
  readonly warn: (message: string) => void;
  readonly onRequest: ((entry: S3RequestLogEntry) => void) | undefined;
}

const MAX_PART = 5 * 1024 ** 3;

/**
 * Validates `serveS3` options before anything is bound (spec S3S-002): `TypeError` for a wrong
 * type, `RangeError` for a value out of range, each naming the option; credentials never echoed.
 */
export function checkOptions(options: ServeS3Options | undefined, createBackend: () => Backend): CheckedOptions {
  if (options !== undefined && (!isObject(options))) throw new TypeError(`options must be an object, got ${describeType(options)}`);
  const o = options ?? {};
  const given = (["backend", "buckets", "registry"] as const).filter((name) => o[name] !== undefined);
  if (given.length > 1) throw new TypeError(`give at most one of backend, buckets and registry, got ${given.join(" and ")}`);
  const anonymous = optionalBoolean(o.anonymous, "anonymous") ?? false;
  const explicit = checkCredentials(o.credentials);
  return {
    source: checkSource(o, createBackend),
    host: optionalString(o.host, "host") ?? "127.0.0.1",
    port: integerIn(o.port, "port", 0, 65535) ?? 0,
    region: optionalString(o.region, "region") ?? "us-east-1",
    credentials: explicit ?? (anonymous ? [] : [randomCredentials()]),
    anonymous,
    cors: checkCors(o.cors),
    minPartSize: integerIn(o.minPartSize, "minPartSize", 0, MAX_PART) ?? 5 * 1024 * 1024,
    clock: optionalFunction(o.clock, "clock") ?? (() => new Date()),
    warn: optionalFunction(o.onWarning, "onWarning") ?? ((message: string) => console.warn(message)),
    onRequest: optionalFunction(o.onRequest, "onRequest"),
  };
}

function checkSource(o: ServeS3Options, createBackend: () => Backend): CheckedOptions["source"] {
  if (o.buckets !== undefined) {
    if (!isRecord(o.buckets)) throw new TypeError(`buckets must be an object of Stores, got ${describeType(o.buckets)}`);
    for (const [name, store] of Object.entries(o.buckets)) {
      if (!(store instanceof Store)) throw new TypeError(`buckets.${name} must be a Store, got ${describeType(store)}`);
    }
    return { kind: "buckets", buckets: o.buckets };
  }
  if (o.registry !== undefined) {
    if (!(o.registry instanceof Registry)) throw new TypeError(`registry must be a Registry, got ${describeType(o.registry)}`);
    return { kind: "registry", registry: o.registry };
  }
  if (o.backend !== undefined) {
    const backend = o.backend as Partial<Backend>;
    if (!isObject(backend) || typeof backend.write !== "function" || !(backend.capabilities instanceof Set)) {
      throw new TypeError(`backend must be a Backend, got ${describeType(o.backend)}`);
    }
    return { kind: "backend", backend: o.backend, owned: false };
  }
  return { kind: "backend", backend: createBackend(), owned: true };
}

function checkCredentials(value: unknown): readonly S3Credentials[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  if (list.length === 0) throw new TypeError("credentials must not be an empty array");
  const seen = new Set<string>();
  return Object.freeze(
    list.map((item, i) => {
      const where = Array.isArray(value) ? `credentials[${i}]` : "credentials";
      if (!isObject(item)) throw new TypeError(`${where} must be an object with accessKeyId and secretAccessKey, got ${describeType(item)}`);
      const { accessKeyId, secretAccessKey } = item as Partial<S3Credentials>;
      if (typeof accessKeyId !== "string" || accessKeyId === "" || accessKeyId.includes("/")) throw new TypeError(`${where}.accessKeyId must be a non-empty string without "/"`);
      if (typeof secretAccessKey !== "string" || secretAccessKey === "") throw new TypeError(`${where}.secretAccessKey must be a non-empty string`);
      if (seen.has(accessKeyId)) throw new TypeError(`${where}.accessKeyId is given twice`);
      seen.add(accessKeyId);
      return Object.freeze({ accessKeyId, secretAccessKey });
    }),
  );
}

/** A fresh random key pair (an unconfigured server is never open; spec S3S-003). */
function randomCredentials(): S3Credentials {
  return Object.freeze({ accessKeyId: `RS${randomBytes(9).toString("hex").toUpperCase()}`, secretAccessKey: randomBytes(30).toString("base64") });
}

function checkCors(value: unknown): CorsOrigins {
  if (value === undefined || value === "*") return "*";
  if (value === false) return false;
  if (Array.isArray(value) && value.every((origin) => typeof origin === "string" && origin !== "")) return Object.freeze([...(value as string[])]);
  throw new TypeError(`cors must be false, "*" or an array of origins, got ${describeType(value)}`);
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") throw new TypeError(`${name} must be a non-empty string, got ${describeType(value)}`);
  return value;
}

function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new TypeError(`${name} must be a boolean, got ${describeType(value)}`);
  return value;
}

function optionalFunction<T>(value: T | undefined, name: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") throw new TypeError(`${name} must be a function, got ${describeType(value)}`);
  return value;
}

function integerIn(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`${name} must be a number, got ${describeType(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** The host names whose subdomains are buckets (virtual-host style, spec S3S-020). */
export function virtualHostBases(host: string): readonly string[] {
  const lower = host.toLowerCase();
  return isIP(lower) === 0 && lower !== "localhost" ? ["localhost", lower] : ["localhost"];
}
