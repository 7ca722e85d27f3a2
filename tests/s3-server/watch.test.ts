import { CopyObjectCommand, DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryBackend, type WatchEvent } from "../../src/index.js";
import { startHarness, type Harness } from "./support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ backend: new MemoryBackend() });
});
afterAll(() => h.close());

const shown = (events: readonly WatchEvent[]): string[] => events.map((e) => (e.type === "overflow" ? "overflow" : `${e.type} ${e.kind} ${e.path}`));

describe("serveS3 and watch (spec WATCH-062)", () => {
  it("WATCH-062 WATCH-040 a put, copy and delete sent by an S3 client are reported to a watcher of the served memory store before the response arrives", async () => {
    const events: WatchEvent[] = [];
    const watcher = h.bucketStore.watch("in", { recursive: true, onChange: (event) => events.push(event) });
    await watcher.ready;
    await h.client.send(new PutObjectCommand({ Bucket: h.bucket, Key: "in/a.txt", Body: "hello" }));
    expect(shown(events)).toEqual(["created folder in", "created file in/a.txt"]);
    await h.client.send(new CopyObjectCommand({ Bucket: h.bucket, Key: "in/b.txt", CopySource: `${h.bucket}/in/a.txt` }));
    expect(shown(events).slice(2)).toEqual(["created file in/b.txt"]);
    await h.client.send(new DeleteObjectCommand({ Bucket: h.bucket, Key: "in/a.txt" }));
    expect(shown(events).slice(3)).toEqual(["deleted file in/a.txt"]);
    expect(events[1]).toMatchObject({ size: 5 });
    await watcher.close();
  });
});
