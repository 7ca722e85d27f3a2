import { describe, expect, it } from "vitest";
import type { Store } from "../../src/index.js";
import { createFixtureStore, dumpStore } from "../../src/testing/index.js";

/** The code under test in the README's before/after example: moves every report into the archive. */
async function archiveReports(store: Store): Promise<void> {
  for (const file of await store.listFiles("reports", { recursive: true }).toArray()) {
    await store.move(file.path, `archive/${file.path.slice("reports/".length)}`);
  }
}

describe("the README's fixture example", () => {
  for (const backend of ["memory", "local"] as const) {
    it(`FIX-010 FIX-020 seeds, runs and dumps the same on ${backend}`, async () => {
      await using store = await createFixtureStore(
        {
          "reports/2024/q1.csv": "a,b\n1,2\n",
          "reports/logo.png": new Uint8Array([0x89, 0x50]),
          "archive/": null,
        },
        { backend },
      );
      await archiveReports(store);
      expect(await dumpStore(store)).toEqual({
        "archive/2024/q1.csv": "a,b\n1,2\n",
        "archive/logo.png": new Uint8Array([0x89, 0x50]),
        "reports/2024/": null,
      });
    });
  }
});
