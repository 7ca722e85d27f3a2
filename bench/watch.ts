/**
 * `npx tsx bench/watch.ts`: the cost of change events (spec BENCH-040..BENCH-042). Quick figures on
 * one machine; medians of repeated runs, never asserted by a test.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { watch as chokidarWatch } from "chokidar";
import { memfs } from "memfs";
import { LocalBackend } from "../src/backends/local/index.js";
import { MemoryBackend, Store } from "../src/index.js";
import { S3Backend } from "../src/s3.js";
import { serveS3 } from "../src/s3-server/index.js";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] as number;

// BENCH-040 the cost of a memory write with 0, 1 and 100 recursive root watchers (events consumed by onChange).
async function memoryWrites(watchers: number): Promise<number> {
  const store = new Store({ backend: new MemoryBackend() });
  const running = Array.from({ length: watchers }, () => store.watch("", { recursive: true, onChange: () => undefined }));
  await Promise.all(running.map((w) => w.ready));
  const bytes = new Uint8Array(64);
  const rounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) await store.write(`d${i % 50}/f${i}`, bytes, { overwrite: true, contentType: "x/y" });
    rounds.push(((performance.now() - start) * 1000) / 20_000);
  }
  await store.close();
  return median(rounds.slice(2));
}

/** Latency from a write to its event, `samples` times; `writeOne(i)` writes, `armed(i)` resolves when its event came. */
async function latencies(samples: number, writeOne: (i: number) => Promise<void>, seen: Map<string, number>, key: (i: number) => string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await writeOne(i);
    while (!seen.has(key(i))) await new Promise((resolve) => setImmediate(resolve));
    out.push((seen.get(key(i)) as number) - start);
  }
  return out;
}

// BENCH-041 event latency on local disk (LocalBackend's watch; chokidar alone on the same folder; memfs's watch in memory).
async function localLatency(): Promise<Record<string, [number, number]>> {
  const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-bench-watch-"));
  const store = new Store({ backend: new LocalBackend({ root: dir }) });
  const seen = new Map<string, number>();
  const watcher = store.watch("", { recursive: true, onChange: (e) => void (e.type !== "overflow" && seen.set(e.path, performance.now())) });
  await watcher.ready;
  const ours = await latencies(200, (i) => store.write(`a${i}.txt`, "x").then(() => undefined), seen, (i) => `a${i}.txt`);
  await watcher.close();
  const raw = chokidarWatch(dir, { ignoreInitial: true });
  await new Promise<void>((resolve) => raw.once("ready", () => resolve()));
  const rawSeen = new Map<string, number>();
  raw.on("add", (path: string) => rawSeen.set(nodePath.basename(path), performance.now()));
  const theirs = await latencies(200, (i) => writeFile(nodePath.join(dir, `b${i}.txt`), "x"), rawSeen, (i) => `b${i}.txt`);
  await raw.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
  const { fs } = memfs({ "/w": null });
  const memSeen = new Map<string, number>();
  const memWatcher = fs.watch("/w", { recursive: true }, (_type, name) => memSeen.set(String(name), performance.now()));
  const memfsLat = await latencies(200, async (i) => fs.promises.writeFile(`/w/c${i}.txt`, "x"), memSeen, (i) => `c${i}.txt`);
  memWatcher.close();
  const mem = new Store({ backend: new MemoryBackend() });
  const memOursSeen = new Map<string, number>();
  const memOurs = mem.watch("", { onChange: (e) => void (e.type !== "overflow" && memOursSeen.set(e.path, performance.now())) });
  await memOurs.ready;
  const memoryLat = await latencies(200, (i) => mem.write(`m${i}.txt`, "x").then(() => undefined), memOursSeen, (i) => `m${i}.txt`);
  await mem.close();
  return { "remote-store local": [median(ours), p99(ours)], "chokidar alone": [median(theirs), p99(theirs)], "memfs watch": [median(memfsLat), p99(memfsLat)], "remote-store memory": [median(memoryLat), p99(memoryLat)] };
}

// BENCH-042 event latency of S3 polling (serveS3 over memory, watchInterval 100 ms): about half an interval plus one listing.
async function s3Latency(): Promise<[number, number]> {
  await using server = await serveS3({ minPartSize: 0 });
  await server.store?.createFolder("bkt");
  const backend = new S3Backend({ bucket: "bkt", endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server.credentials[0] as never, watchInterval: 100 });
  const store = new Store({ backend });
  const seen = new Map<string, number>();
  const watcher = store.watch("", { onChange: (e) => void (e.type !== "overflow" && seen.set(e.path, performance.now())) });
  await watcher.ready;
  const out = await latencies(40, (i) => store.write(`s${i}.txt`, "x").then(() => undefined), seen, (i) => `s${i}.txt`);
  await store.close();
  return [median(out), p99(out)];
}

const base = await memoryWrites(0);
const one = await memoryWrites(1);
const hundred = await memoryWrites(100);
console.log(`memory write (µs, median of 5 rounds of 20,000): 0 watchers ${base.toFixed(2)}, 1 watcher ${one.toFixed(2)} (+${(((one - base) / base) * 100).toFixed(0)}%), 100 watchers ${hundred.toFixed(2)}`);
for (const [name, [med, high]] of Object.entries(await localLatency())) console.log(`latency ${name}: median ${med.toFixed(2)} ms, p99 ${high.toFixed(2)} ms`);
const [s3med, s3high] = await s3Latency();
console.log(`latency S3 polling (100 ms interval): median ${s3med.toFixed(1)} ms, p99 ${s3high.toFixed(1)} ms`);
