import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { afterEach, expect } from "vitest";
import type { BackendContent, BackendWriteOptions } from "../../../src/contract/backend.js";
import { LocalBackend } from "../../../src/backends/local/index.js";
import type { ErrorCode } from "../../../src/errors/remote-store-error.js";
import type { Entry } from "../../../src/contract/models.js";

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A fresh temp folder under the OS temp dir, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-local-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A backend on a fresh temp folder; `dir` is the folder above the root, `root` the root itself. */
export async function freshBackend(): Promise<{ backend: LocalBackend; dir: string; root: string }> {
  const dir = await tempDir();
  const root = nodePath.join(dir, "root");
  const backend = new LocalBackend({ root });
  cleanups.push(() => backend.close());
  return { backend, dir, root };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of `text`. */
export function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Write options with defaults: create-only, `text/plain`, no metadata. */
export function writeOptions(overrides: Partial<BackendWriteOptions> = {}): BackendWriteOptions {
  return { overwrite: false, contentType: "text/plain", metadata: undefined, ...overrides };
}

/** Writes a small text file. */
export async function put(backend: LocalBackend, path: string, text = "x", overrides: Partial<BackendWriteOptions> = {}): Promise<void> {
  await backend.write(path, bytes(text), writeOptions({ contentType: "text/plain", ...overrides }));
}

/** The whole file as text. */
export async function text(backend: LocalBackend, path: string): Promise<string> {
  return decoder.decode(await backend.readBytes(path, { offset: 0, length: undefined }));
}

/** All items of an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The paths of a listing. */
export async function paths(items: AsyncIterable<Entry>): Promise<string[]> {
  return (await collect(items)).map((entry) => entry.path);
}

/** Every path in the whole store (files, then folders), recursive. */
export async function tree(backend: LocalBackend): Promise<{ files: string[]; folders: string[] }> {
  return {
    files: await paths(backend.listFiles("", { maxDepth: Infinity })),
    folders: await paths(backend.listFolders("", { maxDepth: Infinity })),
  };
}

/** Chunks that deliver `good` and then fail with `error`. */
export async function* failingChunks(good: string, error: Error): AsyncGenerator<Uint8Array> {
  yield bytes(good);
  await Promise.resolve();
  throw error;
}

/** Chunks from strings. */
export async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    await Promise.resolve();
    yield bytes(part);
  }
}

/**
 * Asserts that `promise` rejects with a library error of `code` (and `path`, when given) whose
 * message never names `localDir`. Fails when it resolves.
 */
export async function expectFailure(promise: Promise<unknown>, code: ErrorCode, path?: string, localDir?: string): Promise<Error> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  expect(outcome.resolved, `expected a rejection with ${code}`).toBe(false);
  const error = (outcome as { error: unknown }).error as Error & { code?: unknown; path?: unknown; backend?: unknown };
  expect(error.code, `error: ${String(error)}`).toBe(code);
  expect(error.backend).toBe("local");
  if (path !== undefined) expect(error.path).toBe(path);
  if (localDir !== undefined) {
    expect(error.message).not.toContain(localDir);
    expect(String(error.path)).not.toContain(localDir);
  }
  return error;
}

/** Content of a write as a backend receives it. */
export type Content = BackendContent;
