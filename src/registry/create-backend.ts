import type { Backend } from "../contract/backend.js";
import { ConfigError } from "../errors/classes.js";
import { isRemoteStoreError } from "../errors/remote-store-error.js";
import type { ResolvedBackend } from "./backend-entry.js";
import { missingParts } from "../store/backend-ops/check-backend.js";
import { DeferredBackend } from "./deferred-backend.js";
import { configError } from "./issues.js";
import { scrub } from "../shared/secrets.js";
import { isObject } from "../shared/checks/objects.js";

/** Where a backend is being created, for messages. */
export interface CreationContext {
  /** The config source (file name, `openStore`, …) for the error header. */
  readonly source: string;
  /** The entry's formatted location (`backends.mem`, `url`). */
  readonly location: string;
  /** The backend name in the config, when there is one. */
  readonly backendName?: string;
  /** Secret values to scrub from wrapped messages (REG-081). */
  readonly secrets: ReadonlySet<string>;
  /** Told when an asynchronous creation fails (REG-071). */
  readonly onFailure?: () => void;
}

/**
 * Calls the type's factory with the validated options (spec REG-062, REG-070). A synchronous
 * result is checked and returned; a Promise becomes a {@link DeferredBackend}, whose stores wait
 * for it (and learn its capabilities) on their first call.
 *
 * @throws the factory's library error unchanged, or a `ConfigError` for anything else
 */
export function createBackend(resolved: ResolvedBackend, context: CreationContext): Backend {
  const { definition } = resolved;
  let result: unknown;
  try {
    result = definition.factory(resolved.options, context.backendName === undefined ? {} : { name: context.backendName });
  } catch (error) {
    throw mapFailure(error, resolved, context);
  }
  if (!isPromiseLike(result)) return checkCreated(result, resolved, context);
  const capabilities = definition.capabilities;
  return new DeferredBackend(result, {
    name: definition.type,
    capabilities,
    check: (value) => {
      const backend = checkCreated(value, resolved, context);
      const missing = [...(capabilities ?? [])].filter((capability) => !backend.capabilities.has(capability));
      if (missing.length > 0) {
        throw problem(context, `the "${definition.type}" backend lacks capabilities its type declares: ${missing.join(", ")}`);
      }
      return backend;
    },
    mapFailure: (error) => mapFailure(error, resolved, context),
    onFailure: context.onFailure ?? (() => undefined),
  });
}

function checkCreated(value: unknown, resolved: ResolvedBackend, context: CreationContext): Backend {
  const missing = isObject(value) ? missingParts(value as Record<string, unknown>) : ["everything"];
  if (missing.length > 0) {
    throw problem(context, `the factory of backend type "${resolved.definition.type}" did not return a Backend (missing: ${[...new Set(missing)].join(", ")})`);
  }
  return value as Backend;
}

function mapFailure(error: unknown, resolved: ResolvedBackend, context: CreationContext): unknown {
  if (isRemoteStoreError(error)) return error;
  const message = scrub(String((error as { message?: unknown } | null)?.message ?? error), context.secrets);
  return problem(context, `could not create the "${resolved.definition.type}" backend: ${message}`, error);
}

function problem(context: CreationContext, message: string, cause?: unknown): ConfigError {
  return configError(context.source, [`${context.location}: ${message}`], { cause, ...(context.backendName === undefined ? {} : { backend: context.backendName }) });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}
