/**
 * `remote-store/ext/otel`: OpenTelemetry spans for `observe` (spec ext-observe.md, OBS-010).
 * Needs `@opentelemetry/api` (an optional peer dependency).
 */
export { openTelemetryHooks, OTEL_ATTRIBUTES, type OpenTelemetryOptions } from "./otel-hooks.js";
