import { fileURLToPath } from "node:url";

/**
 * The package's entries (package.json `exports`) and the source file each one is built from
 * (tsup.config.ts), so that code written against the package name runs on the sources.
 * `node` picks the entry a Node user gets for `remote-store` (`index.node`: `Registry.fromFile`
 * and the `local` type); without it, the universal entry.
 */
const ENTRIES: Readonly<Record<string, string>> = {
  "remote-store/testing": "src/testing/portable.ts",
  "remote-store/testing/vitest": "src/testing/index.ts",
  "remote-store/testing/s3": "src/testing/s3/index.ts",
  "remote-store/local": "src/backends/local/index.ts",
  "remote-store/s3": "src/s3.ts",
  "remote-store/s3-server": "src/s3-server/index.ts",
  "remote-store/ext/integrity": "src/ext/integrity/index.ts",
  "remote-store/ext/transfer": "src/ext/transfer/index.ts",
  "remote-store/ext/batch": "src/ext/batch/index.ts",
  "remote-store/ext/kv": "src/ext/kv/index.ts",
  "remote-store/ext/observe": "src/ext/observe/index.ts",
  "remote-store/ext/cache": "src/ext/cache/index.ts",
  "remote-store/ext/faults": "src/ext/faults/index.ts",
  "remote-store/ext/otel": "src/ext/otel/index.ts",
};

const ROOT = new URL("../../", import.meta.url);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Vite aliases from each package entry name to its source file. */
export function packageAliases(options: { node?: boolean } = {}): { find: RegExp; replacement: string }[] {
  const entries = { ...ENTRIES, "remote-store": options.node === true ? "src/index.node.ts" : "src/index.ts" };
  return Object.entries(entries).map(([name, file]) => ({
    find: new RegExp(`^${escape(name)}$`),
    replacement: fileURLToPath(new URL(file, ROOT)),
  }));
}
