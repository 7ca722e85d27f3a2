/**
 * The CommonJS build: one bundle holding every entry point, so `require("remote-store")`,
 * `require("remote-store/local")` and `require("remote-store/ext/…")` share one copy of each
 * class (`instanceof` works across them). ESM builds share chunks instead.
 */
export * from "./index.node.js";
export * from "./ext/integrity/index.js";
export * from "./ext/transfer/index.js";
export * from "./ext/batch/index.js";
export * from "./ext/kv/index.js";
export * from "./ext/observe/index.js";
export * from "./ext/cache/index.js";
export * from "./ext/faults/index.js";
