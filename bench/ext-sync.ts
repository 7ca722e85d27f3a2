/**
 * Benchmark of `syncStores` (remote-store/ext/transfer): 10,000 files memory→memory and
 * memory→local, first run and no-op second run, files per second.
 * Run: npx tsx bench/ext-sync.ts [files]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { LocalBackend } from "../src/backends/local/index.js";
import { syncStores, type SyncOptions, type SyncResult } from "../src/ext/transfer/index.js";
import { MemoryBackend, Store } from "../src/index.js";

const FILES = Number(process.argv[2] ?? 10_000);
const FOLDERS = 100;
const ROUNDS = 3;

async function sourceStore(): Promise<Store> {
  const store = new Store({ backend: new MemoryBackend({ clock: () => new Date(Date.now() - 60_000) }) });
  for (let i = 0; i < FILES; i++) {
    const size = 200 + ((i * 7919) % 1800);
    const bytes = new Uint8Array(size).fill(i & 0xff);
    await store.write(`folder-${String(i % FOLDERS).padStart(3, "0")}/file-${String(i).padStart(6, "0")}.bin`, bytes);
  }
  return store;
}

/** Runs `run` `rounds` times (each with fresh set-up from `prepare`) and reports the fastest. */
async function timed<T>(label: string, rounds: number, prepare: () => Promise<T>, run: (subject: T) => Promise<SyncResult>): Promise<void> {
  let best = Number.POSITIVE_INFINITY;
  let result: SyncResult | undefined;
  for (let round = 0; round < rounds; round++) {
    const subject = await prepare();
    const start = performance.now();
    result = await run(subject);
    best = Math.min(best, performance.now() - start);
  }
  if (result === undefined) return;
  const files = result.plan.creates.length + result.plan.updates.length + result.plan.skips.length;
  console.log(
    `${label.padEnd(46)} ${best.toFixed(0).padStart(7)} ms  ${Math.round((files / best) * 1000)
      .toString()
      .padStart(9)} files/s   created=${result.created} updated=${result.updated} skipped=${result.skipped} errors=${result.errors.size}`,
  );
}

async function main(): Promise<void> {
  console.log(`syncStores benchmark: ${FILES} files in ${FOLDERS} folders (200..2000 bytes each), best of ${ROUNDS} rounds (memory), Node ${process.version}`);
  const src = await sourceStore();
  const fresh = async (): Promise<Store> => new Store({ backend: new MemoryBackend() });
  const synced = async (): Promise<Store> => {
    const dst = await fresh();
    await syncStores(src, dst);
    return dst;
  };
  await timed("memory→memory, first run", ROUNDS, fresh, (dst) => syncStores(src, dst));
  await timed("memory→memory, second run (no-op)", ROUNDS, synced, (dst) => syncStores(src, dst));
  await timed("memory→memory, no-op with deleteExtra", ROUNDS, synced, (dst) => syncStores(src, dst, { deleteExtra: true }));
  await timed("memory→memory, no-op, compare: checksum", 1, synced, (dst) => syncStores(src, dst, { compare: "checksum" }));
  for (const concurrency of [4, 16]) {
    const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-bench-sync-"));
    try {
      const local = new Store({ backend: new LocalBackend({ root: dir }) });
      const options: SyncOptions = { concurrency };
      await timed(`memory→local (concurrency ${concurrency}), first run`, 1, async () => local, (dst) => syncStores(src, dst, options));
      await timed(`memory→local (concurrency ${concurrency}), second run`, 2, async () => local, (dst) => syncStores(src, dst, options));
      await local.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

await main();
