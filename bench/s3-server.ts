/**
 * The S3 endpoint against s3rver and moto (issue 19, `npm run bench:s3-server [-- --quick]`,
 * spec BENCH-070..BENCH-074): start-up, small objects one at a time and 16 in flight, a listing of
 * many keys, large transfers through `lib-storage`'s `Upload`, all through one `@aws-sdk/client-s3`
 * configuration, in one run; and the memory of this process during a large `Upload` to `serveS3`.
 * Writes bench/s3-server.json, bench/s3-server.svg and the "S3 endpoint" section of
 * bench/RESULTS.md. Nothing here asserts on time.
 *
 * s3rver is no dependency of the project: it is installed on demand into a folder of the system's
 * temp directory (once, then reused); moto is used when `moto_server` is on the PATH. A server that
 * cannot start is skipped, with the reason in the report.
 */
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { MemoryBackend, Store } from "../src/index.js";
import { LocalBackend } from "../src/index.node.js";
import { serveS3, type S3Server } from "../src/s3-server/index.js";
import { machineInfo } from "./harness/machine.js";
import { MODES, OPS, renderS3Server, s3ServerChart, S3_SERVER_MARKERS, type OpFigure, type S3ServerId, type S3ServerResults, type ServerInfo, type SmallMode, type SmallOp } from "./report/s3-server-md.js";
import { spliceSection } from "./report/sections.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const quick = process.argv.includes("--quick");
const KiB = 1024;
const MiB = 1024 * KiB;
// spec BENCH-071, BENCH-072: the sizes and counts of a run.
const SETTINGS = {
  startupRuns: quick ? 1 : 5,
  rounds: quick ? 1 : 3,
  smallOps: quick ? 200 : 2000,
  smallBytes: 4 * KiB,
  listKeys: quick ? 1000 : 10_000,
  largeBytes: (quick ? 32 : 256) * MiB,
  largeRounds: quick ? 1 : 3,
  memoryBytes: (quick ? 128 : 1024) * MiB,
};
const IN_FLIGHT = 16;
const S3RVER_PREFIX = path.join(os.tmpdir(), "rs-bench-s3rver");
const started = Date.now();

const log = (message: string): void => console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Everything to undo at the end, also on error: servers stopped, temp folders removed. */
const cleanups: (() => Promise<void> | void)[] = [];

async function cleanUp(): Promise<void> {
  for (const undo of cleanups.splice(0).reverse()) {
    try {
      await undo();
    } catch (error) {
      log(`clean-up: ${String(error)}`);
    }
  }
}

/** A temp folder, removed at the end. */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

// spec BENCH-070: one client configuration for every server.
/** The one client configuration of the run: only the endpoint and the key pair differ. */
function client(endpoint: string, credentials: Credentials, maxAttempts = 3): S3Client {
  return new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { ...credentials },
    maxAttempts,
    // s3rver refuses the SDK's default streaming-trailer checksums (issue 19): checksums only where required, for all.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Polls ListBuckets until it answers; the ms from `since`. */
async function firstAnswer(endpoint: string, credentials: Credentials, since: number, exited: () => string | undefined): Promise<number> {
  const probe = client(endpoint, credentials, 1);
  try {
    for (;;) {
      try {
        await probe.send(new ListBucketsCommand({}));
        return performance.now() - since;
      } catch (error) {
        const gone = exited();
        if (gone !== undefined) throw new Error(`the server exited before answering: ${gone}`, { cause: error });
        if (performance.now() - since > 60_000) throw new Error(`no answer from ${endpoint} in 60 s`, { cause: error });
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  } finally {
    probe.destroy();
  }
}

/** A server of the run, started. */
interface Running {
  readonly id: S3ServerId;
  readonly endpoint: string;
  readonly credentials: Credentials;
  stop(): Promise<void>;
}

/** How to start one server; `start` resolves once it answered, with the ms that took. */
interface Launcher {
  readonly info: ServerInfo;
  start(): Promise<{ server: Running; ms: number }>;
}

/** Spawns `command` in its own process group and waits for its first answer; stop() ends the group. */
async function spawned(id: S3ServerId, command: string, args: string[], env: NodeJS.ProcessEnv, port: number, credentials: Credentials): Promise<{ server: Running; ms: number }> {
  const endpoint = `http://127.0.0.1:${port}`;
  const since = performance.now();
  const child: ChildProcess = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  let exit: string | undefined;
  child.stderr?.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-2000); });
  const exited = new Promise<void>((resolve) => child.once("exit", (code, signal) => { exit = `${code ?? signal} ${stderr.trim()}`; resolve(); }));
  const stop = async (): Promise<void> => {
    if (exit !== undefined || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => { if (exit === undefined && child.pid !== undefined) process.kill(-child.pid, "SIGKILL"); }, 5000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  try {
    const ms = await firstAnswer(endpoint, credentials, since, () => exit);
    return { server: { id, endpoint, credentials, stop }, ms };
  } catch (error) {
    await stop();
    throw error;
  }
}

// spec BENCH-070: the servers — ours in this process, moto and s3rver each in its own, skipped with a reason when they cannot start.
const ours: Launcher = {
  info: { id: "serveS3", label: "serveS3 (memory)" },
  async start() {
    const credentials = { accessKeyId: "bench", secretAccessKey: "bench-secret" };
    const since = performance.now();
    const server: S3Server = await serveS3({ backend: new MemoryBackend(), host: "127.0.0.1", port: 0, credentials });
    const stop = (): Promise<void> => server.close();
    cleanups.push(stop);
    const ms = await firstAnswer(server.endpoint, credentials, since, () => undefined);
    return { server: { id: "serveS3", endpoint: server.endpoint, credentials, stop }, ms };
  },
};

function motoLauncher(): Launcher | ServerInfo {
  const which = spawnSync("which", ["moto_server"], { encoding: "utf8" });
  if (which.status !== 0) return { id: "moto", label: "moto", skipped: "`moto_server` is not on the PATH" };
  const version = spawnSync("python3", ["-c", "import moto; print(moto.__version__)"], { encoding: "utf8" }).stdout.trim();
  return {
    info: { id: "moto", label: `moto${version ? ` ${version}` : ""}` },
    async start() {
      const port = await freePort();
      return spawned("moto", "moto_server", ["-H", "127.0.0.1", "-p", String(port)], { ...process.env, S3_UPLOAD_PART_MIN_SIZE: "1" }, port, { accessKeyId: "testing", secretAccessKey: "testing" });
    },
  };
}

const S3RVER_MAIN = `const S3rver = require("s3rver");
const [directory, port] = process.argv.slice(2);
new S3rver({ address: "127.0.0.1", port: Number(port), directory, silent: true }).run().catch((error) => { console.error(error); process.exit(1); });
`;

/** s3rver 3, installed on demand into the temp directory (not a dependency of the project). */
function s3rverLauncher(): Launcher | ServerInfo {
  const pkg = path.join(S3RVER_PREFIX, "node_modules", "s3rver", "package.json");
  if (!existsSync(pkg)) {
    log(`installing s3rver 3 into ${S3RVER_PREFIX}`);
    const install = spawnSync("npm", ["install", "--prefix", S3RVER_PREFIX, "s3rver@3", "--no-save", "--no-audit", "--no-fund"], { encoding: "utf8", cwd: os.tmpdir() });
    if (install.status !== 0 || !existsSync(pkg)) return { id: "s3rver", label: "s3rver", skipped: `npm install s3rver@3 failed: ${(install.stderr ?? "").trim().split("\n").at(-1) ?? install.status}` };
  }
  const version = (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
  const main = path.join(S3RVER_PREFIX, "start.cjs");
  writeFileSync(main, S3RVER_MAIN);
  return {
    info: { id: "s3rver", label: `s3rver ${version}` },
    async start() {
      const port = await freePort();
      const dir = tempDir("rs-bench-s3rver-data-");
      return spawned("s3rver", process.execPath, [main, dir, String(port)], { ...process.env, NODE_OPTIONS: "" }, port, { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
    },
  };
}

/** Runs `count` calls of `call`, `inFlight` at a time; the ms of each and the wall time. */
async function timedCalls(count: number, inFlight: number, call: (i: number) => Promise<unknown>): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies = new Array<number>(count);
  let next = 0;
  const begin = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await call(i);
      latencies[i] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { latencies, wallMs: performance.now() - begin };
}

const BUCKET = "bench";
const smallKey = (i: number): string => `small/${String(i).padStart(6, "0")}`;

function smallCall(s3: S3Client, o: SmallOp, payload: Uint8Array): (i: number) => Promise<unknown> {
  switch (o) {
    case "PutObject":
      return (i) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: smallKey(i), Body: payload, ContentLength: payload.length, ContentType: "application/octet-stream" }));
    case "GetObject":
      return async (i) => {
        const { Body } = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: smallKey(i) }));
        const bytes = await Body!.transformToByteArray();
        if (bytes.length !== payload.length) throw new Error(`GetObject ${smallKey(i)}: ${bytes.length} bytes`);
      };
    case "HeadObject":
      return (i) => s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: smallKey(i) }));
  }
}

/** `bytes` of generated data in 1 MiB chunks, each a fresh copy (nothing shared between chunks). */
async function* generated(bytes: number): AsyncGenerator<Uint8Array> {
  const block = randomBytes(MiB);
  for (let sent = 0; sent < bytes; sent += MiB) yield Uint8Array.prototype.slice.call(block, 0, Math.min(MiB, bytes - sent));
}

async function drain(stream: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += chunk.length;
  return n;
}

async function drainWeb(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let n = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) n += r.value.length;
  return n;
}

async function upload(s3: S3Client, key: string, bytes: number): Promise<void> {
  await new Upload({ client: s3, params: { Bucket: BUCKET, Key: key, Body: Readable.from(generated(bytes)), ContentType: "application/octet-stream" } }).done();
}

async function download(s3: S3Client, key: string, bytes: number): Promise<void> {
  const { Body } = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  const n = await drain(Body as Readable);
  if (n !== bytes) throw new Error(`GetObject ${key}: ${n} of ${bytes} bytes`);
}

const mibPerSecond = (bytes: number, ms: number): number => bytes / MiB / (ms / 1000);

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

// spec BENCH-072: the memory of this process during one large Upload to serveS3 in it.
/** The RSS of this process, sampled every 50 ms during one `Upload` of `bytes` to a fresh `serveS3` over `backend`. */
async function memoryDuringUpload(backend: MemoryBackend | LocalBackend, bytes: number): Promise<{ baselineMiB: number; peakRiseMiB: number; endRiseMiB: number }> {
  const credentials = { accessKeyId: "bench", secretAccessKey: "bench-secret" };
  const server = await serveS3({ backend, credentials });
  const s3 = client(server.endpoint, credentials);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    try {
      await upload(s3, "memory.bin", bytes);
    } finally {
      clearInterval(timer);
    }
    const end = process.memoryUsage().rss;
    peak = Math.max(peak, end);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "memory.bin" }));
    if (head.ContentLength !== bytes) throw new Error(`memory.bin: ${head.ContentLength} of ${bytes} bytes`);
    return { baselineMiB: baseline / MiB, peakRiseMiB: (peak - baseline) / MiB, endRiseMiB: (end - baseline) / MiB };
  } finally {
    s3.destroy();
    await server.close();
  }
}

/** What failed on a server after it started: reported, and the run goes on without that figure. */
const failures: string[] = [];

function failure(server: S3ServerId, what: string, error: unknown): void {
  const message = `${server}, ${what}: ${(error instanceof Error ? `${error.name} ${error.message}` : String(error)).split("\n")[0]}`;
  failures.push(message);
  log(`failed: ${message}`);
}

/** `call`, tried up to 5 times. */
async function retried<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}

async function main(): Promise<void> {
  const launchers: Launcher[] = [];
  const servers: ServerInfo[] = [];
  for (const l of [ours, motoLauncher(), s3rverLauncher()]) {
    if ("start" in l) {
      launchers.push(l);
      servers.push(l.info);
    } else {
      log(`skipping ${l.label}: ${l.skipped}`);
      servers.push(l);
    }
  }
  const skip = (launcher: Launcher, error: unknown): void => {
    const i = servers.findIndex((s) => s.id === launcher.info.id);
    const cause = error instanceof Error && error.cause !== undefined ? ` (${(error.cause instanceof Error ? error.cause.message : JSON.stringify(error.cause)).split("\n")[0]})` : "";
    const skipped = `did not start: ${String(error).split("\n")[0]}${cause}`;
    servers[i] = { ...launcher.info, skipped };
    launchers.splice(launchers.indexOf(launcher), 1);
    log(`skipping ${launcher.info.label}: ${skipped}`);
  };

  // BENCH-071: start-up, interleaved, median of the runs.
  const startupSamples = new Map<S3ServerId, number[]>(launchers.map((l) => [l.info.id, []]));
  for (let run = 0; run < SETTINGS.startupRuns; run++) {
    for (let i = 0; i < launchers.length; i++) {
      const launcher = launchers[(i + run) % launchers.length]!;
      try {
        const { server, ms } = await launcher.start();
        startupSamples.get(launcher.info.id)!.push(ms);
        await server.stop();
      } catch (error) {
        skip(launcher, error);
        i--;
      }
    }
  }
  const startup = launchers.map((l) => ({ server: l.info.id, ms: median(startupSamples.get(l.info.id)!) }));
  log(`start-up: ${startup.map((s) => `${s.server} ${s.ms.toFixed(1)} ms`).join(", ")}`);

  const running: { server: Running; s3: S3Client }[] = [];
  for (const launcher of [...launchers]) {
    try {
      const { server } = await launcher.start();
      const s3 = client(server.endpoint, server.credentials);
      cleanups.push(() => s3.destroy());
      await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
      running.push({ server, s3 });
    } catch (error) {
      skip(launcher, error);
    }
  }

  // BENCH-071: small objects, each op and mode on every server in turn, the order rotated by round.
  const payload = randomBytes(SETTINGS.smallBytes);
  const samples = new Map<string, { rates: number[]; latencies: number[] }>();
  const sampleKey = (id: S3ServerId, o: SmallOp, mode: SmallMode): string => `${id}|${o}|${mode}`;
  for (let round = 0; round < SETTINGS.rounds; round++) {
    for (const mode of MODES) {
      for (const o of OPS) {
        for (let i = 0; i < running.length; i++) {
          const { server, s3 } = running[(i + round) % running.length]!;
          const { latencies, wallMs } = await timedCalls(SETTINGS.smallOps, mode === "sequential" ? 1 : IN_FLIGHT, smallCall(s3, o, payload));
          const k = sampleKey(server.id, o, mode);
          const entry = samples.get(k) ?? { rates: [], latencies: [] };
          entry.rates.push(SETTINGS.smallOps / (wallMs / 1000));
          entry.latencies.push(...latencies);
          samples.set(k, entry);
        }
      }
      log(`small objects, round ${round + 1}/${SETTINGS.rounds}, ${mode} done`);
    }
  }
  const ops: OpFigure[] = [];
  for (const { server } of running) {
    for (const mode of MODES) {
      for (const o of OPS) {
        const entry = samples.get(sampleKey(server.id, o, mode))!;
        ops.push({ server: server.id, op: o, mode, opsPerSecond: median(entry.rates), p50: percentile(entry.latencies, 50), p99: percentile(entry.latencies, 99) });
      }
    }
  }

  // BENCH-071: ListObjectsV2 over many keys, pages of 1,000.
  const listSamples = new Map<S3ServerId, number[]>(running.map(({ server }) => [server.id, []]));
  const listed: typeof running = [];
  for (const { server, s3 } of running) {
    try {
      // Not timed: filled 4 at a time, each put retried, so a peer's transient errors under load do not end the run.
      await timedCalls(SETTINGS.listKeys, 4, (i) => retried(() => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `list/${String(i).padStart(6, "0")}`, Body: payload.subarray(0, 16), ContentLength: 16 }))));
      listed.push({ server, s3 });
    } catch (error) {
      failure(server.id, "filling the listing", error);
    }
  }
  for (let round = 0; round < SETTINGS.rounds; round++) {
    for (let i = 0; i < listed.length; i++) {
      const { server, s3 } = listed[(i + round) % listed.length]!;
      if (failures.some((f) => f.startsWith(`${server.id}, listing`))) continue;
      let keys = 0;
      try {
        const ms = await timeMs(async () => {
          let token: string | undefined;
          do {
            const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "list/", MaxKeys: 1000, ContinuationToken: token }));
            keys += page.KeyCount ?? 0;
            token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
          } while (token !== undefined);
        });
        if (keys !== SETTINGS.listKeys) throw new Error(`listed ${keys} of ${SETTINGS.listKeys} keys`);
        listSamples.get(server.id)!.push(ms);
      } catch (error) {
        failure(server.id, "listing", error);
      }
    }
  }
  const list = listed.filter(({ server }) => listSamples.get(server.id)!.length > 0).map(({ server }) => ({ server: server.id, ms: median(listSamples.get(server.id)!) }));
  log(`listing: ${list.map((l) => `${l.server} ${l.ms.toFixed(0)} ms`).join(", ")}`);

  // BENCH-071: large transfers, and the same bytes through a memory Store's streams.
  const largeSamples = new Map<S3ServerId | "store", { up: number[]; down: number[] }>();
  for (const id of [...running.map((r) => r.server.id), "store" as const]) largeSamples.set(id, { up: [], down: [] });
  const bytes = SETTINGS.largeBytes;
  for (let round = 0; round < SETTINGS.largeRounds; round++) {
    const order = [...running.map((r) => r.server.id), "store" as const];
    for (let i = 0; i < order.length; i++) {
      const id = order[(i + round) % order.length]!;
      const entry = largeSamples.get(id)!;
      if (id === "store") {
        const store = new Store({ backend: new MemoryBackend() });
        entry.up.push(await timeMs(() => store.write("big.bin", generated(bytes))));
        entry.down.push(await timeMs(async () => { const n = await drainWeb(await store.read("big.bin")); if (n !== bytes) throw new Error(`store read ${n} of ${bytes} bytes`); }));
        await store.close();
      } else {
        const { s3 } = running.find((r) => r.server.id === id)!;
        try {
          entry.up.push(await timeMs(() => upload(s3, "big.bin", bytes)));
          entry.down.push(await timeMs(() => download(s3, "big.bin", bytes)));
        } catch (error) {
          failure(id, `large transfer, round ${round + 1}`, error);
        }
      }
      log(`large transfers, round ${round + 1}/${SETTINGS.largeRounds}: ${id} done`);
    }
  }
  const large = [...largeSamples].filter(([, { up, down }]) => up.length > 0 && down.length > 0).map(([server, { up, down }]) => ({ server, uploadMiBs: mibPerSecond(bytes, median(up)), downloadMiBs: mibPerSecond(bytes, median(down)) }));

  for (const { server } of running) await server.stop();

  const memory: S3ServerResults["memory"][number][] = [];
  // LocalBackend first: the memory run leaves the process's RSS high (freed heap is kept), which would hide the second rise.
  for (const [backend, make] of [["LocalBackend (temp folder)", () => new LocalBackend({ root: tempDir("rs-bench-s3-local-") })], ["MemoryBackend", () => new MemoryBackend()]] as const) {
    try {
      const figures = await memoryDuringUpload(make(), SETTINGS.memoryBytes);
      memory.push({ backend, ...figures });
      log(`memory (${backend}): peak +${figures.peakRiseMiB.toFixed(0)} MiB`);
    } catch (error) {
      failure("serveS3", `memory during Upload over ${backend}`, error);
    }
  }

  // BENCH-074: the JSON, the chart, and the section of RESULTS.md rendered from them.
  const results: S3ServerResults = { mode: quick ? "quick" : "full", machine: machineInfo(), durationSeconds: (Date.now() - started) / 1000, settings: SETTINGS, servers, startup, ops, list, large, memory, failures };
  // A quick run writes the same files: its mode is in the JSON and in the section's heading.
  writeFileSync(path.join(ROOT, "bench", "s3-server.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(ROOT, "bench", "s3-server.svg"), s3ServerChart(results));
  const section = renderS3Server(results, "s3-server.svg");
  console.log(section);
  const markdown = path.join(ROOT, "bench", "RESULTS.md");
  writeFileSync(markdown, spliceSection(existsSync(markdown) ? readFileSync(markdown, "utf8") : "", section, S3_SERVER_MARKERS));
  log(`wrote bench/s3-server.json, bench/s3-server.svg and the s3-server section of bench/RESULTS.md`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}
try {
  await main();
} finally {
  await cleanUp();
}
