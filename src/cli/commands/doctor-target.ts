import * as nodePath from "node:path";
import type { Backend } from "../../contract/backend.js";
import { LocalBackend } from "../../backends/local/index.js";
import { MemoryBackend } from "../../backends/memory/index.js";
import { joinPath } from "../../paths/index.js";
import { openStore, Registry } from "../../registry/index.js";
import type { Session } from "../session/session.js";
import { DEFAULT_STORE_NAME } from "../session/session.js";
import { isBareStoreName, parseLocation } from "../session/parse-location.js";

/** How `doctor` makes fresh backends like the one behind a store (spec CLI-055). */
export interface DoctorTarget {
  /** A fresh backend of the same type and options, per case. */
  readonly create: () => Backend | Promise<Backend>;
  /** The folder of that backend that the store names (cases run below it). */
  readonly rootPath: string;
  /** For memory backends: a fresh one with a quota (enables the quota cases). */
  readonly createWithQuota?: (maxSize: number) => Backend;
}

/**
 * The backend factory behind a store argument (spec CLI-021, CLI-055): a configured store gets
 * a new registry from the same file per case; a URL is opened again; a `file:` folder gets a
 * `LocalBackend` rooted at it; the in-memory default store a new `MemoryBackend`.
 */
export function doctorTarget(session: Session, spec: string, env: Readonly<Record<string, string | undefined>>, cwd: string): DoctorTarget {
  const named = (name: string, path: string): DoctorTarget => {
    const store = session.namedStore(name);
    const file = session.config.path as string;
    return {
      create: async () => {
        const registry = await Registry.fromFile(file, { env });
        return closingRegistry(registry.getStore(name).backend, registry);
      },
      rootPath: joinPath(store.rootPath, path),
    };
  };
  if (spec === "") {
    const info = session.defaultStoreInfo;
    if (info.source === "config") return named(DEFAULT_STORE_NAME, "");
    // Without a store to check, doctor checks an in-memory one (CLI-055), never the working directory.
    if (info.source === "memory" || info.source === "local") return memoryTarget();
    return doctorTarget(session, info.origin, env, cwd);
  }
  if (isBareStoreName(spec)) return named(spec, "");
  const parsed = parseLocation(spec, (name) => session.storeNames.includes(name));
  const location = session.location(spec);
  if (parsed.kind === "store") return named(parsed.name, location.path);
  if (parsed.kind === "default" && session.defaultStoreInfo.source !== "local") return { ...doctorTarget(session, "", env, cwd), rootPath: location.path };
  if (parsed.kind === "default" || /^file:/i.test(parsed.url)) {
    const root = nodePath.join(location.prefix, ...location.path.split("/"));
    return { create: () => new LocalBackend({ root }), rootPath: "" };
  }
  return {
    create: () => openStore(parsed.url).backend,
    rootPath: location.path,
    ...(/^memory:/i.test(parsed.url) ? { createWithQuota: (maxSize: number) => new MemoryBackend({ maxSize }) } : {}),
  };
}

function memoryTarget(): DoctorTarget {
  return { create: () => new MemoryBackend(), rootPath: "", createWithQuota: (maxSize) => new MemoryBackend({ maxSize }) };
}

/** The registry's backend, whose `close()` closes that (per-case) registry, and so the backend. */
function closingRegistry(backend: Backend, registry: Registry): Backend {
  const close = (): Promise<void> => registry.close();
  return new Proxy(backend, {
    get(target, property) {
      if (property === "close") return close;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
