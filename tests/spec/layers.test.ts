import { ESLint } from "eslint";
import boundaries from "eslint-plugin-boundaries";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { dependencies, elements } from "../../eslint.layers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** ESLint with only the layer rule, exactly as eslint.config.js configures it. */
function layerLinter(): ESLint {
  return new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["src/**/*.ts"],
        languageOptions: { parser: tseslint.parser },
        plugins: { boundaries: boundaries as never },
        settings: { "boundaries/elements": elements, "boundaries/include": ["src/**/*.ts"], "import/resolver": { typescript: { alwaysTryTypes: true } } },
        rules: { "boundaries/dependencies": ["error", dependencies] },
      },
    ],
  });
}

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await layerLinter().lintText(source, { filePath: `${ROOT}${file}` });
  return (result?.messages ?? []).map((m) => m.message);
}

describe("layers (spec/architecture.md)", () => {
  it("ARCH-001 ARCH-002 a backend importing the Store, the registry, snapshots, the CLI, an extension or another backend is a lint error", async () => {
    const forbidden = [
      ["src/backends/memory/x.ts", 'import { Store } from "../../store/store.js";'],
      ["src/backends/local/x.ts", 'import { Registry } from "../../registry/registry.js";'],
      ["src/backends/s3/x.ts", 'import { exportTree } from "../../snapshot/export-tree.js";'],
      ["src/backends/memory/x.ts", 'import { main } from "../../cli/main.js";'],
      ["src/backends/local/x.ts", 'import { batchCopy } from "../../ext/batch/index.js";'],
      ["src/backends/local/x.ts", 'import { S3Backend } from "../s3/s3-backend.js";'],
      ["src/errors/x.ts", 'import { Store } from "../store/store.js";'],
      ["src/store/x.ts", 'import { Registry } from "../registry/registry.js";'],
    ] as const;
    for (const [file, source] of forbidden) {
      const found = await problems(file, `${source}\nexport const used = [${source.match(/\{ (\w+) \}/)?.[1]}];\n`);
      expect(found, `${file}: ${source}`).toEqual([expect.stringMatching(/There is no policy allowing dependencies/)]);
    }
  }, 60_000);

  it("ARCH-002 imports downwards and within a layer pass", async () => {
    const allowed = [
      ["src/backends/memory/x.ts", 'import { NotFound } from "../../errors/classes.js";'],
      ["src/backends/memory/x.ts", 'import { MemoryTree } from "./tree.js";'],
      ["src/store/x.ts", 'import { MemoryBackend } from "../backends/memory/memory-backend.js";'],
      ["src/registry/x.ts", 'import { Store } from "../store/store.js";'],
      ["src/cli/x.ts", 'import { Registry } from "../registry/registry.js";'],
    ] as const;
    for (const [file, source] of allowed) {
      expect(await problems(file, `${source}\nexport const used = [${source.match(/\{ (\w+) \}/)?.[1]}];\n`), `${file}: ${source}`).toEqual([]);
    }
  }, 60_000);
});
