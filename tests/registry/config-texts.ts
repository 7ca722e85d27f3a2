/**
 * One registry config in JSON, YAML and TOML, and a pyproject-style TOML text with the config in a
 * table: the fixtures of the Node loader tests (`loaders.test.ts`, through files) and the browser
 * text tests (`tests-browser/registry-text.test.ts`, spec/browser.md BR-024, through `fromText`).
 * Browser-safe: no `node:` import, no Node global.
 */
import type { Registry } from "../../src/index.js";

export const JSON_CONFIG = `{
  "backends": { "mem": { "type": "memory", "options": { "maxSize": 1048576 } }, "named": "memory://shared" },
  "stores": { "cache": { "backend": "mem", "rootPath": "cache" }, "reports": { "backend": "named", "rootPath": "reports" } }
}
`;
export const YAML_CONFIG = `backends:
  mem:
    type: memory
    options:
      maxSize: 1048576
  named: memory://shared
stores:
  cache: { backend: mem, rootPath: cache }
  reports:
    backend: named
    rootPath: reports
`;
export const TOML_CONFIG = `[backends]
named = "memory://shared"

[backends.mem]
type = "memory"
options = { maxSize = 1048576 }

[stores.cache]
backend = "mem"
rootPath = "cache"

[stores.reports]
backend = "named"
rootPath = "reports"
`;

/** A larger TOML text whose `tool.remote-store` table is a config with one store, `cache`. */
export const PYPROJECT = `[project]
name = "demo"

[tool.remote-store.backends.mem]
type = "memory"

[tool.remote-store.stores.cache]
backend = "mem"
rootPath = "cache"
`;

/** What a registry describes, less its source (which names the file or text it came from). */
export function facts(registry: Registry): unknown {
  const { source: _source, ...rest } = registry.toJSON();
  return rest;
}
