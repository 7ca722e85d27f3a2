import { defineConfig } from "vitest/config";

/**
 * Two projects: `core` (everything that needs nothing but Node) and `s3`, whose globalSetup
 * starts an S3-compatible server (`serveS3` over a MemoryBackend, or the one named by
 * S3_TEST_ENDPOINT) and stops it afterwards (spec S3S-T01).
 * `npm test` runs both; `npx vitest run --project core` skips the server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "core",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/backends/s3/**", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "s3",
          include: ["tests/backends/s3/**/*.test.ts"],
          globalSetup: ["tests/backends/s3/global-setup.ts"],
        },
      },
    ],
  },
});
