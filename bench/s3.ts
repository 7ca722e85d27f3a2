/**
 * S3 backend overhead benchmark (issue 9): `npx tsx bench/s3.ts [--quick]`.
 *
 * Starts its own S3 endpoint on 127.0.0.1 (`serveS3` over a MemoryBackend, in this process) and measures,
 * interleaved in one run, the Store over `S3Backend` against raw `@aws-sdk/client-s3` calls doing
 * the same work:
 *
 * - small objects (1 KiB): write (`overwrite: true`), read, stat — ops/s, one at a time;
 * - a 256 MiB streamed upload — MiB/s, multipart with 8 MiB parts, 4 in flight.
 *
 * "Same work" is the same S3 requests: a library write first checks that no folder is at the
 * path (one one-key listing, spec S3-030), so the raw write does that listing too; the bare
 * PutObject is reported as well, to show what the check costs. Both sides use one SDK client and
 * the same objects, so the difference is the library's own work. Medians of interleaved rounds.
 *
 * A loopback server on a small machine is noisy (it shares the CPU with the client), so a second
 * table measures the library's own CPU time per call directly: the same calls against a client
 * stub that answers at once, minus the stub's own cost.
 * The figures are printed as a Markdown table; nothing here asserts on time.
 */
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { performance } from "node:perf_hooks";
import { S3Backend } from "../src/s3.js";
import { Store } from "../src/index.js";
import { serveS3 } from "../src/s3-server/index.js";

const QUICK = process.argv.includes("--quick");
const SMALL_OPS = QUICK ? 100 : 150;
const ROUNDS = QUICK ? 3 : 15;
const BIG_ROUNDS = QUICK ? 1 : 5;
const WARM_UP = QUICK ? 1 : 3;
const MiB = 1024 * 1024;
const BIG_SIZE = 256 * MiB;
const PART_SIZE = 8 * MiB;
const QUEUE = 4;
const CHUNK = MiB;

const server = await serveS3();
await server.store?.createFolder("bench");
const clientConfig = {
  endpoint: server.endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: server.credentials[0] as { accessKeyId: string; secretAccessKey: string },
  requestChecksumCalculation: "WHEN_REQUIRED" as const,
  responseChecksumValidation: "WHEN_REQUIRED" as const,
};
const raw = new S3Client(clientConfig);
const Bucket = "bench";
/** Both sides share one client and the same objects: the only difference is the library's own code. */
const store = new Store({ backend: new S3Backend({ bucket: Bucket, client: raw, conditionalWrites: false, partSize: PART_SIZE, queueSize: QUEUE }) });
const payload = new Uint8Array(1024).map((_, i) => i % 251);
const bigChunk = new Uint8Array(CHUNK).map((_, i) => (i * 7) % 253);

type Work = (i: number) => Promise<unknown>;

/** ops/s of `ops` sequential calls. */
async function opsPerSecond(work: Work): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < SMALL_OPS; i++) await work(i);
  return (SMALL_OPS / (performance.now() - start)) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs the variants interleaved for `rounds` rounds (after warm-up rounds) and returns each one's median. */
async function interleaved(rounds: number, variants: Record<string, () => Promise<number>>, warmUp = WARM_UP): Promise<Record<string, number>> {
  const results: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = -warmUp; round < rounds; round++) {
    const names = Object.keys(variants);
    if (Math.abs(round % 2) === 1) names.reverse();
    for (const name of names) {
      const value = await (variants[name] as () => Promise<number>)();
      if (round >= 0) results[name]?.push(value);
    }
  }
  return Object.fromEntries(Object.entries(results).map(([name, values]) => [name, median(values)]));
}

const key = (i: number): string => `obj-${i % 50}`;
const path = key;

async function seedSmall(): Promise<void> {
  for (let i = 0; i < 50; i++) await store.write(path(i), payload, { overwrite: true });
}

const smallWrite = () =>
  interleaved(ROUNDS, {
    library: () => opsPerSecond((i) => store.write(path(i), payload, { overwrite: true })),
    "raw (same requests)": () =>
      opsPerSecond(async (i) => {
        await raw.send(new ListObjectsV2Command({ Bucket, Prefix: `${key(i)}/`, MaxKeys: 1 }));
        await raw.send(new PutObjectCommand({ Bucket, Key: key(i), Body: payload, ContentLength: payload.length, ContentType: "application/octet-stream", Metadata: {} }));
      }),
    "raw (PutObject only)": () => opsPerSecond((i) => raw.send(new PutObjectCommand({ Bucket, Key: key(i), Body: payload, ContentLength: payload.length }))),
  });

const smallRead = () =>
  interleaved(ROUNDS, {
    library: () => opsPerSecond((i) => store.readBytes(path(i))),
    "raw (same requests)": () =>
      opsPerSecond(async (i) => {
        const r = await raw.send(new GetObjectCommand({ Bucket, Key: key(i) }));
        return r.Body?.transformToByteArray();
      }),
  });

const smallStat = () =>
  interleaved(ROUNDS, {
    library: () => opsPerSecond((i) => store.getFileInfo(path(i))),
    "raw (same requests)": () => opsPerSecond((i) => raw.send(new HeadObjectCommand({ Bucket, Key: key(i) }))),
  });

async function* bigSource(): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < BIG_SIZE; sent += CHUNK) yield bigChunk;
}

/** MiB/s of one 256 MiB upload; the object is deleted afterwards (not timed). */
async function mibPerSecond(upload: () => Promise<void>, cleanup: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await upload();
  const seconds = (performance.now() - start) / 1000;
  await cleanup();
  return BIG_SIZE / MiB / seconds;
}

async function rawMultipart(Key: string): Promise<void> {
  await raw.send(new ListObjectsV2Command({ Bucket, Prefix: `${Key}/`, MaxKeys: 1 }));
  const { UploadId } = await raw.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: "application/octet-stream", Metadata: {} }));
  const parts: { PartNumber: number; ETag: string }[] = [];
  const inFlight = new Set<Promise<void>>();
  let part = new Uint8Array(PART_SIZE);
  let filled = 0;
  let number = 0;
  const flush = async (): Promise<void> => {
    const PartNumber = ++number;
    const Body = filled === PART_SIZE ? part : part.subarray(0, filled);
    part = new Uint8Array(PART_SIZE);
    filled = 0;
    const task: Promise<void> = raw.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body, ContentLength: Body.length })).then((r) => {
      parts.push({ PartNumber, ETag: r.ETag ?? "" });
      inFlight.delete(task);
    });
    inFlight.add(task);
    while (inFlight.size >= QUEUE) await Promise.race(inFlight);
  };
  for await (const chunk of bigSource()) {
    part.set(chunk, filled);
    filled += chunk.length;
    if (filled === PART_SIZE) await flush();
  }
  if (filled > 0) await flush();
  await Promise.all(inFlight);
  parts.sort((a, b) => a.PartNumber - b.PartNumber);
  await raw.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
}

const bigUpload = () =>
  interleaved(
    BIG_ROUNDS,
    {
      library: () => mibPerSecond(async () => void (await store.write("big.bin", bigSource(), { overwrite: true })), () => store.delete("big.bin")),
      "raw (same requests)": () => mibPerSecond(() => rawMultipart("big.bin"), async () => void (await raw.send(new DeleteObjectCommand({ Bucket, Key: "big.bin" })))),
    },
    1,
  );

/** A client that answers every command at once, as S3 would (enough for write, read and stat). */
function instantClient(): S3Client {
  const body = { transformToByteArray: () => Promise.resolve(new Uint8Array(1024)), transformToWebStream: () => new ReadableStream() };
  const answers: Record<string, unknown> = {
    ListObjectsV2Command: { KeyCount: 0, Contents: [], IsTruncated: false },
    PutObjectCommand: { ETag: '"e"' },
    GetObjectCommand: { Body: body, ContentLength: 1024 },
    HeadObjectCommand: { ContentLength: 1024, LastModified: new Date(), ContentType: "application/octet-stream", Metadata: {} },
  };
  return { config: {}, send: (command: object) => Promise.resolve(answers[command.constructor.name]), destroy: () => undefined } as unknown as S3Client;
}

/** Microseconds per call of `work`, median of rounds of 20,000 calls. */
async function microseconds(work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) await work();
    if (round >= 2) samples.push(((performance.now() - start) / 20_000) * 1000);
  }
  return median(samples);
}

async function libraryCpu(): Promise<string[]> {
  const client = instantClient();
  const stubbed = new Store({ backend: new S3Backend({ bucket: "b", client }) });
  const send = (command: object) => client.send(command as never);
  const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ["write (1 KiB, overwrite)", () => stubbed.write("obj-1", payload, { overwrite: true }), async () => {
      await send(new ListObjectsV2Command({ Bucket: "b", Prefix: "obj-1/", MaxKeys: 1 }));
      await send(new PutObjectCommand({ Bucket: "b", Key: "obj-1", Body: payload }));
    }],
    ["read (1 KiB)", () => stubbed.readBytes("obj-1"), async () => ((await send(new GetObjectCommand({ Bucket: "b", Key: "obj-1" }))) as { Body: { transformToByteArray(): Promise<Uint8Array> } }).Body.transformToByteArray()],
    ["stat", () => stubbed.getFileInfo("obj-1"), () => send(new HeadObjectCommand({ Bucket: "b", Key: "obj-1" }))],
  ];
  const lines = ["| call | library CPU per call (stubbed client) | the same commands sent to the stub directly | library's own cost |", "|---|---|---|---|"];
  for (const [name, library, direct] of cases) {
    const [a, b] = [await microseconds(library), await microseconds(direct)];
    lines.push(`| ${name} | ${a.toFixed(1)} µs | ${b.toFixed(1)} µs | ${(a - b).toFixed(1)} µs |`);
  }
  await stubbed.close();
  return lines;
}

function row(name: string, unit: string, results: Record<string, number>): string[] {
  const library = results.library as number;
  const same = results["raw (same requests)"] as number;
  const bare = results["raw (PutObject only)"];
  const overhead = ((same - library) / same) * 100;
  return [
    `| ${name} | ${library.toFixed(1)} ${unit} | ${same.toFixed(1)} ${unit} | ${overhead.toFixed(1)} % |${bare === undefined ? " — |" : ` ${bare.toFixed(1)} ${unit} (library ${(((bare - library) / bare) * 100).toFixed(0)} % slower: the folder check) |`}`,
  ];
}

try {
  process.stderr.write(`serveS3 at ${server.endpoint}; ${SMALL_OPS} ops × ${ROUNDS} rounds, ${BIG_ROUNDS} × 256 MiB\n`);
  await seedSmall();
  const lines = [
    "| workload | library (Store + S3Backend) | raw SDK, same requests | library overhead | raw SDK, bare PutObject |",
    "|---|---|---|---|---|",
    ...row("small write (1 KiB, overwrite)", "ops/s", await smallWrite()),
    ...row("small read (1 KiB)", "ops/s", await smallRead()),
    ...row("stat (getFileInfo / HEAD)", "ops/s", await smallStat()),
    ...row("256 MiB streamed upload (multipart, 8 MiB × 4)", "MiB/s", await bigUpload()),
  ];
  process.stdout.write(`${lines.join("\n")}\n\nNode ${process.version}, serveS3 over a MemoryBackend (in the same process as the client); medians of interleaved rounds.\n\n`);
  process.stdout.write(`${(await libraryCpu()).join("\n")}\n`);
} finally {
  await store.close();
  raw.destroy();
  await server.close();
}
