import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isRemoteStoreError, type Store } from "../../src/index.js";
import { main } from "../../src/cli/main.js";
import { Session } from "../../src/cli/session/session.js";
import { registerNodeSupport } from "../../src/node/register.js";
import { capturedIo } from "./support/captured-io.js";
import { makeWorkspace, type Workspace } from "./support/run-cli.js";

let ws: Workspace;

beforeAll(async () => {
  registerNodeSupport();
  ws = await makeWorkspace();
  await ws.write("data/reports/r.txt", "r");
});

afterAll(() => ws.remove());

function io(): ReturnType<typeof capturedIo> {
  return capturedIo(ws.dir);
}

async function expectClosed(store: Store, label: string): Promise<void> {
  const outcome = await store.exists("x").then(
    () => "open",
    (error: unknown) => (isRemoteStoreError(error, "BACKEND_UNAVAILABLE") ? "closed" : String(error)),
  );
  expect(outcome, label).toBe("closed");
}

describe("closing what a command opened (CLI-012)", () => {
  it("CLI-012 Session.close closes every backend it created: configured stores, URL stores and the default store", async () => {
    const session = await Session.open({ config: undefined, store: undefined, env: {}, cwd: ws.dir });
    const stores = {
      "reports:": session.location("reports:r.txt").store,
      "tiny:": session.location("tiny:").store,
      "memory://x/": session.location("memory://x/a.txt").store,
      "file:./data": session.location("file:./data/reports/r.txt").store,
      default: session.defaultStoreRoot().store,
    };
    for (const store of Object.values(stores)) await store.exists("");
    await session.close();
    for (const [label, store] of Object.entries(stores)) await expectClosed(store, label);
  });

  it("CLI-012 main closes every store the command opened, also when the command fails", async () => {
    const location = vi.spyOn(Session.prototype, "location");
    try {
      const failing = io();
      expect(await main(["cat", "reports:missing.txt"], failing)).toBe(4);
      expect(failing.stderr.text).toMatch(/^remote-store: NOT_FOUND: reports:missing\.txt: /);
      const fine = io();
      expect(await main(["cp", "file:./data/reports/r.txt", "memory://copy/r.txt"], fine), fine.stderr.text).toBe(0);
      const opened = location.mock.results.map((result) => (result.type === "return" ? result.value.store : undefined)).filter((store) => store !== undefined);
      expect(opened.length).toBeGreaterThanOrEqual(3);
      for (const [i, store] of opened.entries()) await expectClosed(store, `store ${i} after main`);
    } finally {
      location.mockRestore();
    }
  });
});
