import { describe, expect, it } from "vitest";
import { MemoryBackend, type Backend } from "../../src/index.js";
import { restrictBackend } from "../../src/testing/conformance/support/gated-backend.js";
import { CONFORMANCE_CASES, ManualClock, runConformance } from "../../src/testing/index.js";
import { wrapMemory } from "./broken-backends.js";

const NEW_AREAS = ["create-folder", "move-folder", "copy-folder", "multipart", "snapshots"];
const idsOf = (area: string): string[] => CONFORMANCE_CASES.filter((c) => c.area === area).map((c) => c.id);

// TEST-003: the broken backends stamp with this clock and the runs move it instead of sleeping.
const clock = new ManualClock();
const clocked = { clock, timestampToleranceMs: 0 } as const;

/** copyFolder with overwrite merges into the destination instead of replacing it. */
function mergingCopyFolder(): Backend {
  return wrapMemory((inner) => ({
    copyFolder: async (src: string, dst: string, options: { overwrite: boolean }) => {
      if (!options.overwrite || !(await inner.isFolder(dst))) return inner.copyFolder(src, dst, options);
      for await (const file of inner.listFiles(src, { maxDepth: Number.POSITIVE_INFINITY })) {
        await inner.copy(file.path, dst + file.path.slice(src.length), { overwrite: true });
      }
    },
  }), { clock });
}

/** moveFolder as copy-then-delete: every file gets a new modification time. */
function restampingMoveFolder(): Backend {
  return wrapMemory((inner) => ({
    moveFolder: async (src: string, dst: string, options: { overwrite: boolean }) => {
      await inner.copyFolder(src, dst, options);
      await inner.deleteFolder(src, { recursive: true, missingOk: false });
    },
  }), { clock });
}

/** An upload shows an empty file at its path from the start. */
function visibleUploads(): Backend {
  return wrapMemory((inner) => ({
    startMultipartUpload: async (...args: Parameters<MemoryBackend["startMultipartUpload"]>) => {
      const id = await inner.startMultipartUpload(...args);
      await inner.write(args[0], new Uint8Array(0), { overwrite: true, contentType: "application/octet-stream", metadata: undefined });
      return id;
    },
  }));
}

/** listParts reports the parts in reverse order. */
function reversedParts(): Backend {
  return wrapMemory((inner) => ({ listParts: async (id: string) => (await inner.listParts(id)).reverse() }));
}

describe("the folder, multipart and snapshot areas", () => {
  it("CONF-H01 every new area has cases with unique ids in CONF_CASES order", () => {
    for (const area of NEW_AREAS) expect(idsOf(area).length).toBeGreaterThan(0);
    const ids = CONFORMANCE_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("CONF-G03 finds a copyFolder that merges instead of replacing", async () => {
    const report = await runConformance({ create: mergingCopyFolder, only: idsOf("copy-folder"), ...clocked });
    expect(report.failed.map((f) => f.id)).toContain("CONF-560");
    expect(report.failed.map((f) => f.id)).not.toContain("CONF-550");
  });

  it("CONF-G03 finds a moveFolder that restamps modification times", async () => {
    const report = await runConformance({ create: restampingMoveFolder, only: ["CONF-521", "CONF-523"], ...clocked });
    expect(report.failed.map((f) => f.id)).toEqual(["CONF-521"]);
  });

  it("CONF-G03 finds an upload that is visible before completion, and parts listed out of order", async () => {
    const visible = await runConformance({ create: visibleUploads, only: ["CONF-585", "CONF-599"] });
    expect(visible.failed.map((f) => f.id)).toEqual(["CONF-585"]);
    const reversed = await runConformance({ create: reversedParts, only: ["CONF-582", "CONF-589"] });
    expect(reversed.failed.map((f) => f.id)).toContain("CONF-582");
  });

  it("CONF-H03 skips createFolder, multipart, setModifiedAt and atomicMoveFolder cases, naming the capability", async () => {
    const without = ["createFolder", "multipart", "setModifiedAt", "atomicMoveFolder"] as const;
    const report = await runConformance({
      create: () => wrapMemory((inner) => ({ capabilities: restrictBackend(inner, [...without]).backend.capabilities })),
      only: [...idsOf("create-folder"), ...idsOf("multipart"), "CONF-539", "CONF-540", "CONF-625", "CONF-626"],
    });
    expect(report.failed).toEqual([]);
    expect(report.passed).toBe(1);
    expect(report.skipped.length).toBe(idsOf("create-folder").length + idsOf("multipart").length + 3);
    for (const skip of report.skipped) expect(skip.reason).toMatch(/^needs capability: (createFolder|multipart|setModifiedAt|atomicMoveFolder)/);
  });

  it("restrictBackend offers an optional method only while its capability is kept", () => {
    const inner = new MemoryBackend();
    const noMove = restrictBackend(inner, ["moveFolder"]).backend as unknown as Record<string, unknown>;
    expect(typeof noMove.moveFolder).toBe("undefined");
    expect(typeof noMove.copyFolder).toBe("function");
    expect(typeof noMove.createFolder).toBe("function");
    const noMultipart = restrictBackend(inner, ["multipart"]).backend as unknown as Record<string, unknown>;
    for (const method of ["startMultipartUpload", "uploadPart", "listParts", "completeMultipartUpload", "abortMultipartUpload", "listMultipartUploads"]) {
      expect(typeof noMultipart[method]).toBe("undefined");
    }
  });
});
