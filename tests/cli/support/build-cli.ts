import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import * as nodePath from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = nodePath.resolve(nodePath.dirname(fileURLToPath(import.meta.url)), "../../..");
const CACHE = nodePath.join(ROOT, "node_modules", ".cache", "remote-store-cli");

async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = nodePath.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) hash.update(full).update(await readFile(full));
    }
  };
  await walk(nodePath.join(ROOT, "src"));
  hash.update(await readFile(nodePath.join(ROOT, "package.json")));
  return hash.digest("hex").slice(0, 16);
}

let built: Promise<string> | undefined;

/**
 * Builds `src/cli/bin.ts` once per source state with tsup's API (spec CLI-T01) and returns the
 * path of `cli.js`. The build goes to a temporary folder that is renamed into place, so test files
 * running in parallel never see half a build.
 */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const target = nodePath.join(CACHE, await sourceHash());
    const cli = nodePath.join(target, "cli.js");
    if (existsSync(cli)) return cli;
    const lock = `${target}.lock`;
    await mkdir(CACHE, { recursive: true });
    if (!(await takeLock(lock))) {
      for (let waited = 0; waited < 120_000 && !existsSync(cli); waited += 200) await sleep(200);
      if (existsSync(cli)) return cli;
    }
    try {
      await buildInto(target);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
    await pruneOldBuilds(target);
    return cli;
  })();
  return built;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock folder; one older than two minutes is stale (its builder died) and is taken over. */
async function takeLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
    return true;
  } catch {
    const age = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0);
    if (age < 120_000) return false;
    await rm(lock, { recursive: true, force: true });
    return takeLock(lock);
  }
}

/** Removes builds of older source states (untouched for an hour, so no running test uses them). */
async function pruneOldBuilds(keep: string): Promise<void> {
  for (const name of await readdir(CACHE)) {
    const dir = nodePath.join(CACHE, name);
    if (dir === keep) continue;
    const age = await stat(dir).then((info) => Date.now() - info.mtimeMs, () => 0);
    if (age > 3_600_000) await rm(dir, { recursive: true, force: true });
  }
}

async function buildInto(target: string): Promise<void> {
  const temp = nodePath.join(CACHE, `tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(temp, { recursive: true });
  const { build } = await import("tsup");
  await build({
    entry: { cli: nodePath.join(ROOT, "src/cli/bin.ts") },
    format: ["esm"],
    outDir: temp,
    target: "node20",
    platform: "node",
    splitting: false,
    sourcemap: false,
    dts: false,
    clean: false,
    silent: true,
    config: false,
  });
  try {
    await rename(temp, target);
  } catch {
    await rm(temp, { recursive: true, force: true });
  }
}
