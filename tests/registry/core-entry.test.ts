import { afterEach, describe, expect, it } from "vitest";
import { configFileReader, setConfigFileReader } from "../../src/registry/file-reader.js";
import { Registry, registeredBackendTypes } from "../../src/index.js";
import { configErrorOf, configErrorOfSync, issueAt } from "./config-errors.js";

// This file never loads the Node entry, so it sees the registry as a browser would.

afterEach(() => {
  setConfigFileReader(undefined);
});

describe("the core entry without Node", () => {
  it("REG-031 BR-004 fromFile rejects with a ConfigError that points to fromText", async () => {
    expect(configFileReader()).toBeUndefined();
    const error = await configErrorOf(() => Registry.fromFile("config.yaml"));
    expect(issueAt(error, "config.yaml")).toContain("Registry.fromText");
  });

  it("REG-031 an installed reader serves fromFile, and its ConfigErrors pass through", async () => {
    const read: string[] = [];
    setConfigFileReader((path) => {
      read.push(path);
      return Promise.resolve("backends:\n  m: memory://\n");
    });
    expect((await Registry.fromFile("virtual.yml")).backendNames).toEqual(["m"]);
    expect(read).toEqual(["virtual.yml"]);
    expect(() => setConfigFileReader("x" as never)).toThrow(TypeError);
  });

  it("REG-024 the local type is not registered, and the issue says it needs Node", () => {
    expect(registeredBackendTypes()).not.toContain("local");
    const error = configErrorOfSync(() => new Registry({ backends: { disk: { type: "local", options: { root: "./data" } }, f: "file:///data" } }));
    expect(issueAt(error, "backends.disk.type")).toContain("Node");
    expect(issueAt(error, "backends.f")).toContain("Node");
  });

  it("REG-024 the s3 type is not registered without its entry, and the issue names remote-store/s3", () => {
    expect(registeredBackendTypes()).not.toContain("s3");
    const error = configErrorOfSync(() => new Registry({ backends: { bucket: { type: "s3", options: { bucket: "b" } }, u: "s3://b/prefix" } }));
    expect(issueAt(error, "backends.bucket.type")).toContain('import "remote-store/s3"');
    expect(issueAt(error, "backends.u")).toContain('import "remote-store/s3"');
  });

  it("REG-030 fromText works everywhere", () => {
    expect(Registry.fromText('backends = { m = "memory://" }', { format: "toml" }).backendNames).toEqual(["m"]);
  });
});
