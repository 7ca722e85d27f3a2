import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./tests/support/sequencer.js";

/**
 * Three projects: `core` (everything that needs nothing but Node); `s3`, whose globalSetup
 * starts an S3-compatible server (`serveS3` over a MemoryBackend, or the one named by
 * S3_TEST_ENDPOINT) and stops it afterwards (spec S3S-T01); and `s3-server`, the tests of that
 * server, each file starting its own servers — they share one module graph per worker
 * (`isolate: false`), so the AWS SDK is loaded once per worker, not once per file.
 * `npm test` runs all three; `npx vitest run --project core` skips the servers.
 *
 * Test conventions (spec TEST-001..TEST-009): limits are hang guards, never timing assertions, so
 * they are generous enough for a loaded 2-core machine; files run in parallel workers (vitest's
 * default of one worker per core minus one would leave this machine's second core idle while a
 * worker waits on a child process, a socket or the disk).
 */
export default defineConfig({
  // Examples import the package by name, as a user would; here that name is the source.
  resolve: {
    alias: [
      { find: /^remote-store\/testing\/vitest$/, replacement: fileURLToPath(new URL("./src/testing/index.ts", import.meta.url)) },
      { find: /^remote-store\/testing$/, replacement: fileURLToPath(new URL("./src/testing/portable.ts", import.meta.url)) },
      { find: /^remote-store$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
    ],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: Math.max(2, availableParallelism()),
    // The conformance cases that wait for the wall clock run as one concurrent group (CONF-H08).
    maxConcurrency: 16,
    sequence: { sequencer: LongestFirstSequencer },
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
