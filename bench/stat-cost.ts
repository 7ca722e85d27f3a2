/**
 * `npx tsx bench/stat-cost.ts`: where the time of `hot-stat` goes (spec BENCH-018). The same
 * 20,000 files as BENCH-017, asked for one by one, each step adding one thing a store's `stat`
 * must do, timed in CPU time of the process (BENCH-017) with the steps interleaved round by
 * round. `ROUNDS=15` chooses the rounds. Kept in bench/stat-cost-runs.md by hand, never
 * asserted by a test.
 */
import { MemoryBackend, Store } from "../src/index.js";
import { later, MapStore } from "./systems/map-baselines.js";
import { treeLayout } from "./workloads/tree.js";

// spec BENCH-018: the BENCH-017 tree, 200 folders of 100 files at depth 2.
const paths = treeLayout([20, 10], 100).files;
const bytes = new Uint8Array(1024);
const MODIFIED = Date.now();

/** The copying floor's store (bench/systems/map-baselines.ts). */
const map = new MapStore();
for (const path of paths) map.write(path, bytes);
const backend = new MemoryBackend();
const store = new Store({ backend });
for (const path of paths) await store.write(path, bytes, { overwrite: true, contentType: "application/octet-stream" });

/** What a stat must return at least: the size and a modification time its caller owns. */
function sizeAndTime(path: string): { size: number; modifiedAt: Date } {
  return { size: map.size(path), modifiedAt: new Date(MODIFIED) };
}

/** The Store's result: a frozen `FileInfo` with a fresh `Date` (spec ST-082). */
function frozenInfo(path: string): { size: number } {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return Object.freeze({ kind: "file", path, name, size: map.size(path), modifiedAt: new Date(MODIFIED), contentType: "application/octet-stream" });
}

// spec BENCH-018: the steps, each adding one thing to the one before.
const STEPS: readonly { readonly id: string; readonly label: string; readonly run: (path: string) => Promise<{ size: number } | number> }[] = [
  { id: "floor", label: "copying floor: Map lookup, size, one await", run: (path) => later(() => map.size(path)) },
  { id: "time", label: "+ a fresh Date beside the size", run: (path) => later(() => sizeAndTime(path)) },
  { id: "info", label: "+ the whole FileInfo (path, name, content type), frozen", run: (path) => later(() => frozenInfo(path)) },
  { id: "backend", label: "MemoryBackend.getFileInfo: the tree instead of a flat Map", run: (path) => backend.getFileInfo(path) },
  { id: "store", label: "Store.getFileInfo: + path check, root scope, capability gate", run: (path) => store.getFileInfo(path) },
];

/** CPU ns per operation of one pass over every file. */
async function pass(run: (path: string) => Promise<{ size: number } | number>): Promise<number> {
  let total = 0;
  const start = process.cpuUsage();
  for (const path of paths) {
    const answer = await run(path);
    total += typeof answer === "number" ? answer : answer.size;
  }
  const used = process.cpuUsage(start);
  if (total !== paths.length * bytes.length) throw new Error(`wrong sizes: ${total}`);
  return ((used.user + used.system) * 1000) / paths.length;
}

const rounds = Number(process.env.ROUNDS ?? 15);
const samples: number[][] = STEPS.map(() => []);
for (let round = 0; round < rounds + 3; round++) {
  for (const [k, step] of STEPS.entries()) {
    const nanos = await pass(step.run);
    if (round >= 3) samples[k]?.push(nanos);
  }
}
await store.close();

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const floor = median(samples[0] ?? []);
console.log(`| step | CPU ns per stat | floor ÷ step |\n| --- | ---: | ---: |`);
for (const [k, step] of STEPS.entries()) {
  const nanos = median(samples[k] ?? []);
  console.log(`| ${step.label} | ${nanos.toFixed(0)} | ${(floor / nanos).toFixed(3)}× |`);
}
console.log(`\n${paths.length} files, median of ${rounds} rounds after 3 warm-up rounds, load average ${(await import("node:os")).loadavg()[0]?.toFixed(2)}`);
