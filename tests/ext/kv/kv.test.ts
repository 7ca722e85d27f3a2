import { afterEach, describe, expect, it, vi } from "vitest";
import { coreCases } from "./cases-core.js";
import { ttlCases } from "./cases-ttl.js";
import { harness, VARIANTS, type Harness } from "./harness.js";

const TABLE = [...coreCases, ...ttlCases];

describe.each(VARIANTS)("key-value view (%s)", (variant) => {
  for (const testCase of TABLE) {
    const run = testCase.skip?.includes(variant) === true ? it.skip : it;
    run(testCase.title, { timeout: testCase.timeout ?? 60_000 }, async () => {
      await testCase.run(await harness(variant));
    });
  }

  describe("sweep", () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it("KV-024 sweepInterval purges on a timer that does not keep the process alive; close stops it", async () => {
      // TEST-003: the interval timer is captured and fired by hand, so nothing waits for real time.
      const fired: (() => void)[] = [];
      const unref = vi.fn();
      const timer = { unref, hasRef: () => unref.mock.calls.length === 0 };
      vi.spyOn(globalThis, "setInterval").mockImplementation(((handler: () => void, ms: number) => {
        expect(ms).toBe(5);
        fired.push(handler);
        return timer;
      }) as unknown as typeof setInterval);
      const cleared = vi.spyOn(globalThis, "clearInterval").mockImplementation(() => undefined);
      const h: Harness = await harness(variant);
      const swept = h.make({ sweepInterval: 5 });
      expect(fired).toHaveLength(1);
      expect(timer.hasRef()).toBe(false);
      await h.kv.set("a", 1, { ttl: 10 });
      await h.kv.set("b", 2);
      h.clock.advance(10);
      fired[0]?.();
      await vi.waitFor(async () => expect(await h.raw.exists("a")).toBe(false), { timeout: 20_000, interval: 5 });
      expect(await h.raw.exists("b")).toBe(true);
      expect(cleared).not.toHaveBeenCalled();
      await swept.close();
      expect(cleared).toHaveBeenCalledWith(timer);
    });

    it("KV-024 a failing sweep reports its error to onSweepError", async () => {
      const h = await harness(variant);
      const errors: unknown[] = [];
      const swept = h.make({ sweepInterval: 2, onSweepError: (error) => errors.push(error) });
      await h.raw.write("corrupt", "nope");
      await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 20_000, interval: 5 });
      expect((errors[0] as { code?: string }).code).toBe("INVALID_ARGUMENT");
      await swept.close();
    });
  });
});
