/**
 * Benchmark of the key-value view (remote-store/ext/kv): get / set / increment operations per
 * second on the memory backend, against plain `Map`s with expiry timestamps (the physical limit).
 * Run: npx tsx bench/ext-kv.ts [ops]
 */
import { createKeyValue, createSyncKeyValue, type KeyValue, type SyncKeyValue } from "../src/ext/kv/index.js";
import { MemoryBackend, Store, SyncStore } from "../src/index.js";

const OPS = Number(process.argv[2] ?? 100_000);
const KEYS = 1000;
const keys = Array.from({ length: KEYS }, (_, i) => `key-${i}`);
const value = { user: "ann", roles: ["admin", "dev"], count: 3 };

/** The subject of one row: three operations, either all synchronous or all returning Promises. */
interface Subject {
  readonly name: string;
  readonly async: boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  increment(key: string): unknown;
}

/** A plain Map of `{ value, expiresAt }`: the physical limit of a KV with expiry in one process. */
function plainMap(): Subject {
  const map = new Map<string, { value: unknown; expiresAt: number | null }>();
  const now = Date.now;
  return {
    name: "Map + expiry (reference)",
    async: false,
    get(key) {
      const entry = map.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt !== null && now() >= entry.expiresAt) {
        map.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, v) {
      map.set(key, { value: v, expiresAt: null });
    },
    increment(key) {
      const entry = map.get(key);
      const live = entry !== undefined && (entry.expiresAt === null || now() < entry.expiresAt);
      const next = (live ? (entry.value as number) : 0) + 1;
      map.set(key, { value: next, expiresAt: live ? entry.expiresAt : null });
      return next;
    },
  };
}

/** The same Map holding JSON text: the cost of copy-in/copy-out JSON values, which the KV promises. */
function jsonMap(): Subject {
  const map = new Map<string, { json: string; expiresAt: number | null }>();
  const now = Date.now;
  const live = (key: string): { json: string; expiresAt: number | null } | undefined => {
    const entry = map.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== null && now() >= entry.expiresAt) {
      map.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    name: "Map + expiry + JSON copies (reference)",
    async: false,
    get: (key) => {
      const entry = live(key);
      return entry === undefined ? undefined : (JSON.parse(entry.json) as unknown);
    },
    set: (key, v) => void map.set(key, { json: JSON.stringify(v), expiresAt: null }),
    increment: (key) => {
      const entry = live(key);
      const next = (entry === undefined ? 0 : (JSON.parse(entry.json) as number)) + 1;
      map.set(key, { json: JSON.stringify(next), expiresAt: entry?.expiresAt ?? null });
      return next;
    },
  };
}

function syncKv(kv: SyncKeyValue, name: string): Subject {
  return { name, async: false, get: (k) => kv.get(k), set: (k, v) => kv.set(k, v), increment: (k) => kv.increment(k) };
}

function asyncKv(kv: KeyValue, name: string): Subject {
  return { name, async: true, get: (k) => kv.get(k), set: (k, v) => kv.set(k, v), increment: (k) => kv.increment(k) };
}

const ROUNDS = 5;

/** Operations per second of `run`: the best of {@link ROUNDS} rounds (the machine may be busy). */
async function rate(ops: number, isAsync: boolean, run: (i: number) => unknown): Promise<number> {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    if (isAsync) for (let i = 0; i < ops; i++) await run(i);
    else for (let i = 0; i < ops; i++) run(i);
    best = Math.max(best, ops / ((performance.now() - start) / 1000));
  }
  return best;
}

async function measure(subject: Subject, ops: number): Promise<Record<string, number>> {
  for (const key of keys) await subject.set(key, value);
  const set = await rate(ops, subject.async, (i) => subject.set(keys[i % KEYS] as string, value));
  const get = await rate(ops, subject.async, (i) => subject.get(keys[i % KEYS] as string));
  const increment = await rate(ops, subject.async, (i) => subject.increment(`n-${i % KEYS}`));
  return { get, set, increment };
}

async function main(): Promise<void> {
  console.log(`KV benchmark: ${OPS} ops per round, best of ${ROUNDS}, over ${KEYS} keys, value ${JSON.stringify(value)}, Node ${process.version}`);
  const backend = new MemoryBackend();
  const subjects: [Subject, number][] = [
    [plainMap(), OPS * 10],
    [jsonMap(), OPS],
    [syncKv(createSyncKeyValue(new SyncStore({ backend, rootPath: "sync" })), "SyncKeyValue (memory)"), OPS],
    [asyncKv(createKeyValue(new Store({ backend }).child("async")), "KeyValue (memory store)"), OPS],
  ];
  const rows: [string, Record<string, number>][] = [];
  for (const [subject, ops] of subjects) rows.push([subject.name, await measure(subject, ops)]);
  const [map, json] = [rows[0]?.[1] ?? {}, rows[1]?.[1] ?? {}];
  const ratio = (a: number | undefined, b: number | undefined): string => ((a ?? 0) / (b ?? 1)).toFixed(3);
  console.table(
    rows.map(([name, r]) => ({
      subject: name,
      "get/s": Math.round(r.get ?? 0),
      "set/s": Math.round(r.set ?? 0),
      "incr/s": Math.round(r.increment ?? 0),
      "get ÷ Map": ratio(r.get, map.get),
      "set ÷ Map": ratio(r.set, map.set),
      "incr ÷ Map": ratio(r.increment, map.increment),
      "get ÷ JSON Map": ratio(r.get, json.get),
      "set ÷ JSON Map": ratio(r.set, json.set),
      "incr ÷ JSON Map": ratio(r.increment, json.increment),
    })),
  );
}

await main();
