import { describe, expect, it } from "vitest";
import { isRemoteStoreError, MemoryBackend, Store } from "../../../src/index.js";
import { cache } from "../../../src/ext/cache/index.js";
import { seededRandom } from "../../../src/ext/faults/seeded-random.js";
import { ManualClock } from "../../../src/testing/index.js";

// CACHE-012 (TEST-007): fixed CI size; CACHE_MODEL_RUNS=<n> runs n sequences instead.
const RUNS = Number(process.env.CACHE_MODEL_RUNS ?? 60);
const STEPS = 120;

const FOLDERS = ["", "d0", "d0/e", "d1"];
const FILES = ["d0/f0", "d0/f1", "d0/e/f0", "d1/f0", "f0"];

/** One step: a description and what it does to a store (the plain one or the cached one). */
interface Step {
  readonly label: string;
  run(store: Store): Promise<unknown>;
}

/** The outcome of a step, comparable with toEqual: plain data, or an error's code and path. */
async function outcome(step: Step, store: Store): Promise<unknown> {
  try {
    return plain(await step.run(store));
  } catch (error) {
    if (!isRemoteStoreError(error)) throw error;
    return { error: error.code, path: error.path };
  }
}

function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return [...value];
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function steps(random: () => number): Step[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const flag = (): boolean => random() < 0.5;
  const any = (): string => pick([...FOLDERS, ...FILES, "d0/f0/x", "nope"]);
  const makers: (() => Step)[] = [
    () => {
      const [p, text, overwrite] = [pick(FILES), `v${Math.floor(random() * 100)}`, flag()];
      return { label: `write ${p} ${text} ${overwrite}`, run: (s) => s.write(p, text, { overwrite }) };
    },
    () => {
      const [p, missingOk] = [pick(FILES), flag()];
      return { label: `delete ${p}`, run: (s) => s.delete(p, { missingOk }) };
    },
    () => {
      const [p, recursive, missingOk] = [pick(FOLDERS.slice(1)), flag(), flag()];
      return { label: `deleteFolder ${p} ${recursive}`, run: (s) => s.deleteFolder(p, { recursive, missingOk }) };
    },
    () => {
      const [a, b, overwrite, op] = [pick(FILES), pick(FILES), flag(), pick(["move", "copy"] as const)];
      return { label: `${op} ${a} ${b}`, run: (s) => s[op](a, b, { overwrite }) };
    },
    () => {
      const [p, existOk] = [pick(FOLDERS.slice(1)), flag()];
      return { label: `createFolder ${p}`, run: (s) => s.createFolder(p, { existOk }) };
    },
    () => {
      const [a, b, overwrite, op] = [pick(FOLDERS.slice(1)), pick(["d2", "d1", "d0/e", "d3/g"]), flag(), pick(["moveFolder", "copyFolder"] as const)];
      return { label: `${op} ${a} ${b}`, run: (s) => s[op](a, b, { overwrite }) };
    },
    ...(["exists", "isFile", "isFolder"] as const).map((op) => () => {
      const p = any();
      return { label: `${op} ${p}`, run: (s: Store) => s[op](p) };
    }),
    () => {
      const p = pick(FILES);
      return { label: `getFileInfo ${p}`, run: (s) => s.getFileInfo(p) };
    },
    () => {
      const p = pick(FOLDERS);
      return { label: `getFolderInfo ${p}`, run: (s) => s.getFolderInfo(p) };
    },
    () => {
      const p = pick(FILES);
      return { label: `readText ${p}`, run: (s) => s.readText(p) };
    },
    () => {
      const [p, offset] = [pick(FILES), Math.floor(random() * 3)];
      return { label: `readBytes ${p} ${offset}`, run: (s) => s.readBytes(p, { offset }) };
    },
    () => {
      const [p, recursive, op] = [pick(FOLDERS), flag(), pick(["listFiles", "listFolders"] as const)];
      return { label: `${op} ${p} ${recursive}`, run: (s) => s[op](p, { recursive }).toArray() };
    },
    () => {
      const p = pick(FOLDERS);
      return {
        label: `iterChildren ${p}`,
        run: async (s) => {
          const names: string[] = [];
          for await (const entry of s.iterChildren(p)) names.push(entry.path);
          return names;
        },
      };
    },
    () => {
      const pattern = pick(["**", "d0/**/f0", "*/f1", "**/e/*"]);
      return { label: `glob ${pattern}`, run: (s) => s.glob(pattern).toArray() };
    },
  ];
  return Array.from({ length: STEPS }, () => pick(makers)());
}

describe("cache model", () => {
  it("CACHE-012 random sequences with every change through the cache match the plain store", async () => {
    for (let run = 0; run < RUNS; run++) {
      const random = seededRandom(run + 1);
      const clock = new ManualClock();
      const plainRoot = new Store({ backend: new MemoryBackend({ clock: clock.now }) });
      const cachedRoot = cache(new Store({ backend: new MemoryBackend({ clock: clock.now }) }), { ttl: 20, maxEntries: 200, clock: clock.now });
      const views: [Store, Store][] = [
        [plainRoot, cachedRoot],
        [plainRoot.child("d0"), cachedRoot.child("d0")],
      ];
      const sequence = steps(random);
      for (const [index, step] of sequence.entries()) {
        const [plainView, cachedView] = views[random() < 0.8 ? 0 : 1]!;
        const expected = await outcome(step, plainView);
        const actual = await outcome(step, cachedView);
        expect(actual, `run ${run} step ${index} (${step.label})`).toEqual(expected);
        if (random() < 0.2) clock.advance(Math.floor(random() * 3000));
      }
      await plainRoot.close();
      await cachedRoot.close();
    }
  });
});
