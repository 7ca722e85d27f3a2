import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../src/index.js";
import { MANUAL_CLOCK_START, ManualClock } from "../../src/testing/index.js";

describe("ManualClock", () => {
  it("FIX-030 starts at 2026-01-01 or at start, moves only when told, and hands out new Dates", () => {
    const clock = new ManualClock();
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(clock.millis).toBe(MANUAL_CLOCK_START);
    const first = clock.now();
    first.setTime(0);
    expect(clock.now()).not.toBe(clock.now());
    expect(clock.millis).toBe(MANUAL_CLOCK_START);
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:01.500Z");
    clock.set(new Date("2030-05-06T07:08:09.000Z"));
    expect(clock.now().toISOString()).toBe("2030-05-06T07:08:09.000Z");
    clock.set(0);
    expect(clock.millis).toBe(0);
    expect(new ManualClock({ start: 42 }).millis).toBe(42);
    expect(new ManualClock({ start: new Date("2020-01-01T00:00:00Z") }).now().toISOString()).toBe("2020-01-01T00:00:00.000Z");
  });

  it("FIX-030 refuses a bad advance or start before changing anything", () => {
    const clock = new ManualClock();
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => clock.advance("5" as never)).toThrow(TypeError);
    expect(() => new ManualClock({ start: new Date("nope") })).toThrow(RangeError);
    expect(() => new ManualClock({ start: "2020" as never })).toThrow(TypeError);
    expect(clock.millis).toBe(MANUAL_CLOCK_START);
  });

  it("FIX-030 a memory store stamps with it: the same times on every run", async () => {
    const clock = new ManualClock();
    await using store = new Store({ backend: new MemoryBackend({ clock: clock.now }) });
    const first = await store.writeText("a.txt", "a");
    clock.advance(60_000);
    await store.writeText("b.txt", "b");
    expect(first.modifiedAt?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect((await store.getFileInfo("b.txt")).modifiedAt.toISOString()).toBe("2026-01-01T00:01:00.000Z");
    expect((await store.getFolderInfo("")).modifiedAt?.toISOString()).toBe("2026-01-01T00:01:00.000Z");
  });
});
