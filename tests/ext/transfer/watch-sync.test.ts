import { describe, expect, it } from "vitest";
import { MemoryBackend, Store } from "../../../src/index.js";
import { syncStores } from "../../../src/ext/transfer/index.js";
import { recordEvents } from "../../../src/testing/index.js";

describe("syncStores watch mode (spec XFER-040)", () => {
  it("XFER-040 keeps the destination in sync with every change until the signal aborts, then resolves with the totals", async () => {
    const src = new Store({ backend: new MemoryBackend() });
    const dst = new Store({ backend: new MemoryBackend() });
    await src.write("old.txt", "before");
    await using seen = await recordEvents(dst, "", { recursive: true });
    const controller = new AbortController();
    const running = syncStores(src, dst, { watch: controller.signal, deleteExtra: true });
    await seen.waitFor((events) => events.some((e) => e.type === "created" && e.path === "old.txt"), "the first pass");
    await src.write("new/a.txt", "hello");
    await src.move("old.txt", "renamed.txt");
    await seen.waitFor((events) => events.some((e) => e.type === "deleted" && e.path === "old.txt") && events.some((e) => e.type === "created" && e.path === "new/a.txt"), "the changes at the destination");
    await seen.waitFor((events) => events.some((e) => e.type === "created" && e.path === "renamed.txt"), "the move at the destination");
    controller.abort();
    const result = await running;
    expect(await dst.readText("new/a.txt")).toBe("hello");
    expect(await dst.exists("old.txt")).toBe(false);
    expect(result.created).toBeGreaterThanOrEqual(3);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
  });

  it("XFER-040 watch needs an AbortSignal and a source that can watch", async () => {
    const src = new Store({ backend: new MemoryBackend() });
    const dst = new Store({ backend: new MemoryBackend() });
    await expect(syncStores(src, dst, { watch: "yes" as never })).rejects.toBeInstanceOf(TypeError);
  });
});
