/**
 * ConfigError assertions for the registry tests, shared by the Node run and the browser run
 * (spec/browser.md BR-021, BR-022): no `node:` import, no Node global. The Node-only temp-file
 * helper is `./temp-dir.ts`.
 */
import { expect } from "vitest";
import { ConfigError } from "../../src/errors/classes.js";
import { isRemoteStoreError } from "../../src/errors/remote-store-error.js";

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
