import { describe, expect, it } from "vitest";
import { Registry } from "../../src/index.js";
import { configErrorOfSync, issueAt, locations } from "./config-errors.js";
import { tempDir } from "./temp-dir.js";
import { registerNodeSupport } from "../../src/node/register.js";

registerNodeSupport();

function optionsOf(registry: Registry, backend: string): unknown {
  return registry.toJSON().backends[backend]!.options;
}

describe("environment substitution", () => {
  it("REG-050 without env, ${...} stays literal", () => {
    const registry = new Registry({ backends: { m: { type: "memory", options: { name: "x" } } }, stores: { s: { backend: "m", rootPath: "${DIR}" } } });
    expect(registry.getStore("s").rootPath).toBe("${DIR}");
  });

  it("REG-050 nothing reads process.env implicitly", () => {
    process.env.REMOTE_STORE_TEST_DIR = "from-process";
    try {
      const registry = new Registry({ backends: { m: { type: "memory" } }, stores: { s: { backend: "m", rootPath: "${REMOTE_STORE_TEST_DIR}" } } }, { env: {} });
      throw new Error(`expected a ConfigError, got a registry with ${registry.getStore("s").rootPath}`);
    } catch (error) {
      expect((error as { code?: string }).code).toBe("CONFIG_INVALID");
    } finally {
      delete process.env.REMOTE_STORE_TEST_DIR;
    }
    process.env.REMOTE_STORE_TEST_DIR = "from-process";
    try {
      const registry = new Registry(
        { backends: { m: { type: "memory" } }, stores: { s: { backend: "m", rootPath: "${REMOTE_STORE_TEST_DIR}" } } },
        { env: process.env },
      );
      expect(registry.getStore("s").rootPath).toBe("from-process");
    } finally {
      delete process.env.REMOTE_STORE_TEST_DIR;
    }
  });

  it("REG-051 ${NAME}, ${NAME:-default} and $${ in every string value", () => {
    const registry = new Registry(
      {
        backends: { m: { type: "memory", options: { name: "${PREFIX}-${MISSING:-dflt}" } } },
        stores: { s: { backend: "m", rootPath: "a/$${LITERAL}/${EMPTY:-e}/$HOME/${DIR}" } },
      },
      { env: { PREFIX: "app", DIR: "d", EMPTY: "" } },
    );
    expect(optionsOf(registry, "m")).toEqual({ name: "app-dflt" });
    expect(registry.getStore("s").rootPath).toBe("a/${LITERAL}/e/$HOME/d");
  });

  it("REG-051 values in URLs and nested lists are substituted; keys are not", () => {
    const registry = new Registry(
      { backends: { m: "memory://${NAME}/${BASE}?maxSize=${MAX}" }, stores: { s: { backend: "m" } } },
      { env: { NAME: "n1", BASE: "b", MAX: "5" } },
    );
    expect(optionsOf(registry, "m")).toEqual({ name: "n1", maxSize: 5 });
    expect(registry.getStore("s").rootPath).toBe("b");
    const keyed = configErrorOfSync(() => new Registry({ backends: { "${X}": { type: "memory" } } }, { env: { X: "ok" } }));
    expect(locations(keyed)).toEqual(['backends["${X}"]']);
  });

  it("REG-051 an empty variable without default substitutes the empty string", () => {
    const registry = new Registry({ backends: { m: { type: "memory" } }, stores: { s: { backend: "m", rootPath: "a${E}b" } } }, { env: { E: "" } });
    expect(registry.getStore("s").rootPath).toBe("ab");
  });

  it("REG-052 an unset variable without default names the variable and the location; all are reported", () => {
    const error = configErrorOfSync(
      () =>
        new Registry(
          {
            backends: { m: { type: "memory", options: { name: "${MEM_NAME}" } } },
            stores: { s: { backend: "m", rootPath: "${ROOT_DIR}" }, t: { backend: "m", rootPath: "${BAD NAME}" }, u: { backend: "m", rootPath: "${OPEN" } },
          },
          { env: {} },
        ),
    );
    expect(locations(error)).toEqual(["backends.m.options.name", "stores.s.rootPath", "stores.t.rootPath", "stores.u.rootPath"]);
    expect(issueAt(error, "backends.m.options.name")).toContain('"MEM_NAME"');
    expect(issueAt(error, "stores.s.rootPath")).toContain('"ROOT_DIR"');
  });

  it("REG-052 substituted numbers and booleans are converted where the schema expects them", () => {
    const registry = new Registry({ backends: { m: { type: "memory", options: { maxSize: "${MAX}" } } } }, { env: { MAX: "1048576" } });
    expect(optionsOf(registry, "m")).toEqual({ maxSize: 1048576 });
    const literal = configErrorOfSync(() => new Registry({ backends: { m: { type: "memory", options: { maxSize: "1048576" } } } }, { env: {} }));
    expect(locations(literal)).toEqual(["backends.m.options.maxSize"]);
    const notNumber = configErrorOfSync(() => new Registry({ backends: { m: { type: "memory", options: { maxSize: "${MAX}" } } } }, { env: { MAX: "lots" } }));
    expect(locations(notNumber)).toEqual(["backends.m.options.maxSize"]);
  });

  it("REG-052 env works with fromText and fromFile, with table locations", async () => {
    const yaml = "tool:\n  rs:\n    backends:\n      m: { type: memory, options: { name: '${N}' } }\n";
    expect(optionsOf(Registry.fromText(yaml, { format: "yaml", table: "tool.rs", env: { N: "x" } }), "m")).toEqual({ name: "x" });
    const error = configErrorOfSync(() => Registry.fromText(yaml, { format: "yaml", table: "tool.rs", env: {} }));
    expect(locations(error)).toEqual(["tool.rs.backends.m.options.name"]);
    const tmp = await tempDir();
    try {
      const path = await tmp.file("c.toml", '[backends]\nm = "memory://${N:-fallback}"\n');
      expect(optionsOf(await Registry.fromFile(path, { env: {} }), "m")).toEqual({ name: "fallback" });
    } finally {
      await tmp.cleanup();
    }
  });

  it("REG-052 env must be a record", () => {
    expect(() => new Registry({}, { env: null as never })).toThrow(TypeError);
    expect(() => new Registry({}, { env: ["A"] as never })).toThrow(TypeError);
  });
});
