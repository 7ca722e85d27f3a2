import { chmod, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { registerNodeSupport } from "../../src/node/register.js";
import { Registry } from "../../src/index.js";
import { configErrorOf, configErrorOfSync, issueAt, locations } from "./config-errors.js";
import { facts, JSON_CONFIG, PYPROJECT, TOML_CONFIG, YAML_CONFIG } from "./config-texts.js";
import { tempDirPerTest } from "./temp-dir.js";

registerNodeSupport();

const tmp = tempDirPerTest();

describe("fromFile, fromText, fromObject", () => {
  it("REG-030 JSON, YAML (.yaml, .yml) and TOML files give the same registry", async () => {
    const fromJson = await Registry.fromFile(await tmp.file("c.json", JSON_CONFIG));
    const fromYaml = await Registry.fromFile(await tmp.file("c.yaml", YAML_CONFIG));
    const fromYml = await Registry.fromFile(await tmp.file("c.yml", YAML_CONFIG));
    const fromToml = await Registry.fromFile(await tmp.file("c.toml", TOML_CONFIG));
    expect(fromJson.storeNames).toEqual(["cache", "reports"]);
    for (const other of [fromYaml, fromYml, fromToml]) expect(facts(other)).toEqual(facts(fromJson));
    const store = fromToml.getStore("reports");
    await store.writeText("r.txt", "hello");
    expect(await fromToml.getStore("reports").readText("r.txt")).toBe("hello");
  });

  it("REG-030 the extension is case-insensitive; format overrides it", async () => {
    expect((await Registry.fromFile(await tmp.file("C.JSON", JSON_CONFIG))).storeNames).toEqual(["cache", "reports"]);
    expect((await Registry.fromFile(await tmp.file("settings.conf", YAML_CONFIG), { format: "yaml" })).storeNames).toEqual(["cache", "reports"]);
    const error = await configErrorOf(async () => Registry.fromFile(await tmp.file("wrong.json", YAML_CONFIG), { format: "toml" }));
    expect(error.issues[0]).toMatch(/^.*wrong\.json:\d+:\d+: /);
  });

  it("REG-030 fromText parses every format and names its source", () => {
    for (const [format, text] of [["json", JSON_CONFIG], ["yaml", YAML_CONFIG], ["toml", TOML_CONFIG]] as const) {
      expect(Registry.fromText(text, { format }).storeNames).toEqual(["cache", "reports"]);
    }
    const error = configErrorOfSync(() => Registry.fromText("{", { format: "json", source: "inline" }));
    expect(locations(error)[0]).toBe("inline:1:2");
    expect(() => Registry.fromText(JSON_CONFIG, { format: "ini" as never })).toThrow(TypeError);
    expect(() => Registry.fromText(5 as never, { format: "json" })).toThrow(TypeError);
  });

  it("REG-030 fromObject is the constructor for untyped data", () => {
    const data: unknown = JSON.parse(JSON_CONFIG);
    expect(Registry.fromObject(data).toJSON()).toEqual(new Registry(data as never).toJSON());
  });

  it("REG-031 a missing file is a ConfigError naming it", async () => {
    const path = join(tmp.dir, "missing.yaml");
    const error = await configErrorOf(() => Registry.fromFile(path));
    expect(locations(error)).toEqual([path]);
  });

  it("REG-031 a folder, or a path through a file, is a ConfigError naming it", async () => {
    await mkdir(join(tmp.dir, "dir.json"));
    const folder = join(tmp.dir, "dir.json");
    expect(locations(await configErrorOf(() => Registry.fromFile(folder)))).toEqual([folder]);
    const file = await tmp.file("plain.txt", "x");
    const through = join(file, "c.json");
    expect(locations(await configErrorOf(() => Registry.fromFile(through)))).toEqual([through]);
  });

  it.skipIf(process.getuid?.() === 0)("REG-031 an unreadable file is a ConfigError naming it", async () => {
    const path = await tmp.file("secret.json", JSON_CONFIG);
    await chmod(path, 0o000);
    expect(locations(await configErrorOf(() => Registry.fromFile(path)))).toEqual([path]);
  });

  it("REG-031 a wrong or missing extension is a ConfigError listing the supported ones", async () => {
    const ini = await tmp.file("c.ini", "x");
    const issue = issueAt(await configErrorOf(() => Registry.fromFile(ini)), ini);
    for (const ext of [".json", ".yaml", ".yml", ".toml"]) expect(issue).toContain(ext);
    const bare = await tmp.file("config", JSON_CONFIG);
    expect(locations(await configErrorOf(() => Registry.fromFile(bare)))).toEqual([bare]);
  });

  it("REG-031 a file that is not UTF-8 is a ConfigError", async () => {
    const path = await tmp.file("latin1.yaml", new Uint8Array([0x62, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(locations(await configErrorOf(() => Registry.fromFile(path)))).toEqual([path]);
  });

  it("REG-031 fromFile reports bad arguments by rejecting", async () => {
    const pending = Registry.fromFile(5 as never);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toBeInstanceOf(TypeError);
    await expect(Registry.fromFile(join(tmp.dir, "x.json"), { format: "ini" as never })).rejects.toBeInstanceOf(TypeError);
  });

  it("REG-031 a file whose config is invalid reports the file as the source", async () => {
    const path = await tmp.file("bad.json", `{"stores": {"s": {"backend": "nope"}}}`);
    const error = await configErrorOf(() => Registry.fromFile(path));
    expect(locations(error)).toEqual(["stores.s.backend"]);
    expect(error.message).toContain(path);
  });
});

describe("syntax errors", () => {
  const cases: [string, string, string][] = [
    ["json trailing comma", "c.json", '{\n  "backends": {},\n}\n'],
    ["json comment", "c.json", '{\n  // no\n}\n'],
    ["json unterminated", "c.json", '{\n  "a": "b'],
    ["yaml bad indent", "c.yaml", "backends:\n  mem:\n    type: memory\n   bad: [\n"],
    ["toml bad value", "c.toml", "[backends.mem]\ntype = \n"],
  ];
  for (const [name, file, text] of cases) {
    it(`REG-032 ${name}: the issue names the file, line and column`, async () => {
      const path = await tmp.file(file, text);
      const error = await configErrorOf(() => Registry.fromFile(path));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]!.startsWith(`${path}:`)).toBe(true);
      expect(locations(error)[0]).toMatch(/:\d+:\d+$/);
    });
  }

  it("REG-032 line and column point at the problem", () => {
    const json = configErrorOfSync(() => Registry.fromText('{\n  "backends": {},\n}\n', { format: "json" }));
    expect(locations(json)).toEqual(["<text>:3:1"]);
    const toml = configErrorOfSync(() => Registry.fromText("[stores]\n\n[backends.mem]\ntype = \n", { format: "toml" }));
    expect(locations(toml)).toEqual(["<text>:4:8"]);
    const yaml = configErrorOfSync(() => Registry.fromText("backends:\n  mem: {type: memory\n", { format: "yaml" }));
    expect(locations(yaml)[0]).toMatch(/^<text>:[23]:\d+$/);
  });

  it("REG-032 a repeated key is an error in every format, JSON included", () => {
    const json = configErrorOfSync(() => Registry.fromText('{"backends": {"a": {"type": "memory"},\n "a": {"type": "memory"}}}', { format: "json" }));
    expect(locations(json)).toEqual(["<text>:2:2"]);
    const yaml = configErrorOfSync(() => Registry.fromText("backends:\n  a: {type: memory}\n  a: {type: memory}\n", { format: "yaml" }));
    expect(locations(yaml)).toEqual(["<text>:3:3"]);
    const toml = configErrorOfSync(() => Registry.fromText('[backends.a]\ntype = "memory"\n[backends.a]\n', { format: "toml" }));
    expect(locations(toml)[0]).toMatch(/^<text>:3:\d+$/);
  });

  it("REG-032 an empty YAML file or a bare null is an issue at config", async () => {
    expect(locations(await configErrorOf(async () => Registry.fromFile(await tmp.file("empty.yaml", ""))))).toEqual(["config"]);
    expect(locations(configErrorOfSync(() => Registry.fromText("null", { format: "json" })))).toEqual(["config"]);
  });

  it("REG-032 a UTF-8 byte order mark is accepted", async () => {
    const path = await tmp.file("bom.json", `\uFEFF${JSON_CONFIG}`);
    expect((await Registry.fromFile(path)).storeNames).toEqual(["cache", "reports"]);
  });
});

describe("table selection", () => {
  it("REG-033 table selects a nested table, as an array or a dotted string", async () => {
    const path = await tmp.file("pyproject.toml", PYPROJECT);
    expect((await Registry.fromFile(path, { table: ["tool", "remote-store"] })).storeNames).toEqual(["cache"]);
    expect((await Registry.fromFile(path, { table: "tool.remote-store" })).storeNames).toEqual(["cache"]);
    expect(Registry.fromText(PYPROJECT, { format: "toml", table: "tool.remote-store" }).getStore("cache").rootPath).toBe("cache");
  });

  it("REG-033 a missing table names the table path and the keys that exist", async () => {
    const path = await tmp.file("pyproject.toml", PYPROJECT);
    const error = await configErrorOf(() => Registry.fromFile(path, { table: "tool.remote_store" }));
    const issue = issueAt(error, "tool.remote_store");
    expect(issue).toContain("remote-store");
    const top = await configErrorOf(() => Registry.fromFile(path, { table: ["settings"] }));
    expect(issueAt(top, "settings")).toContain("project, tool");
  });

  it("REG-033 a non-table on the way is an issue", () => {
    const error = configErrorOfSync(() => Registry.fromText(PYPROJECT, { format: "toml", table: "project.name.x" }));
    expect(locations(error)).toEqual(["project.name"]);
  });

  it("REG-033 issue locations include the table path", () => {
    const error = configErrorOfSync(() =>
      Registry.fromText(`[tool.rs.stores.s]\nbackend = "none"\n`, { format: "toml", table: "tool.rs" }),
    );
    expect(locations(error)).toEqual(["tool.rs.stores.s.backend"]);
    const registry = Registry.fromText(PYPROJECT, { format: "toml", table: "tool.remote-store" });
    expect(locations(configErrorOfSync(() => registry.getStore("nope")))).toEqual(["tool.remote-store.stores.nope"]);
  });

  it("REG-033 a bad table option is a TypeError", () => {
    expect(() => Registry.fromText(PYPROJECT, { format: "toml", table: ["tool", ""] })).toThrow(TypeError);
    expect(() => Registry.fromText(PYPROJECT, { format: "toml", table: "" })).toThrow(TypeError);
  });
});
