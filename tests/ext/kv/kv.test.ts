import { afterEach, describe, expect, it, vi } from "vitest";
import { coreCases } from "./cases-core.js";
import { ttlCases } from "./cases-ttl.js";
import { harness, VARIANTS, type Harness } from "./harness.js";

const TABLE = [...coreCases, ...ttlCases];

describe.each(VARIANTS)("key-value view (%s)", (variant) => {
  for (const testCase of TABLE) {
    const run = testCase.skip?.includes(variant) === true ? it.skip : it;
    run(testCase.title, { timeout: testCase.timeout ?? 20_000 }, async () => {
      await testCase.run(await harness(variant));
    });
  }

  describe("sweep", () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it("KV-024 sweepInterval purges on a timer that does not keep the process alive; close stops it", async () => {
      const timers: { hasRef?: () => boolean }[] = [];
      const realSetInterval = globalThis.setInterval;
      vi.spyOn(globalThis, "setInterval").mockImplementation(((handler: () => void, ms: number) => {
        const timer = realSetInterval(handler, ms);
        timers.push(timer);
        return timer;
      }) as typeof setInterval);
      const h: Harness = await harness(variant);
      const swept = h.make({ sweepInterval: 5 });
      expect(timers).toHaveLength(1);
      expect(timers[0]?.hasRef?.()).toBe(false);
      await h.kv.set("a", 1, { ttl: 10 });
      await h.kv.set("b", 2);
      h.clock.advance(10);
      await vi.waitFor(async () => expect(await h.raw.exists("a")).toBe(false), { timeout: 5000, interval: 5 });
      await swept.close();
      await h.kv.set("c", 3, { ttl: 1 });
      h.clock.advance(1);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(await h.raw.exists("c")).toBe(true);
    });

    it("KV-024 a failing sweep reports its error to onSweepError", async () => {
      const h = await harness(variant);
      const errors: unknown[] = [];
      const swept = h.make({ sweepInterval: 2, onSweepError: (error) => errors.push(error) });
      await h.raw.write("corrupt", "nope");
      await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 5000, interval: 5 });
      expect((errors[0] as { code?: string }).code).toBe("INVALID_ARGUMENT");
      await swept.close();
    });
  });
});
