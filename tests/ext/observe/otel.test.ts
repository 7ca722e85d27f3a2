import { context, ROOT_CONTEXT, SpanStatusCode, trace, type ContextManager } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { MemoryBackend, Store, wrapStore } from "../../../src/index.js";
import { observe } from "../../../src/ext/observe/index.js";
import { openTelemetryHooks, OTEL_ATTRIBUTES } from "../../../src/ext/otel/index.js";
import { expectCode } from "../support/expect.js";

function traced(): { store: Store; exporter: InMemorySpanExporter; provider: BasicTracerProvider } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer("test");
  const store = observe(new Store({ backend: new MemoryBackend({ name: "otel" }), rootPath: "root" }), openTelemetryHooks({ tracer }));
  return { store, exporter, provider };
}

describe("OpenTelemetry adapter", () => {
  it("OBS-010 one span per operation with stable attributes; errors recorded with status ERROR", async () => {
    const { store, exporter, provider } = traced();
    await store.write("a/b.txt", "hello");
    await store.listFiles("a").toArray();
    await expectCode(() => store.readBytes("missing"), "NOT_FOUND", "missing");
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(["remote-store write", "remote-store listFiles", "remote-store readBytes"]);
    const [write, list, failed] = spans;
    expect(write?.attributes).toEqual({
      [OTEL_ATTRIBUTES.operation]: "write",
      [OTEL_ATTRIBUTES.backend]: "otel",
      [OTEL_ATTRIBUTES.rootPath]: "root",
      [OTEL_ATTRIBUTES.path]: "a/b.txt",
      [OTEL_ATTRIBUTES.bytes]: 5,
    });
    expect(write?.status.code).toBe(SpanStatusCode.UNSET);
    expect(list?.attributes[OTEL_ATTRIBUTES.items]).toBe(1);
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed?.attributes[OTEL_ATTRIBUTES.errorType]).toBe("NOT_FOUND");
    expect(failed?.events.map((e) => e.name)).toEqual(["exception"]);
    await provider.shutdown();
  });

  it("OBS-010 the span is the active span while the operation runs", async () => {
    // A synchronous context manager: enough to see the span from inside the inner store's call.
    const stack = [ROOT_CONTEXT];
    const manager: ContextManager = {
      active: () => stack[stack.length - 1] ?? ROOT_CONTEXT,
      with: (ctx, fn, thisArg, ...args) => {
        stack.push(ctx);
        try {
          return fn.call(thisArg, ...args);
        } finally {
          stack.pop();
        }
      },
      bind: (_ctx, target) => target,
      enable: () => manager,
      disable: () => manager,
    };
    context.setGlobalContextManager(manager);
    try {
      const exporter = new InMemorySpanExporter();
      const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
      let inside: string | undefined;
      const inner = wrapStore(new Store({ backend: new MemoryBackend() }), {
        intercept(call) {
          inside = trace.getSpan(context.active())?.spanContext().spanId;
          return call.next();
        },
      });
      await observe(inner, openTelemetryHooks({ tracer: provider.getTracer("test") })).exists("x");
      const [span] = exporter.getFinishedSpans();
      expect(inside).toBeDefined();
      expect(inside).toBe(span?.spanContext().spanId);
      await provider.shutdown();
    } finally {
      context.disable();
    }
  });
});
