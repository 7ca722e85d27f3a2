import { availableParallelism } from "node:os";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { ISOLATED_FILES, isolatedUnder } from "./tests/support/isolated-files.js";
import { packageAliases } from "./tests/support/package-entries.js";
import LongestFirstSequencer from "./tests/support/sequencer.js";

/**
 * The projects: `core` (everything that needs nothing but Node); `s3`, whose globalSetup
 * starts an S3-compatible server (`serveS3` over a MemoryBackend, or the one named by
 * S3_TEST_ENDPOINT) and stops it afterwards (spec S3S-T01); `s3-server`, the tests of that
 * server, each file starting its own servers; `core-isolated` and `s3-isolated`, the files of
 * tests/support/isolated-files.ts; and `s3-moto`, the S3 backend's server tests once more against
 * moto, the independent reference, with the raw-SDK differential serveS3 vs moto (its globalSetup
 * uses the moto of `.ci/run`, MOTO_S3_ENDPOINT, or starts moto_server, or skips them with the
 * reason; spec S3S-T03, S3S-T04).
 *
 * `core`, `s3` and `s3-server` share one module graph per worker (`isolate: false`, TEST-014): the
 * library, vitest's helpers and the AWS SDK load once per worker, not once per file. The files
 * that mock, spy or check what a fresh process has loaded run isolated, in the two `-isolated`
 * projects. `npm test` runs all but `s3-moto`; `npm run test:moto` (RS_TEST_MOTO=1) runs `s3-moto`
 * alone, which `.ci/run` runs after `npm test` (TEST-013: moto answers in seconds what serveS3
 * answers in milliseconds, so it would take `npm test` past its three minutes);
 * `npx vitest run --project core --project core-isolated` skips the servers.
 *
 * Test conventions (spec TEST-001..TEST-014): limits are hang guards, never timing assertions, so
 * they are generous enough for a loaded 2-core machine; files run in parallel workers (vitest's
 * default of one worker per core minus one would leave this machine's second core idle while a
 * worker waits on a child process, a socket or the disk).
 */
/** The S3 tests once more against moto (spec S3S-T03, S3S-T04, TEST-013): only with RS_TEST_MOTO=1. */
const MOTO_PROJECT: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: "s3-moto",
    include: [
      "tests/backends/s3/{conformance,differential,server,test-server}.test.ts",
      "tests/s3-server/moto/**/*.test.ts",
    ],
    globalSetup: ["tests/backends/s3/moto-setup.ts"],
  },
};

export default defineConfig({
  // Examples import the package by name, as a user would; here each entry name is its source.
  resolve: {
    alias: packageAliases(),
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
          exclude: ["tests/backends/s3/**", "tests/s3-server/**", "**/node_modules/**", ...Object.keys(ISOLATED_FILES)],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "core-isolated",
          include: Object.keys(ISOLATED_FILES).filter((file) => !file.startsWith("tests/backends/s3/")),
        },
      },
      {
        extends: true,
        test: {
          name: "s3-server",
          include: ["tests/s3-server/**/*.test.ts"],
          exclude: ["tests/s3-server/moto/**", "**/node_modules/**"],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "s3",
          include: ["tests/backends/s3/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...isolatedUnder("tests/backends/s3")],
          globalSetup: ["tests/backends/s3/global-setup.ts"],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "s3-isolated",
          include: isolatedUnder("tests/backends/s3"),
          globalSetup: ["tests/backends/s3/global-setup.ts"],
        },
      },
      ...(process.env.RS_TEST_MOTO === "1" ? [MOTO_PROJECT] : []),
    ],
  },
});
