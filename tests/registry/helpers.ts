import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { ConfigError, isRemoteStoreError } from "../../src/errors/index.js";

/** Runs `fn` and returns the `ConfigError` it throws (or rejects with); fails when nothing is thrown. */
export async function configErrorOf(fn: () => unknown): Promise<ConfigError> {
  let thrown: unknown;
  let threw = false;
  try {
    await fn();
  } catch (error) {
    thrown = error;
    threw = true;
  }
  expect(threw, "expected a ConfigError, but nothing was thrown").toBe(true);
  expect(isRemoteStoreError(thrown, "CONFIG_INVALID")).toBe(true);
  expect(thrown).toBeInstanceOf(ConfigError);
  return thrown as ConfigError;
}

/** The same, for synchronous code (asserts that the throw is synchronous). */
export function configErrorOfSync(fn: () => unknown): ConfigError {
  let thrown: unknown;
  let threw = false;
  try {
    fn();
  } catch (error) {
    thrown = error;
    threw = true;
  }
  expect(threw, "expected a ConfigError, but nothing was thrown").toBe(true);
  expect(isRemoteStoreError(thrown, "CONFIG_INVALID")).toBe(true);
  return thrown as ConfigError;
}

/** The location part (before the first `": "`) of every issue. */
export function locations(error: ConfigError): string[] {
  return error.issues.map((issue) => issue.slice(0, issue.indexOf(": ")));
}

/** The issue at `location` (exactly one expected). */
export function issueAt(error: ConfigError, location: string): string {
  const found = error.issues.filter((issue) => issue.startsWith(`${location}: `));
  expect(found, `one issue at ${location} in ${JSON.stringify(error.issues)}`).toHaveLength(1);
  return found[0]!;
}

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; file: (name: string, text: string | Uint8Array) => Promise<string>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "remote-store-registry-"));
  return {
    dir,
    file: async (name, text) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
