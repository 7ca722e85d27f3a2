/** Node-only (`node:fs`): temp files for the registry tests that read configs from disk. Not part of the browser run (spec/browser.md BR-021). */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

export interface TempDir {
  readonly dir: string;
  /** Writes `name` in the folder and returns its path. */
  file(name: string, text: string | Uint8Array): Promise<string>;
  cleanup(): Promise<void>;
}

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempDir(): Promise<TempDir> {
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

/** A fresh temp folder for every test of the calling file: made before each test, removed after it. */
export function tempDirPerTest(): TempDir {
  let current: TempDir | undefined;
  beforeEach(async () => {
    current = await tempDir();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  const now = (): TempDir => {
    if (current === undefined) throw new Error("the per-test temp folder is only there while a test runs");
    return current;
  };
  return {
    get dir() {
      return now().dir;
    },
    file: (name, text) => now().file(name, text),
    cleanup: () => now().cleanup(),
  };
}
