// The memory conformance suite, run through the installed package in any runtime (Node, Bun, Deno;
// spec TEST-011): at the backend root and under a rootPath, with a ManualClock as in
// tests/conformance/memory.test.ts. Prints one JSON line: { passed, failed: [...], skipped }.
import { MemoryBackend } from "remote-store";
import { ManualClock, runConformance } from "remote-store/testing";

const clock = new ManualClock();
const options = {
  create: () => new MemoryBackend({ clock: clock.now }),
  createWithQuota: (maxSize) => new MemoryBackend({ maxSize, clock: clock.now }),
  clock,
  timestampToleranceMs: 0,
};
const reports = [await runConformance(options), await runConformance({ ...options, rootPath: "conformance-root" })];
console.log(
  JSON.stringify({
    passed: reports.reduce((sum, report) => sum + report.passed, 0),
    failed: reports.flatMap((report) => report.failed.map((failure) => `${failure.id} ${failure.title}: ${failure.message}`)),
    skipped: reports.reduce((sum, report) => sum + report.skipped.length, 0),
  }),
);
