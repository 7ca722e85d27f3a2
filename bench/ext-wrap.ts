/**
 * Benchmark of stores that wrap stores (issue 20, spec/benchmarks.md BENCH-050..053): the per-call
 * cost of `wrapStore` and `observe` on memory point operations, and what a `cache` hit saves on
 * memory, on local disk and over an S3 endpoint (`serveS3` in this process).
 * Run: npm run bench:wrap [-- --quick]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { LocalBackend } from "../src/backends/local/index.js";
import { cache } from "../src/ext/cache/index.js";
import { observe } from "../src/ext/observe/index.js";
import { MemoryBackend, Store, wrapStore } from "../src/index.js";
import { S3Backend } from "../src/s3.js";
import { serveS3 } from "../src/s3-server/index.js";

const QUICK = process.argv.includes("--quick");
/** Calls per timed batch, and batches per subject (BENCH-050: interleaved, median of the batches). */
const POINT_OPS = QUICK ? 20_000 : 200_000;
const BATCHES = QUICK ? 5 : 9;
const IO_OPS = QUICK ? 200 : 2000;
const KIB = new Uint8Array(1024).map((_, i) => i % 251);

type Op = (store: Store, i: number) => Promise<unknown>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Nanoseconds per call of `op` on each subject: batches interleaved across subjects, in rotating order, median per subject (BENCH-050). */
async function nsPerCall(subjects: readonly (readonly [string, Store])[], op: Op, ops: number): Promise<Map<string, number>> {
  const samples = new Map<string, number[]>(subjects.map(([name]) => [name, []]));
  for (const [, store] of subjects) for (let i = 0; i < Math.min(ops, 1000); i++) await op(store, i);
  for (let batch = 0; batch < BATCHES; batch++) {
    for (let k = 0; k < subjects.length; k++) {
      const [name, store] = subjects[(batch + k) % subjects.length] as readonly [string, Store];
      const start = performance.now();
      for (let i = 0; i < ops; i++) await op(store, i);
      samples.get(name)?.push(((performance.now() - start) * 1e6) / ops);
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

async function check(condition: boolean, what: string): Promise<void> {
  if (!condition) throw new Error(`benchmark check failed: ${what}`);
}

/** BENCH-051: identity wrappers and observe over memory point operations, against the bare Store. */
async function pointOverhead(): Promise<void> {
  const bare = new Store({ backend: new MemoryBackend() });
  for (let i = 0; i < 100; i++) await bare.write(`d/f${i}.bin`, KIB);
  const subjects = [
    ["bare Store", bare],
    ["wrapStore, no intercept", wrapStore(bare, {})],
    ["wrapStore, intercept → next()", wrapStore(bare, { intercept: (call) => call.next() })],
    ["observe (onEvent)", observe(bare, { onEvent: () => undefined })],
  ] as const;
  const ops: Record<string, Op> = {
    exists: (s, i) => s.exists(`d/f${i % 100}.bin`),
    getFileInfo: (s, i) => s.getFileInfo(`d/f${i % 100}.bin`),
    "readBytes 1 KiB": (s, i) => s.readBytes(`d/f${i % 100}.bin`),
  };
  const rows: Record<string, string | number>[] = [];
  for (const [label, op] of Object.entries(ops)) {
    // BENCH-053: every subject returns what the bare store does.
    for (const [name, store] of subjects) await check(JSON.stringify(await op(store, 7)) === JSON.stringify(await op(bare, 7)), `${name} ${label}`);
    const times = await nsPerCall(subjects, op, POINT_OPS);
    const base = times.get("bare Store") as number;
    for (const [name] of subjects) {
      const ns = times.get(name) as number;
      rows.push({ operation: label, subject: name, "ns/call": Math.round(ns), overhead: name === "bare Store" ? "—" : `${(((ns - base) / base) * 100).toFixed(1)}%` });
    }
  }
  console.log("\nPer-call overhead on memory point operations (BENCH-051; aim: under 20%)");
  console.table(rows);
}

/** BENCH-052: a cache hit against the plain read, on memory, local disk and an S3 endpoint. */
async function cacheSpeedup(): Promise<void> {
  const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-bench-wrap-"));
  const server = await serveS3({ onWarning: () => undefined });
  const client = new S3Client({
    endpoint: server.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: server.credentials[0] as { accessKeyId: string; secretAccessKey: string },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  try {
    await server.store?.createFolder("bench");
    const targets: [string, Store, number][] = [
      ["memory", new Store({ backend: new MemoryBackend() }), POINT_OPS],
      ["local disk", new Store({ backend: new LocalBackend({ root: dir }) }), IO_OPS],
      ["S3 endpoint (serveS3)", new Store({ backend: new S3Backend({ bucket: "bench", client }) }), Math.max(50, IO_OPS / 10)],
    ];
    const rows: Record<string, string | number>[] = [];
    for (const [label, plain, ops] of targets) {
      await plain.write("f.bin", KIB, { overwrite: true });
      const cached = cache(plain, { ttl: 3600 });
      await check((await cached.readBytes("f.bin")).byteLength === 1024, `${label}: cached read`);
      const times = await nsPerCall([["plain", plain], ["cache hit", cached]], (s) => s.readBytes("f.bin"), ops);
      // BENCH-053: the cached side is timed on hits only.
      await check(cached.stats.misses === 1, `${label}: every timed cached read was a hit (misses ${cached.stats.misses})`);
      const [p, c] = [times.get("plain") as number, times.get("cache hit") as number];
      rows.push({ store: label, "plain readBytes 1 KiB (µs)": +(p / 1000).toFixed(2), "cache hit (µs)": +(c / 1000).toFixed(3), "speed-up": `${(p / c).toFixed(1)}×` });
      await plain.close();
    }
    console.log("\nCache hit against a plain readBytes of a 1 KiB file (BENCH-052; aim on local disk: at least 10×)");
    console.table(rows);
  } finally {
    client.destroy();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`Wrapper benchmark${QUICK ? " (--quick)" : ""}: Node ${process.version}, ${BATCHES} batches per subject, median (BENCH-050)`);
await pointOverhead();
await cacheSpeedup();
