import { library as tomlLibrary } from "../shared/deps/toml.js";
import { library as yamlLibrary } from "../shared/deps/yaml.js";
import { configError } from "./issues.js";
import { parseJsonStrict, TextSyntaxError } from "./json-parse.js";
import { lineColumn } from "./text-position.js";

/** The config file formats (spec REG-030). */
export type ConfigFormat = "json" | "yaml" | "toml";

/** Every accepted format name. */
export const CONFIG_FORMATS: readonly ConfigFormat[] = ["json", "yaml", "toml"];

const EXTENSIONS: Readonly<Record<string, ConfigFormat>> = { ".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml" };

/** The format of a file by its extension (case-insensitive), or `undefined`. */
export function formatOfPath(path: string): ConfigFormat | undefined {
  const match = /\.[^./\\]+$/.exec(path);
  return match === null ? undefined : EXTENSIONS[match[0].toLowerCase()];
}

/** The supported extensions, for messages. */
export function supportedExtensions(): string {
  return Object.keys(EXTENSIONS).join(", ");
}

/** Checks a `format` option: one of {@link CONFIG_FORMATS}. */
export function checkFormat(format: unknown, argName: string): ConfigFormat {
  if (typeof format === "string" && (CONFIG_FORMATS as readonly string[]).includes(format)) return format as ConfigFormat;
  throw new TypeError(`${argName} must be one of ${CONFIG_FORMATS.map((f) => JSON.stringify(f)).join(", ")}, got ${typeof format === "string" ? JSON.stringify(format) : typeof format}`);
}

/**
 * Parses config text (spec REG-032). A syntax error is a `ConfigError` whose issue reads
 * `source:line:column: message`.
 */
export function parseConfigText(text: string, format: ConfigFormat, source: string): unknown {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  switch (format) {
    case "json":
      return parseJson(body, source);
    case "yaml":
      return parseYaml(body, source);
    case "toml":
      return parseTomlText(body, source);
  }
}

function syntaxError(source: string, line: number, column: number, message: string, cause?: unknown): never {
  throw configError(source, [`${source}:${line}:${column}: ${message}`], { cause });
}

function parseJson(text: string, source: string): unknown {
  try {
    return parseJsonStrict(text);
  } catch (error) {
    if (!(error instanceof TextSyntaxError)) throw error;
    const { line, column } = lineColumn(text, error.offset);
    return syntaxError(source, line, column, `JSON syntax error: ${error.message}`);
  }
}

function parseYaml(text: string, source: string): unknown {
  const document = yamlLibrary().parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = document.errors[0];
  if (first !== undefined) {
    const position = first.linePos?.[0] ?? { line: 1, col: 1 };
    const message = first.message.split(" at line ")[0]!.split("\n")[0]!;
    return syntaxError(source, position.line, position.col, `YAML syntax error: ${message}`, first);
  }
  return document.toJS({ maxAliasCount: 100 }) as unknown;
}

function parseTomlText(text: string, source: string): unknown {
  const toml = tomlLibrary();
  try {
    return toml.parse(text);
  } catch (error) {
    if (!(error instanceof toml.TomlError)) throw error;
    const message = error.message.split("\n")[0]!.replace(/^Invalid TOML document: /, "");
    return syntaxError(source, error.line, error.column, `TOML syntax error: ${message}`, error);
  }
}
