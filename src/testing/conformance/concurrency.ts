import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import { assert, assertDeepEqual, assertEqual, describeError, fail, show } from "../assert.js";
import { chunksOf, filledBytes, slowIterable, utf8 } from "./support/content.js";
import { expectContent, expectStoreFiles, pathsOf, sorted } from "./support/checks.js";
import type { ConformanceCase } from "./types.js";

const area = "concurrency" as const;

const KEYS = Array.from({ length: 16 }, (_, i) => `k${String(i).padStart(2, "0")}`);

/** Checks that exactly one of `outcomes` fulfilled and the rest are AlreadyExists; returns the winner's index. */
function exactlyOneWinner(outcomes: PromiseSettledResult<unknown>[], path: string): number {
  const winners = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
  assertEqual(winners.length, 1, `number of successful concurrent creators of ${path}`);
  for (const outcome of outcomes) {
    if (outcome.status === "rejected" && !isRemoteStoreError(outcome.reason, "ALREADY_EXISTS")) {
      fail(`a losing creator must get ALREADY_EXISTS, got ${describeError(outcome.reason)}`);
    }
    if (outcome.status === "rejected" && isRemoteStoreError(outcome.reason) && outcome.reason.path !== path) {
      fail(`AlreadyExists path: expected ${JSON.stringify(path)}, got ${show(outcome.reason.path)}`);
    }
  }
  return winners[0] as number;
}

/** spec/store.md ST-033 (exclusive create) and BE-006; backends run operations concurrently from one event loop. */
export const concurrencyCases: readonly ConformanceCase[] = [
  {
    id: "CONF-400",
    area,
    title: "16 concurrent reads of different files each return their own content",
    needs: ["write", "read"],
    run: async (ctx) => {
      await ctx.seed(Object.fromEntries(KEYS.map((k) => [`r/${k}.txt`, `content of ${k}`])));
      const results = await Promise.all(KEYS.map((k) => ctx.store.readText(`r/${k}.txt`)));
      assertDeepEqual(results, KEYS.map((k) => `content of ${k}`), "concurrent reads");
    },
  },
  {
    id: "CONF-401",
    area,
    title: "16 concurrent writes (sharing new parent folders) all land",
    needs: ["write", "read", "list"],
    run: async (ctx) => {
      await Promise.all(KEYS.map((k, i) => ctx.store.write(`w/shared/${k}.txt`, i % 2 === 0 ? `v${k}` : slowIterable([utf8(`v${k}`)]))));
      await expectStoreFiles(ctx.store, KEYS.map((k) => `w/shared/${k}.txt`));
      for (const k of KEYS) await expectContent(ctx.store, `w/shared/${k}.txt`, `v${k}`);
    },
  },
  {
    id: "CONF-402",
    area,
    title: "each concurrent writer reads back its own data",
    needs: ["write", "read"],
    run: async (ctx) => {
      const seen = await Promise.all(
        KEYS.map(async (k) => {
          await ctx.store.write(`own/${k}`, `mine ${k}`);
          return ctx.store.readText(`own/${k}`);
        }),
      );
      assertDeepEqual(seen, KEYS.map((k) => `mine ${k}`), "write-then-read per worker");
    },
  },
  {
    id: "CONF-403",
    area,
    title: "of 8 concurrent creators of one path exactly one wins; the others get AlreadyExists",
    needs: ["write", "read"],
    run: async (ctx) => {
      const contents = Array.from({ length: 8 }, (_, i) => filledBytes(4096, i + 1));
      const outcomes = await Promise.allSettled(contents.map((c, i) => ctx.store.write("race/x.bin", i % 2 === 0 ? slowIterable(chunksOf(c, 1024)) : c)));
      const winner = exactlyOneWinner(outcomes, "race/x.bin");
      await expectContent(ctx.store, "race/x.bin", contents[winner] as Uint8Array);
    },
  },
  {
    id: "CONF-404",
    area,
    title: "of 8 concurrent writeAtomic creators of one path exactly one wins; the others get AlreadyExists",
    needs: ["atomicWrite", "read"],
    run: async (ctx) => {
      const contents = Array.from({ length: 8 }, (_, i) => filledBytes(4096, i + 11));
      const outcomes = await Promise.allSettled(contents.map((c) => ctx.store.writeAtomic("race/y.bin", slowIterable(chunksOf(c, 1024)))));
      const winner = exactlyOneWinner(outcomes, "race/y.bin");
      await expectContent(ctx.store, "race/y.bin", contents[winner] as Uint8Array);
    },
  },
  {
    id: "CONF-405",
    area,
    title: "concurrent atomic overwrites and reads never show a torn payload",
    needs: ["atomicWrite", "write", "read"],
    run: async (ctx) => {
      const size = 16 * 1024;
      await ctx.store.write("torn.bin", filledBytes(size, 0));
      let writing = true;
      const torn: string[] = [];
      const reader = async (): Promise<void> => {
        while (writing) {
          const bytes = await ctx.store.readBytes("torn.bin");
          const first = bytes[0];
          if (bytes.length !== size || bytes.some((b) => b !== first)) torn.push(show(bytes));
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      };
      const writers = Array.from({ length: 4 }, (_, i) => ctx.store.writeAtomic("torn.bin", slowIterable(chunksOf(filledBytes(size, i + 1), 2048)), { overwrite: true }));
      const readers = [reader(), reader(), reader()];
      await Promise.all(writers).finally(() => {
        writing = false;
      });
      await Promise.all(readers);
      assertDeepEqual(torn, [], "torn payloads seen by readers");
    },
  },
  {
    id: "CONF-406",
    area,
    title: "a listing is a snapshot taken when iteration starts: later changes do not show up in it",
    needs: ["write", "delete", "list"],
    run: async (ctx) => {
      const names = Array.from({ length: 10 }, (_, i) => `snap/f${i}.txt`);
      await ctx.seed(Object.fromEntries(names.map((n) => [n, n])));
      const seen: string[] = [];
      let mutated = false;
      for await (const file of ctx.store.listFiles("snap")) {
        seen.push(file.path);
        if (!mutated) {
          mutated = true;
          await ctx.store.delete("snap/f9.txt");
          await ctx.store.write("snap/f5a.txt", "new");
        }
      }
      assertDeepEqual(seen, names, "paths seen by a listing started before the changes");
      assertDeepEqual(sorted(await pathsOf(ctx.store.listFiles("snap"))), sorted([...names.slice(0, 9), "snap/f5a.txt"]), "a new listing");
    },
  },
  {
    id: "CONF-407",
    area,
    title: "mixed concurrent operations (writes, deletes, listings, info) all settle and leave the expected state",
    needs: ["write", "read", "delete", "list", "metadata"],
    run: async (ctx) => {
      await ctx.seed(Object.fromEntries(KEYS.map((k) => [`mix/${k}`, k])));
      const ops: Promise<unknown>[] = [];
      for (const [i, k] of KEYS.entries()) {
        ops.push(i % 2 === 0 ? ctx.store.delete(`mix/${k}`) : ctx.store.write(`mix/${k}`, `${k}!`, { overwrite: true }));
        ops.push(ctx.store.listFiles("mix", { recursive: true }).toArray(), ctx.store.getFolderInfo("mix"), ctx.store.exists(`mix/${k}`));
      }
      const outcomes = await Promise.allSettled(ops);
      const failures = outcomes.flatMap((o) => (o.status === "rejected" ? [describeError(o.reason)] : []));
      assert(failures.length === 0, `operations failed: ${failures.join("; ")}`);
      const odd = KEYS.filter((_, i) => i % 2 === 1);
      await expectStoreFiles(ctx.store, odd.map((k) => `mix/${k}`));
      for (const k of odd) await expectContent(ctx.store, `mix/${k}`, `${k}!`);
    },
  },
];
