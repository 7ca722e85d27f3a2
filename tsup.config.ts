import { defineConfig } from "tsup";

/**
 * ESM: every entry, sharing chunks, so `remote-store`, `remote-store/local`, … load one copy of
 * each class. CJS cannot share chunks, so it is one Node bundle (`index.node.cjs`) that both
 * `require("remote-store")` and `require("remote-store/local")` resolve to.
 */
const esmEntries = {
  index: "src/index.ts",
  "index.node": "src/index.node.ts",
  local: "src/backends/local/index.ts",
  testing: "src/testing/index.ts",
  cli: "src/cli/bin.ts",
};

export default defineConfig([
  {
    entry: esmEntries,
    format: ["esm"],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: false,
    target: "node20",
  },
  {
    entry: { "index.node": "src/index.node.ts" },
    format: ["cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
  },
]);
