import { describe, expect, it } from "vitest";
import { MemoryBackend } from "../../src/index.js";
import { CONFORMANCE_CASES, describeBackendConformance, runConformance } from "../../src/testing/index.js";
import { hangingExists, leakyWrites, noOpDelete, prefilled, reverseListing, withoutCapabilities } from "./broken-backends.js";
import { conformanceRuns } from "../../src/testing/harness/describe-backend-conformance.js";

const ORDER_IDS = CONFORMANCE_CASES.filter((c) => c.area === "listing-order").map((c) => c.id);
const DELETE_IDS = CONFORMANCE_CASES.filter((c) => c.area === "delete" || c.area === "delete-folder").map((c) => c.id);

function failedIds(report: Awaited<ReturnType<typeof runConformance>>): string[] {
  return report.failed.map((f) => f.id);
}

describe("runConformance", () => {
  it("CONF-H06 reports a correct backend with zero failures for the cases asked for", async () => {
    const only = [...ORDER_IDS, ...DELETE_IDS];
    const report = await runConformance({ create: () => new MemoryBackend(), only });
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.passed).toBe(only.length);
  });

  it("CONF-H06 runs a correct backend under a rootPath with zero failures and zero skips", async () => {
    const only = ["CONF-110", "CONF-226", "CONF-415", "CONF-417", "CONF-365"];
    const report = await runConformance({ create: () => new MemoryBackend(), createWithQuota: (maxSize) => new MemoryBackend({ maxSize }), rootPath: "/doctor//", only });
    expect(report).toEqual({ passed: only.length, failed: [], skipped: [] });
  });

  it("CONF-H06 finds a listing in reverse order, and keeps going after the first failure", async () => {
    const report = await runConformance({ create: reverseListing, only: ORDER_IDS });
    expect(failedIds(report)).toEqual(expect.arrayContaining(["CONF-270", "CONF-273", "CONF-276"]));
    expect(failedIds(report)).not.toContain("CONF-271");
    expect(report.passed).toBeGreaterThan(0);
    for (const failure of report.failed) {
      expect(failure.title.length).toBeGreaterThan(0);
      expect(failure.message.length).toBeGreaterThan(0);
    }
  });

  it("CONF-H06 finds a delete that deletes nothing", async () => {
    const report = await runConformance({ create: noOpDelete, only: DELETE_IDS });
    expect(failedIds(report)).toEqual(expect.arrayContaining(["CONF-210", "CONF-211", "CONF-217"]));
    expect(report.failed.find((f) => f.id === "CONF-210")?.message).toContain("exists");
  });

  it("CONF-H05 finds writes outside the rootPath in a rooted run", async () => {
    const report = await runConformance({ create: leakyWrites, rootPath: "suite", only: ["CONF-110", "CONF-001"] });
    expect(failedIds(report)).toEqual(["CONF-110"]);
    expect(report.failed[0]?.message).toContain("escaped.txt");
    expect(report.passed).toBe(1);
  });

  it("CONF-H03 skips what the backend cannot run, naming the missing capability, trait or factory", async () => {
    const report = await runConformance({ create: () => withoutCapabilities(["url"]), flatNamespace: true, only: ["CONF-445", "CONF-028", "CONF-365", "CONF-001"] });
    expect(report.skipped).toEqual([
      { id: "CONF-028", reason: "needs persistent empty folders (flatNamespace backend)" },
      { id: "CONF-365", reason: "needs createWithQuota" },
      { id: "CONF-445", reason: "needs capability: url" },
    ]);
    expect(report.passed).toBe(1);
    expect(report.failed).toEqual([]);
  });

  it("CONF-H03 skips the known gaps with their reasons and runs nothing of them; a gap that does not apply changes nothing", async () => {
    const report = await runConformance({ create: noOpDelete, only: ["CONF-210", "CONF-020"], knownGaps: { "CONF-210": "this backend's delete is a no-op", "CONF-999": "no such case" } });
    expect(report.failed).toEqual([]);
    expect(report.passed).toBe(1);
    expect(report.skipped).toEqual([{ id: "CONF-210", reason: "known gap: this backend's delete is a no-op" }]);
    const asMap = await runConformance({ create: noOpDelete, only: ["CONF-210"], knownGaps: new Map([["CONF-210", "mapped"]]) });
    expect(asMap.skipped).toEqual([{ id: "CONF-210", reason: "known gap: mapped" }]);
    const leftOut = await runConformance({ create: noOpDelete, only: ["CONF-210"], leaveOut: new Map([["CONF-210", "too slow here"]]) });
    expect(leftOut).toMatchObject({ passed: 0, failed: [], skipped: [{ id: "CONF-210", reason: "left out: too slow here" }] });
  });

  it("CONF-004 reports an expected capability the backend does not declare", async () => {
    const report = await runConformance({ create: () => withoutCapabilities(["copy"]), capabilities: ["read", "write", "copy"], only: ["CONF-004", "CONF-325"] });
    expect(report.failed.map((f) => [f.id, f.message])).toEqual([["CONF-004", "the backend does not declare: copy"], ["CONF-325", expect.stringContaining("CAPABILITY_NOT_SUPPORTED") as string]]);
  });

  it("CONF-H04 fails every case when create() returns a backend that is not empty", async () => {
    const report = await runConformance({ create: prefilled, only: ["CONF-001", "CONF-020"] });
    expect(failedIds(report)).toEqual(["CONF-001", "CONF-020"]);
    expect(report.failed[0]?.message).toContain("empty backend");
  });

  it("CONF-H04 reports a case that never settles as a timeout", async () => {
    const report = await runConformance({ create: hangingExists, timeoutMs: 100, only: ["CONF-020"] });
    expect(failedIds(report)).toEqual(["CONF-020"]);
    expect(report.failed[0]?.message).toContain("did not finish within 100 ms");
  });

  it("CONF-H06 rejects a factory that does not return a backend", async () => {
    await expect(runConformance({ create: () => ({}) as never })).rejects.toThrow(TypeError);
  });
});

describe("describeBackendConformance", () => {
  it("CONF-H07 refuses a missing name or factory with TypeError before registering anything", () => {
    expect(() => describeBackendConformance("", { create: () => new MemoryBackend() })).toThrow(TypeError);
    expect(() => describeBackendConformance("x", {} as never)).toThrow(TypeError);
  });

  it("CONF-H10 rootPathRun: false registers the backend-root run alone; a non-boolean is a TypeError", () => {
    const create = () => new MemoryBackend();
    expect(conformanceRuns({ create }).map((run) => run.label)).toEqual(["backend root", "rootPath"]);
    expect(conformanceRuns({ create, rootPathRun: true }).map((run) => run.label)).toEqual(["backend root", "rootPath"]);
    expect(conformanceRuns({ create, rootPathRun: false })).toEqual([{ label: "backend root", rootPrefix: undefined }]);
    expect(() => describeBackendConformance("x", { create, rootPathRun: "no" as never })).toThrow(TypeError);
  });
});
