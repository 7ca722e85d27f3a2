import { describe, expect, it } from "vitest";
import { registeredBackendTypes } from "../../src/registry/backend-types.js";

describe("backend type registration (spec/architecture.md)", () => {
  it("ARCH-003 the registry knows no type by itself; the core entry registers memory and the hints for the other entries", async () => {
    expect(registeredBackendTypes()).toEqual([]);
    const core = await import("../../src/index.js");
    expect(core.registeredBackendTypes()).toEqual(["memory"]);
    const refused = (() => {
      try {
        new core.Registry({ backends: { b: { type: "s3", options: { bucket: "x" } } } });
      } catch (error) {
        return error as { issues?: string[] };
      }
      return undefined;
    })();
    expect(refused?.issues?.[0]).toMatch(/unknown backend type "s3".*import "remote-store\/s3"/);
    await import("../../src/s3.js");
    expect(core.registeredBackendTypes()).toEqual(["memory", "s3"]);
  });
});
