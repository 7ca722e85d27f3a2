import { expect } from "vitest";
import { expectCode, expectTypeError } from "../support/expect.js";
import { record, type KvCase } from "./harness.js";

/** Layout, keys, values, listing and lifecycle (spec KV-001..KV-012, KV-040..KV-045). */
export const coreCases: KvCase[] = [
  {
    title: "KV-001 each key is one JSON file with its value and expiry",
    async run(h) {
      await h.kv.set("plain", { x: [1, "two", null] });
      await h.kv.set("sessions/abc", "s", { ttl: 5000 });
      expect(await record(h, "plain")).toEqual({ value: { x: [1, "two", null] }, expiresAt: null });
      expect(await record(h, "sessions/abc")).toEqual({ value: "s", expiresAt: h.clock.now + 5000 });
      expect((await h.raw.listFiles("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["plain", "sessions/abc"]);
    },
  },
  {
    title: "KV-001 a file that is not a record is InvalidArgument naming the key",
    async run(h) {
      await h.raw.write("bad", "not json");
      await h.raw.write("shape", '{"nothing":1}');
      await h.raw.write("expiry", '{"value":1,"expiresAt":"soon"}');
      for (const key of ["bad", "shape", "expiry"]) {
        await expectCode(() => h.kv.get(key), "INVALID_ARGUMENT", key);
        await expectCode(() => h.kv.increment(key), "INVALID_ARGUMENT", key);
      }
      await expectCode(() => h.kv.keys(), "INVALID_ARGUMENT", "bad");
      expect(await h.raw.readText("bad")).toBe("not json");
      await h.kv.set("bad", 1);
      expect(await h.kv.get("bad")).toBe(1);
    },
  },
  {
    title: "KV-002 KV-044 keys that are not normalised paths are InvalidPath; non-strings TypeError; nothing changes",
    async run(h) {
      const before = await h.snapshot();
      for (const key of ["", "/a", "a/", "a//b", "./a", "a/./b", "a/..", "..", "a\\b", "a\0b", "."]) {
        const error = await expectCode(() => h.kv.set(key, 1), "INVALID_PATH");
        expect(error.path).toBe(key.replaceAll("\0", "\\0"));
        await expectCode(() => h.kv.get(key), "INVALID_PATH");
        await expectCode(() => h.kv.increment(key), "INVALID_PATH");
        await expectCode(() => h.kv.delete(key), "INVALID_PATH");
        await expectCode(() => h.kv.has(key), "INVALID_PATH");
      }
      for (const key of [undefined, 1, null, ["a"], { key: "a" }]) {
        await expectTypeError(() => h.kv.set(key as never, 1), "key");
        await expectTypeError(() => h.kv.get(key as never), "key");
      }
      expect(await h.snapshot()).toEqual(before);
      await h.kv.set("Ünïcode key/with spaces/..dots../x", 1);
      expect(await h.kv.keys()).toEqual(["Ünïcode key/with spaces/..dots../x"]);
    },
  },
  {
    title: "KV-003 a live key and a key below it cannot coexist; get of a folder path is missing",
    async run(h) {
      await h.kv.set("a", 1);
      const before = await h.snapshot();
      await expectCode(() => h.kv.set("a/b", 2), "INVALID_PATH");
      await expectCode(() => h.kv.increment("a/b"), "INVALID_PATH");
      expect(await h.snapshot()).toEqual(before);
      await h.kv.set("x/y/z", 3);
      await expectCode(() => h.kv.set("x", 4), "INVALID_PATH");
      await expectCode(() => h.kv.set("x/y", 4), "INVALID_PATH");
      expect([await h.kv.get("x"), await h.kv.has("x/y"), await h.kv.get("a/b")]).toEqual([undefined, false, undefined]);
      expect(await h.kv.delete("x")).toBe(false);
      expect(await h.kv.get("x/y/z")).toBe(3);
    },
  },
  {
    title: "KV-003 expired keys never block a set, and deleting a key removes the folders it leaves empty",
    async run(h) {
      await h.kv.set("a", 1, { ttl: 100 });
      await h.kv.set("f/old1", 1, { ttl: 100 });
      await h.kv.set("f/deep/old2", 1, { ttl: 100 });
      h.clock.advance(100);
      await h.kv.set("a/b", 2);
      await h.kv.increment("f");
      expect(await h.kv.keys()).toEqual(["a/b", "f"]);
      expect(await h.kv.delete("a/b")).toBe(true);
      expect(await h.raw.exists("a")).toBe(false);
      await h.kv.set("p/q/r", 1);
      await h.kv.set("p/s", 1);
      await h.kv.delete("p/q/r");
      expect((await h.raw.listFolders("", { recursive: true }).toArray()).map((f) => f.path)).toEqual(["p"]);
    },
  },
  {
    title: "KV-010 JSON values round-trip; undefined object properties are omitted",
    async run(h) {
      const values: unknown[] = [0, -1.5, 1e300, "", "text ✓", true, false, null, [], {}, [1, [2, [3]]], { a: { b: { c: "d" } } }, Object.create(null) as object];
      for (const [i, value] of values.entries()) {
        await h.kv.set(`v${i}`, value);
        expect(await h.kv.get(`v${i}`)).toEqual(value);
      }
      await h.kv.set("sparse", { kept: 1, dropped: undefined });
      expect(await h.kv.get("sparse")).toStrictEqual({ kept: 1 });
      const shared = { s: 1 };
      await h.kv.set("dag", [shared, shared]);
      expect(await h.kv.get("dag")).toEqual([{ s: 1 }, { s: 1 }]);
    },
  },
  {
    title: "KV-010 KV-044 values JSON cannot represent faithfully are TypeErrors naming where; nothing changes",
    async run(h) {
      await h.kv.set("k", "original");
      const before = await h.snapshot();
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic.self = cyclic;
      const cases: [unknown, string][] = [
        [undefined, "value"],
        [() => 1, "value"],
        [Symbol("s"), "value"],
        [10n, "value"],
        [Number.NaN, "value"],
        [Number.POSITIVE_INFINITY, "value"],
        [{ list: [1, undefined] }, "value.list[1]"],
        [{ deep: { fn: () => 1 } }, "value.deep.fn"],
        [{ big: 1n }, "value.big"],
        [[1, Number.NEGATIVE_INFINITY], "value[1]"],
        [cyclic, "value.self"],
        [new Date(0), "value"],
        [{ m: new Map() }, "value.m"],
        [[new Uint8Array(2)], "value[0]"],
        [new Array(3), "value[0]"],
      ];
      for (const [value, where] of cases) await expectTypeError(() => h.kv.set("k", value), where);
      expect(await h.snapshot()).toEqual(before);
    },
  },
  {
    title: "KV-011 a stored null is distinguishable from a missing key",
    async run(h) {
      await h.kv.set("n", null);
      expect(await h.kv.get("n")).toBeNull();
      expect(await h.kv.has("n")).toBe(true);
      expect(await h.kv.get("missing")).toBeUndefined();
      expect(await h.kv.has("missing")).toBe(false);
      expect(await h.kv.keys()).toEqual(["n"]);
    },
  },
  {
    title: "KV-012 values are copied in and out",
    async run(h) {
      const value = { list: [1, 2] };
      await h.kv.set("k", value);
      value.list.push(3);
      const got = await h.kv.get<{ list: number[] }>("k");
      expect(got).toEqual({ list: [1, 2] });
      got?.list.push(4);
      expect(await h.kv.get("k")).toEqual({ list: [1, 2] });
    },
  },
  {
    title: "KV-040 KV-041 KV-042 keys in code point order, clear removes everything, delete reports live keys",
    async run(h) {
      for (const key of ["b", "a/z", "a/b", "B", "é", "a-"]) await h.kv.set(key, key);
      expect(await h.kv.keys()).toEqual(["B", "a-", "a/b", "a/z", "b", "é"]);
      expect(await h.kv.delete("b")).toBe(true);
      expect(await h.kv.delete("b")).toBe(false);
      await h.kv.set("t", 1, { ttl: 10 });
      h.clock.advance(10);
      expect(await h.kv.delete("t")).toBe(false);
      expect(await h.raw.exists("t")).toBe(false);
      await h.kv.clear();
      expect(await h.kv.keys()).toEqual([]);
      expect(await h.raw.listFiles("", { recursive: true }).toArray()).toEqual([]);
      await h.kv.set("again", 1);
      expect(await h.kv.get("again")).toBe(1);
    },
  },
  {
    title: "KV-043 close is idempotent, makes the view unusable and leaves the store open",
    async run(h) {
      await h.kv.set("k", 1);
      await h.kv.close();
      await h.kv.close();
      for (const call of [() => h.kv.get("k"), () => h.kv.set("k", 2), () => h.kv.increment("k"), () => h.kv.keys(), () => h.kv.purgeExpired(), () => h.kv.clear()]) {
        await expectCode(call, "BACKEND_UNAVAILABLE");
      }
      expect(await h.raw.readText("k")).toContain('"value":1');
      expect(await h.make().get("k")).toBe(1);
    },
  },
];
