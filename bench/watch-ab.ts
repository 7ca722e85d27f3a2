/**
 * `npx tsx bench/watch-ab.ts`: the CPU time of a memory write with 0, 1 and 100 watchers (as
 * BENCH-040, timed in CPU time as the hot-path family is, BENCH-017), the counts' stores
 * interleaved round by round in one process. `SRC=/path/to/other/src` loads another tree of the
 * code (e.g. a `git archive` of an older commit with `node_modules` linked beside it) for a
 * before/after run; `COUNTS=0,1` and `ROUNDS=9` choose the watcher counts and rounds. Kept in
 * bench/watch-runs.md by hand, never asserted by a test.
 */
import type { MemoryBackend as MemoryBackendType, Store as StoreType } from "../src/index.js";

interface Library {
  MemoryBackend: typeof MemoryBackendType;
  Store: typeof StoreType;
}

const src = process.env.SRC ?? new URL("../src", import.meta.url).pathname;
const { MemoryBackend, Store } = (await import(`${src}/index.ts`)) as Library;
const FILES = 20_000;
const bytes = new Uint8Array(64);

async function open(watchers: number): Promise<{ store: StoreType; seen: () => number }> {
  const store = new Store({ backend: new MemoryBackend() });
  let seen = 0;
  const running = Array.from({ length: watchers }, () => store.watch("", { recursive: true, onChange: () => void seen++ }));
  await Promise.all(running.map((watcher) => watcher.ready));
  return { store, seen: () => seen };
}

/** CPU µs per write of one round. */
async function round(store: StoreType): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < FILES; i++) await store.write(`d${i % 50}/f${i}`, bytes, { overwrite: true, contentType: "x/y" });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / FILES;
}

const counts = (process.env.COUNTS ?? "0,1,100").split(",").map(Number);
const rounds = Number(process.env.ROUNDS ?? 9);
const stores = await Promise.all(counts.map(open));
const samples: number[][] = counts.map(() => []);
for (let r = 0; r < rounds + 2; r++) {
  for (const [k, { store }] of stores.entries()) {
    const micros = await round(store);
    if (r >= 2) samples[k]?.push(micros);
  }
}
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const base = median(samples[0] ?? []);
const shown = counts.map((count, k) => {
  const micros = median(samples[k] ?? []);
  return `${count} watchers ${micros.toFixed(3)} µs${k === 0 ? "" : ` (+${(((micros - base) / base) * 100).toFixed(0)}%)`}`;
});
console.log(`memory write, CPU time, median of ${rounds} rounds of ${FILES}: ${shown.join(", ")}; events ${stores.map((s) => s.seen()).join("/")}`);
await Promise.all(stores.map(({ store }) => store.close()));
