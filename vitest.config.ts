import { defineConfig } from "vitest/config";

/**
 * Three projects: `core` (everything that needs nothing but Node); `s3`, whose globalSetup
 * starts an S3-compatible server (`serveS3` over a MemoryBackend, or the one named by
 * S3_TEST_ENDPOINT) and stops it afterwards (spec S3S-T01); and `s3-server`, the tests of that
 * server, each file starting its own servers — they share one module graph per worker
 * (`isolate: false`), so the AWS SDK is loaded once per worker, not once per file.
 * `npm test` runs all three; `npx vitest run --project core` skips the servers.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "core",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/backends/s3/**", "tests/s3-server/**", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "s3-server",
          include: ["tests/s3-server/**/*.test.ts"],
          isolate: false,
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
