import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { replScope } from "../../src/cli/repl/scope.js";
import { Session } from "../../src/cli/session/session.js";
import { traceLine } from "../../src/cli/trace.js";
import { MemoryBackend, NotFound, Store } from "../../src/index.js";
import { registerNodeSupport } from "../../src/node/register.js";
import { capturedIo } from "./support/captured-io.js";
import { makeWorkspace, type Workspace } from "./support/run-cli.js";

let ws: Workspace;

beforeAll(async () => {
  registerNodeSupport();
  ws = await makeWorkspace();
  await ws.write("data/reports/r.txt", "hello");
});

afterAll(() => ws.remove());

function io(): ReturnType<typeof capturedIo> {
  return capturedIo(ws.dir);
}

describe("--trace and the REPL's wrappers", () => {
  it("CLI-004 --trace prints every store operation with its time on stderr, one line each; stdout is unchanged", async () => {
    const plain = io();
    expect(await main(["cat", "file:./data/reports/r.txt"], plain)).toBe(0);
    const traced = io();
    expect(await main(["--trace", "cat", "file:./data/reports/r.txt"], traced)).toBe(0);
    expect(traced.stdout.text).toBe(plain.stdout.text);
    const traceLines = traced.stderr.text.split("\n").filter((line) => line !== "");
    expect(traceLines.length).toBeGreaterThan(0);
    for (const line of traceLines) expect(line).toMatch(/^trace: \w+ .*\d+\.\d\d ms/);
    expect(traceLines.some((line) => /^trace: read ".*data\/reports\/r\.txt" \d+\.\d\d ms 5 B$/.test(line))).toBe(true);
    // A plain path is a local file (CLI-022), observed the same way.
    const plainPath = io();
    expect(await main(["--trace", "cat", "data/reports/r.txt"], plainPath)).toBe(0);
    expect(plainPath.stdout.text).toBe(plain.stdout.text);
    expect(plainPath.stderr.text).toMatch(/^trace: read ".*data\/reports\/r\.txt" \d+\.\d\d ms 5 B$/m);
    const failing = io();
    expect(await main(["cat", "--trace", "file:./data/reports/missing.txt"], failing)).not.toBe(0);
    expect(failing.stderr.text).toMatch(/^trace: \w+ ".*missing\.txt" .* NOT_FOUND$/m);
  });

  it("CLI-004 a trace line names the operation, paths, time, bytes, items and error code", () => {
    const store = new Store({ backend: new MemoryBackend() });
    const base = { id: 1, store, startedAt: 0, durationMs: 1.234 };
    expect(traceLine({ ...base, operation: "move", path: "a", to: "b" })).toBe('trace: move "a" -> "b" 1.23 ms');
    expect(traceLine({ ...base, operation: "listFiles", path: "", items: 3 })).toBe('trace: listFiles "" 1.23 ms 3 items');
    expect(traceLine({ ...base, operation: "readBytes", path: "x", error: new NotFound("no", { path: "x" }) })).toBe('trace: readBytes "x" 1.23 ms NOT_FOUND');
  });

  it("CLI-070 the REPL has observe, cache, withFaults and wrapStore in scope", async () => {
    const session = await Session.open({ config: undefined, store: undefined, env: {}, cwd: ws.dir });
    try {
      const scope = replScope(session);
      for (const name of ["observe", "cache", "withFaults", "wrapStore"]) expect(typeof scope[name], name).toBe("function");
    } finally {
      await session.close();
    }
  });
});
