/**
 * The test files that run in a module graph of their own (spec TEST-014). Every other file of a
 * project shares its worker's modules with the files that ran before it (vitest's
 * `isolate: false`), which saves loading the library, vitest's helpers and the AWS SDK again
 * for each file. A file belongs here when it mocks or spies on modules or shared objects, or
 * checks what a fresh process has loaded or registered; the reason is given for each.
 */
export const ISOLATED_FILES: Readonly<Record<string, string>> = {
  "tests/backends/local/fallbacks.test.ts": "mocks node:fs/promises (vi.mock) to refuse hard links and renames across devices",
  "tests/backends/local/folder-failures.test.ts": "mocks node:fs/promises (vi.mock) to fail renames and copies part-way",
  "tests/backends/local/write.test.ts": "spies on FileHandle.prototype.sync",
  "tests/backends/memory/memory-backend.test.ts": "spies on Uint8Array.prototype.set and slice to count copies",
  "tests/backends/s3/lazy-sdk.test.ts": "counts how often the AWS SDK module is loaded (vi.doMock)",
  "tests/cli/session.test.ts": "spies on Session.prototype.location",
  "tests/ext/kv/kv-views.test.ts": "fakes the global interval timers (vi.useFakeTimers)",
  "tests/ext/kv/kv.test.ts": "replaces the global interval timers (vi.spyOn on globalThis)",
  "tests/registry/core-entry.test.ts": "checks which backend types the core entry alone registers",
  "tests/registry/file-reader.test.ts": "mocks node:fs/promises (vi.mock) to fail reads",
  "tests/spec/type-registration.test.ts": "checks that the registry knows no type before an entry registers one",
  "tests/store/glob-lazy.test.ts": "checks that minimatch is not loaded before the first glob",
  "tests/store/mime-lazy.test.ts": "checks that the MIME table is not loaded before the first guess",
};

/** Test files under `dir` (a folder of the repository, e.g. `tests/backends/s3`) that must be isolated. */
export function isolatedUnder(dir: string): string[] {
  return Object.keys(ISOLATED_FILES).filter((file) => file.startsWith(`${dir}/`));
}
