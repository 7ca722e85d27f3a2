import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { configDefaults, defineConfig, type Plugin } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./tests-browser/support/chromium.js";

/**
 * The browser run (spec/browser.md BR-020..): the browser-safe unit tests, the memory conformance
 * suite and the browser-only tests of `tests-browser/`, in headless Debian Chromium driven by
 * Playwright. `npm run test:browser`; never `playwright install` (toolchain.md, gotcha 7).
 */

const twin = (path: string): string => fileURLToPath(new URL(`./tests-browser/support/${path}`, import.meta.url));

/**
 * The browser twin of one Node-only import of the shared tests (BR-022): `node:vm` (the errors
 * test's cross-realm check runs in an iframe instead of a VM context). The registry tests need
 * none: their ConfigError assertions (`tests/registry/config-errors.ts`) are browser-safe, and
 * only the Node-only tests import the `node:fs` temp-dir helper.
 */
function browserTwins(): Plugin {
  return {
    name: "remote-store:browser-twins",
    enforce: "pre",
    resolveId(source) {
      if (source === "node:vm") return twin("node-vm.ts");
      return null;
    },
  };
}

export default defineConfig({
  plugins: [browserTwins()],
  // The containment property test reads an optional depth knob from the environment; a browser
  // has none, so the test's own default (300 runs) applies.
  define: { "process.env.CONTAINMENT_RUNS": "undefined" },
  // Pre-bundle every dependency the browser tests reach, so Vite never discovers one mid-run and
  // reloads the page (slow, and a source of flakiness on a loaded machine).
  optimizeDeps: { include: ["fast-check", "@fast-check/vitest", "zod", "yaml", "smol-toml", "minimatch", "mrmime"] },
  test: {
    include: [
      // The memory conformance suite and its harness (remote-store/testing runs in browsers).
      "tests/conformance/*.test.ts",
      // Store, paths, errors, the memory backend: no disk, no node: module.
      "tests/store/**/*.test.ts",
      "tests/paths/**/*.test.ts",
      "tests/errors/**/*.test.ts",
      "tests/backends/memory/*.test.ts",
      // Registry core: objects, text, memory URLs.
      "tests/registry/{backend-types,config-validation,core-entry,deferred,json-parse,lifecycle,urls}.test.ts",
      // Browser-only tests: text configs, snapshots through Blob/JSON, the core entry in a page.
      "tests-browser/**/*.test.ts",
    ],
    exclude: [
      ...configDefaults.exclude,
      // Reads src/ files with node:fs (MEM-001 source check); its model test runs in Node.
      "tests/backends/memory/tree.test.ts",
    ],
    // One page, one file at a time: predictable on a loaded 2-core machine. The timeouts are
    // ceilings against a stuck browser, never timing assertions.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } }),
      instances: [{ browser: "chromium" }],
    },
  },
});
