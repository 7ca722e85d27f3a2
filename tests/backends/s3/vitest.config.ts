import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Stand-alone config of the S3 tests, until the main config gets an `s3` project with the
 * same settings: `npx vitest run --config tests/backends/s3/vitest.config.ts`.
 */
export default defineConfig({
  root: fileURLToPath(new URL("../../..", import.meta.url)),
  test: {
    include: ["tests/backends/s3/**/*.test.ts"],
    globalSetup: ["tests/backends/s3/global-setup.ts"],
  },
});
