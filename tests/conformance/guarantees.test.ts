import { describe, expect, it } from "vitest";
import { backendOps } from "../../src/store/backend-ops/backend-ops.js";
import { InvalidPath, MemoryBackend, NotFound, type Backend } from "../../src/index.js";
import { CONFORMANCE_CASES, runConformance } from "../../src/testing/index.js";
import type { ConformanceCase } from "../../src/testing/conformance/types.js";
import { executeCase } from "../../src/testing/harness/execute-case.js";
import { CONFORMANCE_ROOT } from "../../src/testing/harness/options.js";
import { selectionCapabilities, skipReason, traitsOf } from "../../src/testing/harness/select.js";
import { wrapMemory } from "./broken-backends.js";

/** The read cases that expect `NOT_FOUND` with a path (CONF-075: missing files). */
const MISSING_READS = ["CONF-075"];

/** readBytes/read of a missing file fail with another code, but the same message and path. */
function wrongCode(): Backend {
  return wrapMemory((inner) => ({
    readBytes: async (path: string, range: Parameters<MemoryBackend["readBytes"]>[1]) => {
      if (!(await inner.exists(path))) throw new InvalidPath(`File not found: "${path}"`, { path, backend: inner.name });
      return inner.readBytes(path, range);
    },
  }));
}

/** readBytes of a missing file is NotFound, with the right message but another path. */
function wrongPath(): Backend {
  return wrapMemory((inner) => ({
    readBytes: async (path: string, range: Parameters<MemoryBackend["readBytes"]>[1]) => {
      if (!(await inner.exists(path))) throw new NotFound(`File not found: "${path}"`, { path: "somewhere/else", backend: inner.name });
      return inner.readBytes(path, range);
    },
  }));
}

/** readBytes of a missing file resolves to nothing instead of failing. */
function noError(): Backend {
  return wrapMemory((inner) => ({
    readBytes: async (path: string, range: Parameters<MemoryBackend["readBytes"]>[1]) => ((await inner.exists(path)) ? inner.readBytes(path, range) : new Uint8Array(0)),
  }));
}

describe("what the conformance suite guarantees", () => {
  it("CONF-G01 a case checks errors by code and path: another code, another path or no error at all fails it", async () => {
    for (const create of [wrongCode, wrongPath, noError]) {
      const report = await runConformance({ create, only: MISSING_READS });
      expect(report.failed.map((f) => f.id), create.name).toEqual(MISSING_READS);
    }
    expect(await runConformance({ create: () => new MemoryBackend(), only: MISSING_READS })).toEqual({ passed: 1, failed: [], skipped: [] });
  });

  it("CONF-G02 the rootPath run places each case at conformance-root/<random> and fails it for a change outside that root", async () => {
    const roots: string[] = [];
    const recordRoot: ConformanceCase = { id: "CONF-000", area: "probes", title: "records its root", needs: ["write"], run: async (ctx) => {
      roots.push(ctx.rootPath);
      await ctx.store.write("inside.txt", "x");
    } };
    const setup = { options: { create: () => new MemoryBackend() }, capabilities: new MemoryBackend().capabilities, rootPrefix: CONFORMANCE_ROOT };
    await executeCase(recordRoot, setup);
    await executeCase(recordRoot, setup);
    await executeCase(recordRoot, { ...setup, rootPrefix: undefined });
    expect(roots[0]).toMatch(new RegExp(`^${CONFORMANCE_ROOT}/[a-z0-9]+$`));
    expect(roots[1]).toMatch(new RegExp(`^${CONFORMANCE_ROOT}/[a-z0-9]+$`));
    expect(roots[0]).not.toBe(roots[1]);
    expect(roots[2]).toBe("");
    const escaping: ConformanceCase = { ...recordRoot, run: async (ctx) => {
      await backendOps(ctx.backend).write("outside.txt", new Uint8Array([1]), { overwrite: false, contentType: "text/plain", metadata: undefined });
    } };
    await expect(executeCase(escaping, setup)).rejects.toThrow(/containment .*outside\.txt/);
    await expect(executeCase(escaping, { ...setup, rootPrefix: undefined })).resolves.toBeUndefined();
  });

  it("CONF-G04 cases do not depend on each other: each gets a fresh backend, and any order gives the same report", async () => {
    const ids = ["CONF-020", "CONF-021", "CONF-070", "CONF-075", "CONF-110", "CONF-210", "CONF-270"];
    const created: MemoryBackend[] = [];
    const create = (): MemoryBackend => {
      const backend = new MemoryBackend();
      created.push(backend);
      return backend;
    };
    const report = await runConformance({ create, only: ids });
    expect(report).toEqual({ passed: ids.length, failed: [], skipped: [] });
    // One backend per case (plus the one the harness reads the capabilities from), never shared.
    expect(created.length).toBe(ids.length + 1);
    expect(new Set(created).size).toBe(created.length);
    const setup = { options: { create }, capabilities: new MemoryBackend().capabilities, rootPrefix: undefined };
    for (const id of [...ids].reverse()) await executeCase(CONFORMANCE_CASES.find((c) => c.id === id) as ConformanceCase, setup);
  });

  it("CONF-G05 the memory backend, given createWithQuota, skips no case (tests/conformance/memory.test.ts runs them all)", async () => {
    const options = { create: () => new MemoryBackend(), createWithQuota: (maxSize: number) => new MemoryBackend({ maxSize }) };
    const capabilities = await selectionCapabilities(options);
    const traits = traitsOf(options);
    const skipped = CONFORMANCE_CASES.map((c) => [c.id, skipReason(c, capabilities, traits)]).filter(([, reason]) => reason !== undefined);
    expect(skipped).toEqual([]);
    expect(CONFORMANCE_CASES.length).toBeGreaterThan(300);
  });
});
