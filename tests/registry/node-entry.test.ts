import { describe, expect, it } from "vitest";
import * as nodeEntry from "../../src/index.node.js";
import { registerNodeSupport } from "../../src/node/register.js";
import { readConfigFile } from "../../src/node/file-reader.js";
import { configFileReader, setConfigFileReader } from "../../src/registry/file-reader.js";
import { registeredBackendTypes } from "../../src/index.js";

describe("the Node entry", () => {
  it("REG-100 importing src/index.node registers the local type and the file reader", () => {
    expect(typeof nodeEntry).toBe("object");
    expect(registeredBackendTypes()).toContain("local");
    expect(configFileReader()).toBe(readConfigFile);
  });

  it("REG-100 the Node entry re-exports the core entry", () => {
    expect(nodeEntry.Store).toBeTypeOf("function");
    expect(nodeEntry.MemoryBackend).toBeTypeOf("function");
  });

  it("REG-100 registering Node support again leaves an installed reader alone", () => {
    const custom = (): Promise<string> => Promise.resolve("{}");
    setConfigFileReader(custom);
    try {
      registerNodeSupport();
      expect(configFileReader()).toBe(custom);
      expect(registeredBackendTypes().filter((type) => type === "local")).toHaveLength(1);
    } finally {
      setConfigFileReader(readConfigFile);
    }
  });
});
