import { describe, expect, it } from "vitest";
import { Registry, type RegistryConfig } from "../../src/index.js";
import { configErrorOfSync, issueAt, locations } from "./config-errors.js";

const good: RegistryConfig = {
  backends: { mem: { type: "memory" }, disk: { type: "memory", options: { maxSize: 10 } } },
  stores: { cache: { backend: "mem", rootPath: "cache" }, reports: { backend: "disk", rootPath: "reports" } },
};

describe("config model", () => {
  it("REG-001 a config with backends and stores builds; both keys are optional", () => {
    expect(new Registry(good).storeNames).toEqual(["cache", "reports"]);
    expect(new Registry({}).storeNames).toEqual([]);
    expect(new Registry({ backends: { mem: { type: "memory" } } }).backendNames).toEqual(["mem"]);
  });

  it("REG-001 null backends/stores (an empty YAML key) count as absent", () => {
    expect(new Registry({ backends: null, stores: null } as never).storeNames).toEqual([]);
  });

  it("REG-001 an unknown top-level key is an issue with a suggestion", () => {
    const error = configErrorOfSync(() => new Registry({ ...good, bakends: {} } as never));
    expect(issueAt(error, "bakends")).toContain('"backends"');
  });

  it("REG-002 a backend entry of the wrong shape is an issue", () => {
    const error = configErrorOfSync(() => new Registry({ backends: { a: 5, b: [], c: { options: {} }, d: { type: 7 } } } as never));
    expect(locations(error)).toEqual(["backends.a", "backends.b", "backends.c.type", "backends.d.type"]);
  });

  it("REG-003 a store entry of the wrong shape, a missing backend or a non-string rootPath is an issue", () => {
    const error = configErrorOfSync(
      () => new Registry({ backends: { mem: { type: "memory" } }, stores: { a: "mem", b: {}, c: { backend: "mem", rootPath: 5 } } } as never),
    );
    expect(locations(error)).toEqual(["stores.a", "stores.b.backend", "stores.c.rootPath"]);
  });

  it("REG-003 rootPath is normalised; a '..' segment is an issue", () => {
    const registry = new Registry({ backends: { m: { type: "memory" } }, stores: { s: { backend: "m", rootPath: "/a//b/./" }, r: { backend: "m" } } });
    expect(registry.getStore("s").rootPath).toBe("a/b");
    expect(registry.getStore("r").rootPath).toBe("");
    const error = configErrorOfSync(() => new Registry({ backends: { m: { type: "memory" } }, stores: { s: { backend: "m", rootPath: "a/../../etc" } } }));
    expect(locations(error)).toEqual(["stores.s.rootPath"]);
    const nul = configErrorOfSync(() => new Registry({ backends: { m: { type: "memory" } }, stores: { s: { backend: "m", rootPath: "a\0b" } } }));
    expect(locations(nul)).toEqual(["stores.s.rootPath"]);
  });

  it("REG-003 store options are reserved: any key is an unknown-key issue", () => {
    const error = configErrorOfSync(() => new Registry({ backends: { m: { type: "memory" } }, stores: { s: { backend: "m", options: { readOnly: true } } } } as never));
    expect(locations(error)).toEqual(["stores.s.options.readOnly"]);
    expect(new Registry({ backends: { m: { type: "memory" } }, stores: { s: { backend: "m", options: {} } } }).storeNames).toEqual(["s"]);
  });

  it("REG-004 backend and store names must be plain names", () => {
    const error = configErrorOfSync(
      () => new Registry({ backends: { "my mem": { type: "memory" }, "-x": { type: "memory" } }, stores: { "a.b": { backend: "my mem" } } }),
    );
    expect(locations(error)).toEqual(['backends["my mem"]', "backends.-x", 'stores["a.b"]']);
  });

  it("REG-004 backends and stores are separate name spaces", () => {
    const registry = new Registry({ backends: { data: { type: "memory" } }, stores: { data: { backend: "data" } } });
    expect(registry.getStore("data").rootPath).toBe("");
  });

  it("REG-005 unknown keys in entries and options are reported, with a suggestion when close", () => {
    const error = configErrorOfSync(
      () =>
        new Registry({
          backends: { m: { type: "memory", option: {}, options: { maxsize: 3 } } },
          stores: { s: { backend: "m", root_path: "x" } },
        } as never),
    );
    expect(locations(error)).toEqual(["backends.m.option", "backends.m.options.maxsize", "stores.s.root_path"]);
    expect(issueAt(error, "backends.m.option")).toContain('did you mean "options"?');
    expect(issueAt(error, "backends.m.options.maxsize")).toContain('did you mean "maxSize"?');
    expect(issueAt(error, "stores.s.root_path")).toContain('did you mean "rootPath"?');
  });
});

describe("validation and ConfigError", () => {
  it("REG-010 every problem is reported at once in one ConfigError", () => {
    const error = configErrorOfSync(
      () =>
        new Registry({
          backends: { mem: { type: "memory", options: { maxSize: -1 } }, bad: { type: "nope" } },
          stores: { reports: { backend: "dsk" }, up: { backend: "mem", rootPath: "../x" } },
          extra: true,
        } as never),
    );
    expect(locations(error).sort()).toEqual(["backends.bad.type", "backends.mem.options.maxSize", "extra", "stores.reports.backend", "stores.up.rootPath"]);
    expect(error.message).toContain("5 problems");
  });

  it("REG-011 an unknown backend reference names the known backends", () => {
    const error = configErrorOfSync(() => new Registry({ ...good, stores: { reports: { backend: "dsk" } } }));
    const issue = issueAt(error, "stores.reports.backend");
    expect(issue).toContain('"dsk"');
    expect(issue).toContain("disk, mem");
  });

  it("REG-011 a non-table config is an issue at 'config'", () => {
    for (const bad of [null, undefined, [], "x", 3]) {
      expect(locations(configErrorOfSync(() => new Registry(bad as never)))).toEqual(["config"]);
    }
  });

  it("REG-012 the message lists every issue after a header naming the source", () => {
    const error = configErrorOfSync(() => new Registry({ stores: { a: { backend: "x" } } }, { source: "app config" }));
    expect(error.message).toContain("app config");
    for (const issue of error.issues) expect(error.message).toContain(issue);
  });

  it("REG-012 zod's raw output never reaches the user", () => {
    const error = configErrorOfSync(() => new Registry({ backends: { m: { type: "memory", options: { maxSize: "big", name: 3 } } } }));
    expect(locations(error)).toEqual(["backends.m.options.maxSize", "backends.m.options.name"]);
    for (const issue of error.issues) {
      expect(issue).not.toMatch(/Invalid input|received|"code"|\[\{/);
    }
  });

  it("REG-013 validation messages never contain option values", () => {
    const error = configErrorOfSync(
      () => new Registry({ backends: { m: { type: "memory", options: { maxSize: "hunter2-value", name: "has space value" } } } }),
    );
    expect(error.issues).toHaveLength(2);
    expect(error.message).not.toContain("hunter2-value");
    expect(error.message).not.toContain("has space value");
  });

  it("REG-014 wrong argument types of the API are TypeErrors naming the argument", () => {
    expect(() => new Registry(good, 5 as never)).toThrow(TypeError);
    expect(() => new Registry(good, { env: "x" as never })).toThrow(/env/);
    expect(() => new Registry(good, { table: 5 as never })).toThrow(/table/);
    expect(() => new Registry(good).getStore(5 as never)).toThrow(TypeError);
  });
});
