import { context, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from "@opentelemetry/api";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { ObserveHooks, StoreEvent, StoreEventStart } from "../observe/types.js";

/** The span attribute names the adapter sets (spec OBS-010); stable across versions. */
export const OTEL_ATTRIBUTES = Object.freeze({
  operation: "remote_store.operation",
  path: "remote_store.path",
  to: "remote_store.to",
  backend: "remote_store.backend",
  rootPath: "remote_store.root_path",
  bytes: "remote_store.bytes",
  items: "remote_store.items",
  /** OpenTelemetry's own `error.type`: the library error's code (`NOT_FOUND`), else the error's name. */
  errorType: "error.type",
});

/** Options of {@link openTelemetryHooks}. */
export interface OpenTelemetryOptions {
  /** The tracer to start spans with; default `trace.getTracer("remote-store")` of the global provider. */
  readonly tracer?: Tracer;
}

/**
 * Hooks for `observe` that make one OpenTelemetry span per operation (spec OBS-010): named
 * `remote-store <operation>`, with the {@link OTEL_ATTRIBUTES}, active while the operation runs
 * (so spans the backend makes are its children), ended when the operation ends — a read stream or
 * a listing pass at its end — and with the error recorded and the status `ERROR` when it failed.
 *
 * ```ts
 * const traced = observe(store, openTelemetryHooks({ tracer: trace.getTracer("my-app") }));
 * ```
 */
export function openTelemetryHooks(options: OpenTelemetryOptions = {}): ObserveHooks {
  const tracer = options.tracer ?? trace.getTracer("remote-store");
  const open = new Map<number, Span>();
  const startSpan = (start: StoreEventStart): Span => tracer.startSpan(`remote-store ${start.operation}`, { startTime: start.startedAt, attributes: startAttributes(start) });
  return {
    around(start, run) {
      const span = startSpan(start);
      open.set(start.id, span);
      return context.with(trace.setSpan(context.active(), span), run);
    },
    onEvent(event) {
      const span = open.get(event.id) ?? startSpan(event);
      open.delete(event.id);
      endSpan(span, event);
    },
  };
}

function startAttributes(start: StoreEventStart): Attributes {
  const attributes: Attributes = {
    [OTEL_ATTRIBUTES.operation]: start.operation,
    [OTEL_ATTRIBUTES.backend]: start.store.backend.name,
    [OTEL_ATTRIBUTES.rootPath]: start.store.rootPath,
  };
  if (start.path !== undefined) attributes[OTEL_ATTRIBUTES.path] = start.path;
  if (start.to !== undefined) attributes[OTEL_ATTRIBUTES.to] = start.to;
  return attributes;
}

function endSpan(span: Span, event: StoreEvent): void {
  if (event.bytes !== undefined) span.setAttribute(OTEL_ATTRIBUTES.bytes, event.bytes);
  if (event.items !== undefined) span.setAttribute(OTEL_ATTRIBUTES.items, event.items);
  const error = event.error;
  if (error !== undefined) {
    const type = isRemoteStoreError(error) ? error.code : error.name;
    span.setAttribute(OTEL_ATTRIBUTES.errorType, type);
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  }
  span.end(event.startedAt + event.durationMs);
}
