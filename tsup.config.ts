import { defineConfig } from "tsup";

/**
 * ESM: every entry, sharing chunks, so `remote-store`, `remote-store/local`, … load one copy of
 * each class. CJS cannot share chunks, so it is one Node bundle (`index.cjs`, from
 * src/index.cjs.ts) that every `require` condition resolves to.
 */
const esmEntries = {
  index: "src/index.ts",
  "index.node": "src/index.node.ts",
  local: "src/backends/local/index.ts",
  testing: "src/testing/index.ts",
  "testing/s3": "src/testing/s3/index.ts",
  s3: "src/s3.ts",
  "s3-server": "src/s3-server/index.ts",
  cli: "src/cli/bin.ts",
  "ext/integrity": "src/ext/integrity/index.ts",
  "ext/transfer": "src/ext/transfer/index.ts",
  "ext/batch": "src/ext/batch/index.ts",
  "ext/kv": "src/ext/kv/index.ts",
  "ext/observe": "src/ext/observe/index.ts",
  "ext/cache": "src/ext/cache/index.ts",
  "ext/faults": "src/ext/faults/index.ts",
  "ext/otel": "src/ext/otel/index.ts",
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
    entry: { index: "src/index.cjs.ts" },
    format: ["cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
  },
]);
