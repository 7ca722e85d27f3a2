import { expect, it } from "vitest";
import { MemoryBackend, Store } from "../../../src/index.js";
import { withFaults } from "../../../src/ext/faults/index.js";

/** The code under test in the README's withFaults example: writes a report as a stream of lines. */
async function publishReport(store: Store, name: string, csv: string): Promise<void> {
  const lines = csv.split(/(?<=\n)/);
  await store.write(`reports/${name}.csv`, (async function* () {
    for (const line of lines) yield line;
  })(), { overwrite: true });
}

// FAULT-004 FAULT-006: the README's example, as it is written there.
it("keeps the old report when the upload breaks off", async () => {
  const store = new Store({ backend: new MemoryBackend() });
  await store.write("reports/q1.csv", "old");
  const flaky = withFaults(store, [
    { operations: ["write"], paths: "reports/**", afterBytes: 4, error: "BACKEND_UNAVAILABLE", times: 1 },
  ]);

  await expect(publishReport(flaky, "q1", "region,total\nnorth,12\n")).rejects.toMatchObject({
    code: "BACKEND_UNAVAILABLE",
    path: "reports/q1.csv",
  });
  expect(await store.readText("reports/q1.csv")).toBe("old"); // a failed write changes nothing
  expect(flaky.calls).toEqual([{ operation: "write", path: "reports/q1.csv", rule: 0 }]);

  await publishReport(flaky, "q1", "region,total\nnorth,12\n"); // `times: 1`: the retry goes through
  expect(await store.readText("reports/q1.csv")).toBe("region,total\nnorth,12\n");
});
