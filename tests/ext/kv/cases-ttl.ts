import { expect } from "vitest";
import { expectCode, expectRangeError, expectTypeError } from "../support/expect.js";
import { record, type KvCase } from "./harness.js";

/** Time to live and counters (spec KV-020..KV-034). */
export const ttlCases: KvCase[] = [
  {
    title: "KV-020 a key expires exactly at expiresAt; the clock may return a Date",
    async run(h) {
      await h.kv.set("k", "v", { ttl: 1000 });
      h.clock.advance(999);
      expect(await h.kv.get("k")).toBe("v");
      h.clock.advance(1);
      expect(await h.kv.get("k")).toBeUndefined();
      const dated = h.make({ clock: () => new Date(h.clock.now) });
      await dated.set("d", 1, { ttl: 10 });
      expect(await record(h, "d")).toEqual({ value: 1, expiresAt: h.clock.now + 10 });
    },
  },
  {
    title: "KV-020 a clock that returns something else is a TypeError when used",
    async run(h) {
      const bad = h.make({ clock: (() => "noon") as never });
      await expectTypeError(() => bad.set("k", 1), "clock");
      const nan = h.make({ clock: () => Number.NaN });
      await expectTypeError(() => nan.increment("k"), "clock");
      expect(await h.raw.exists("k")).toBe(false);
    },
  },
  {
    title: "KV-021 KV-044 bad ttl and options are TypeError/RangeError; nothing changes",
    async run(h) {
      await h.kv.set("k", 1);
      const before = await h.snapshot();
      for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        await expectRangeError(() => h.kv.set("k", 2, { ttl }));
        await expectRangeError(() => h.kv.increment("k", 1, { ttl }));
        expect(() => h.make({ defaultTtl: ttl })).toThrow(RangeError);
      }
      await expectTypeError(() => h.kv.set("k", 2, { ttl: "1s" as never }), "ttl");
      await expectTypeError(() => h.kv.set("k", 2, 5 as never), "options");
      expect(() => h.make({ defaultTtl: "1" as never })).toThrow(TypeError);
      expect(() => h.make({ clock: 5 as never })).toThrow(TypeError);
      expect(() => h.make({ sweepInterval: 0 })).toThrow(RangeError);
      expect(() => h.make({ sweepInterval: 2 ** 31 })).toThrow(RangeError);
      expect(() => h.make({ sweepInterval: "1" as never })).toThrow(TypeError);
      expect(() => h.make({ onSweepError: 1 as never })).toThrow(TypeError);
      expect(await h.snapshot()).toEqual(before);
    },
  },
  {
    title: "KV-022 set replaces value and expiry; defaultTtl applies without ttl; ttl null never expires",
    async run(h) {
      const kv = h.make({ defaultTtl: 100 });
      await kv.set("d", 1);
      await kv.set("forever", 1, { ttl: null });
      await kv.set("own", 1, { ttl: 500 });
      expect((await record(h, "d")) as object).toMatchObject({ expiresAt: h.clock.now + 100 });
      h.clock.advance(50);
      await kv.set("d", 2);
      h.clock.advance(100);
      expect([await kv.get("d"), await kv.get("forever"), await kv.get("own")]).toEqual([undefined, 1, 1]);
      await kv.set("own", 3, { ttl: null });
      h.clock.advance(10_000);
      expect([await kv.get("own"), await kv.has("forever")]).toEqual([3, true]);
    },
  },
  {
    title: "KV-023 expiry is lazy: expired keys read as missing and get/has remove them; purgeExpired sweeps the rest",
    async run(h) {
      await h.kv.set("a", 1, { ttl: 10 });
      await h.kv.set("b/c", 2, { ttl: 10 });
      await h.kv.set("d", 3, { ttl: 20 });
      await h.kv.set("keep", 4);
      h.clock.advance(10);
      expect(await h.kv.keys()).toEqual(["d", "keep"]);
      expect(await h.raw.exists("a")).toBe(true);
      expect(await h.kv.get("a")).toBeUndefined();
      expect(await h.raw.exists("a")).toBe(false);
      expect(await h.kv.has("b/c")).toBe(false);
      expect(await h.raw.exists("b")).toBe(false);
      h.clock.advance(10);
      await h.kv.set("e", 5, { ttl: 1 });
      h.clock.advance(1);
      expect(await h.kv.purgeExpired()).toBe(2);
      expect((await h.raw.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["keep"]);
      expect(await h.kv.purgeExpired()).toBe(0);
    },
  },
  {
    title: "KV-030 increment adds `by` (default 1) from 0 and validates it",
    async run(h) {
      expect(await h.kv.increment("c")).toBe(1);
      expect(await h.kv.increment("c", 10)).toBe(11);
      expect(await h.kv.increment("c", -2.5)).toBe(8.5);
      expect(await h.kv.get("c")).toBe(8.5);
      await expectTypeError(() => h.kv.increment("c", "1" as never), "by");
      await expectRangeError(() => h.kv.increment("c", Number.NaN));
      await expectRangeError(() => h.kv.increment("c", Number.POSITIVE_INFINITY));
      expect(await h.kv.get("c")).toBe(8.5);
    },
  },
  {
    title: "KV-031 fixed window: a new counter gets the ttl, increments keep it, an explicit ttl restarts it",
    async run(h) {
      const kv = h.make({ defaultTtl: 1000 });
      const start = h.clock.now;
      expect(await kv.increment("hits")).toBe(1);
      h.clock.advance(600);
      expect(await kv.increment("hits")).toBe(2);
      expect(await record(h, "hits")).toEqual({ value: 2, expiresAt: start + 1000 });
      h.clock.advance(400);
      expect(await kv.increment("hits")).toBe(1);
      expect(await record(h, "hits")).toEqual({ value: 1, expiresAt: h.clock.now + 1000 });
      expect(await kv.increment("hits", 1, { ttl: 50 })).toBe(2);
      expect(await record(h, "hits")).toEqual({ value: 2, expiresAt: h.clock.now + 50 });
      expect(await kv.increment("hits", 1, { ttl: null })).toBe(3);
      expect(await record(h, "hits")).toEqual({ value: 3, expiresAt: null });
      await h.kv.set("plain", 5);
      expect(await h.kv.increment("plain")).toBe(6);
      expect(await record(h, "plain")).toEqual({ value: 6, expiresAt: null });
    },
  },
  {
    title: "KV-032 incrementing a non-number is InvalidArgument; an overflow is a RangeError; nothing changes",
    async run(h) {
      for (const [key, value] of [["s", "1"], ["n", null], ["o", { n: 1 }], ["b", true], ["a", [1]]] as const) await h.kv.set(key, value);
      await h.kv.set("big", Number.MAX_VALUE);
      const before = await h.snapshot();
      for (const key of ["s", "n", "o", "b", "a"]) await expectCode(() => h.kv.increment(key), "INVALID_ARGUMENT", key);
      await expectRangeError(() => h.kv.increment("big", Number.MAX_VALUE));
      expect(await h.snapshot()).toEqual(before);
    },
  },
  {
    title: "KV-033 KV-034 1,000 concurrent increments from several views give exactly 1,000",
    timeout: 120_000,
    async run(h) {
      const views = [h.kv, h.make(), h.make({ defaultTtl: 60_000 })];
      const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => (views[i % views.length] as (typeof views)[number]).increment("counter")));
      expect(await h.kv.get("counter")).toBe(1000);
      expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect(h.kv.atomicIncrement).toBe(h.variant === "async-memory" || h.variant === "sync-memory");
    },
  },
];
