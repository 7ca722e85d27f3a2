/**
 * remote-store — one Store API over interchangeable storage backends.
 * The universal entry: no `node:` imports, no Node globals (browsers, Deno, Bun; spec BR-001).
 */
import { memoryBackendType } from "./backends/memory/memory-type.js";
import { registerBackendTypeHint, registerProvidedType } from "./registry/backend-types.js";
import { LOCAL_TYPE_HINT, S3_TYPE_HINT } from "./shared/backend-types/entry-hints.js";

// Each entry registers the backend types it offers, in its own body (spec REG-023, PKG-002); this
// one offers `memory`, and says where the types of the other entries are.
registerProvidedType(memoryBackendType);
registerBackendTypeHint(LOCAL_TYPE_HINT);
registerBackendTypeHint(S3_TYPE_HINT);

export * from "./public.js";
