import type { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it, onTestFinished } from "vitest";
import { S3Backend } from "../../../src/s3.js";
import { Store, type WatchEvent } from "../../../src/index.js";
import { rawClient } from "./support/raw-client.js";
import { randomPrefix, serverOptions } from "./support/server.js";

const shown = (events: readonly WatchEvent[]): string[] => events.map((e) => (e.type === "overflow" ? "overflow" : `${e.type} ${e.kind} ${e.path}`));

/** A store over a backend that polls only when told (`watchInterval: 0`), through a client that can be made to fail. */
function pollingStore(): { store: Store; backend: S3Backend; fail: (on: boolean) => void } {
  const real = rawClient();
  let failing = false;
  const client = { send: (command: never) => (failing ? Promise.reject(new Error("the network is down")) : real.send(command)) } as unknown as S3Client;
  const { bucket, conditionalWrites } = serverOptions();
  const backend = new S3Backend({ bucket, conditionalWrites: conditionalWrites ?? true, client, prefix: randomPrefix("watch"), watchInterval: 0 });
  const store = new Store({ backend });
  onTestFinished(async () => {
    await store.close();
    real.destroy();
  });
  return { store, backend, fail: (on) => void (failing = on) };
}

describe("S3Backend watch by polling (spec WATCH-060, WATCH-061)", () => {
  it("WATCH-060 S3-110 each poll reports the difference to the last: folders first, files in path order, deleted folders last", async () => {
    const { store, backend } = pollingStore();
    await store.write("keep.txt", "k");
    const events: WatchEvent[] = [];
    const watcher = store.watch("", { recursive: true, onChange: (event) => events.push(event) });
    await watcher.ready;
    await store.write("b/z.txt", "1");
    await store.write("a/x/y.txt", "22");
    await store.createFolder("empty");
    await backend.pollWatchers();
    await Promise.resolve();
    expect(shown(events)).toEqual(["created folder a", "created folder a/x", "created folder b", "created folder empty", "created file a/x/y.txt", "created file b/z.txt"]);
    expect(events[4]).toMatchObject({ size: 2 });
    events.length = 0;
    await store.write("keep.txt", "changed", { overwrite: true });
    await store.deleteFolder("a", { recursive: true });
    await backend.pollWatchers();
    await Promise.resolve();
    expect(shown(events)).toEqual(["deleted file a/x/y.txt", "updated file keep.txt", "deleted folder a/x", "deleted folder a"]);
    await watcher.close();
  });

  it("WATCH-061 changes that undo each other between two polls are not seen; several writes are one update", async () => {
    const { store, backend } = pollingStore();
    await store.write("f.txt", "0");
    const events: WatchEvent[] = [];
    const watcher = store.watch("", { onChange: (event) => events.push(event) });
    await watcher.ready;
    await store.write("tmp.txt", "x");
    await store.delete("tmp.txt");
    await store.write("f.txt", "1", { overwrite: true });
    await store.write("f.txt", "22", { overwrite: true });
    await backend.pollWatchers();
    await Promise.resolve();
    expect(shown(events)).toEqual(["updated file f.txt"]);
    await watcher.close();
  });

  it("WATCH-061 a failed poll is tried again; three in a row end the watcher with the last error", async () => {
    const { store, backend, fail: failPolls } = pollingStore();
    const fail = (on: boolean): void => failPolls(on);
    const errors: unknown[] = [];
    const watcher = store.watch("", { onChange: () => undefined, onError: (error) => errors.push(error) });
    await watcher.ready;
    fail(true);
    await backend.pollWatchers();
    await backend.pollWatchers();
    expect(watcher.closed).toBe(false);
    fail(false);
    await backend.pollWatchers();
    fail(true);
    for (let i = 0; i < 3; i++) await backend.pollWatchers();
    await Promise.resolve();
    expect(watcher.closed).toBe(true);
    expect(errors).toHaveLength(1);
  });

  it("WATCH-060 a watch of a file is InvalidPath; closing the backend ends its watchers", async () => {
    const { store } = pollingStore();
    await store.write("file.txt", "x");
    await expect(store.watch("file.txt").ready).rejects.toMatchObject({ code: "INVALID_PATH", path: "file.txt" });
    const watcher = store.watch("");
    await watcher.ready;
    await store.backend.close();
    expect(watcher.closed).toBe(true);
  });
});
