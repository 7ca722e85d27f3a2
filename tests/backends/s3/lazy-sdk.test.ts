import { describe, expect, inject, it, vi } from "vitest";

let loads = 0;
vi.doMock("@aws-sdk/client-s3", async (importOriginal: () => Promise<Record<string, unknown>>) => {
  loads++;
  return importOriginal();
});

describe("the s3 registry type", () => {
  it("S3-101 registering the type loads no AWS SDK; the first call on a store of the type does, then works", async () => {
    const { Registry, registeredBackendTypes } = await import("../../../src/index.js");
    const { registerProvidedType } = await import("../../../src/registry/backend-types.js");
    const { s3BackendType } = await import("../../../src/backends/s3/s3-type.js");
    registerProvidedType(s3BackendType);
    expect(registeredBackendTypes()).toContain("s3");
    // Straight from the globalSetup: the support helpers import S3Backend, which would load the SDK first.
    const server = inject("s3TestServer");
    const registry = new Registry({
      backends: {
        b: {
          type: "s3",
          options: { bucket: server.bucket, endpoint: server.endpoint, region: server.region, forcePathStyle: true, prefix: `lazy-${Date.now().toString(36)}`, ...server.credentials },
        },
      },
      stores: { s: { backend: "b" } },
    });
    const store = registry.getStore("s");
    expect(loads).toBe(0);
    await store.writeText("a.txt", "hi");
    expect(loads).toBe(1);
    expect(await store.readText("a.txt")).toBe("hi");
    expect(store.supports("write")).toBe(true);
    await store.delete("a.txt");
    await registry.close();
  });
});
