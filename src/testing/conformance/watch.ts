import type { ChangeEvent, WatchEvent } from "../../contract/watch.js";
import { assert, expectError, expectThrowsSync, show } from "../assert.js";
import { recordEvents } from "../watch/event-log.js";
import type { ConformanceCase } from "./types.js";

const area = "watch" as const;

type Match = Partial<Pick<ChangeEvent, "type" | "kind" | "path" | "from">>;

function changes(events: readonly WatchEvent[]): ChangeEvent[] {
  return events.filter((event): event is ChangeEvent => event.type !== "overflow");
}

function has(events: readonly WatchEvent[], match: Match): boolean {
  return changes(events).some((event) => Object.entries(match).every(([key, value]) => (event as unknown as Record<string, unknown>)[key] === value));
}

/** A move as one `moved` event, or as `deleted` + `created` where the backend cannot pair them (WATCH-052, WATCH-061). */
function hasMove(events: readonly WatchEvent[], kind: "file" | "folder", from: string, to: string): boolean {
  return has(events, { type: "moved", kind, from, path: to }) || (has(events, { type: "deleted", kind, path: from }) && has(events, { type: "created", kind, path: to }));
}

/** spec/watch.md: `store.watch` on every backend that declares `watch`. Events are awaited with a deadline, never slept for. */
export const watchCases: readonly ConformanceCase[] = [
  {
    id: "CONF-640",
    area,
    title: "a recursive watcher reports a new file as created (kind file, store-relative path, its size)",
    needs: ["watch", "write"],
    run: async (ctx) => {
      await using log = await recordEvents(ctx.store, "", { recursive: true });
      await ctx.store.write("docs/a.txt", "hello");
      await log.waitFor((events) => has(events, { type: "created", kind: "file", path: "docs/a.txt" }), "created docs/a.txt");
      const created = changes(log.events).find((event) => event.type === "created" && event.path === "docs/a.txt");
      assert(created?.size === undefined || created.size === 5, `size of the created event: ${show(created?.size)}`);
      assert(created?.modifiedAt === undefined || created.modifiedAt instanceof Date, "modifiedAt is a Date");
      assert(Object.isFrozen(created), "the event is frozen");
    },
  },
  {
    id: "CONF-641",
    area,
    title: "an overwrite is reported as updated",
    needs: ["watch", "write"],
    run: async (ctx) => {
      await ctx.store.write("a.txt", "one");
      await using log = await recordEvents(ctx.store, "", { recursive: true });
      await ctx.store.write("a.txt", "two, longer", { overwrite: true });
      await log.waitFor((events) => has(events, { type: "updated", kind: "file", path: "a.txt" }), "updated a.txt");
    },
  },
  {
    id: "CONF-642",
    area,
    title: "a deleted file is reported as deleted",
    needs: ["watch", "write", "delete"],
    run: async (ctx) => {
      await ctx.store.write("d/a.txt", "x");
      await ctx.store.write("d/keep.txt", "x");
      await using log = await recordEvents(ctx.store, "", { recursive: true });
      await ctx.store.delete("d/a.txt");
      await log.waitFor((events) => has(events, { type: "deleted", kind: "file", path: "d/a.txt" }), "deleted d/a.txt");
    },
  },
  {
    id: "CONF-643",
    area,
    title: "a move is one moved event, or deleted + created where the backend cannot pair them",
    needs: ["watch", "write", "move"],
    run: async (ctx) => {
      await ctx.store.write("m/a.txt", "x");
      await using log = await recordEvents(ctx.store, "", { recursive: true });
      await ctx.store.move("m/a.txt", "m/b.txt");
      await log.waitFor((events) => hasMove(events, "file", "m/a.txt", "m/b.txt"), "the move m/a.txt → m/b.txt");
    },
  },
  {
    id: "CONF-644",
    area,
    title: "a watcher of a folder sees changes below it only, with store-relative paths",
    needs: ["watch", "write"],
    run: async (ctx) => {
      await ctx.store.write("in/seed.txt", "x");
      await using log = await recordEvents(ctx.store, "in", { recursive: true });
      assert(log.watcher.path === "in", `watcher.path: ${show(log.watcher.path)}`);
      await ctx.store.write("out/a.txt", "x");
      await ctx.store.write("inside.txt", "x");
      await ctx.store.write("in/deep/b.txt", "x");
      await log.waitFor((events) => has(events, { type: "created", kind: "file", path: "in/deep/b.txt" }), "created in/deep/b.txt");
      const outside = changes(log.events).filter((event) => !event.path.startsWith("in/"));
      assert(outside.length === 0, `events outside the watched folder: ${show(outside)}`);
    },
  },
  {
    id: "CONF-645",
    area,
    title: "without recursive a watcher sees the folder's own entries, not deeper ones",
    needs: ["watch", "write"],
    run: async (ctx) => {
      await ctx.store.write("sub/seed.txt", "x");
      await using log = await recordEvents(ctx.store, "");
      assert(!log.watcher.recursive, "recursive defaults to false");
      await ctx.store.write("sub/deep.txt", "x");
      await ctx.store.write("top.txt", "x");
      await log.waitFor((events) => has(events, { type: "created", kind: "file", path: "top.txt" }), "created top.txt");
      const deep = changes(log.events).filter((event) => event.path.includes("/"));
      assert(deep.length === 0, `deeper events: ${show(deep)}`);
    },
  },
  {
    id: "CONF-646",
    area,
    title: "a child store's watcher reports paths relative to the child and nothing outside it",
    needs: ["watch", "write"],
    run: async (ctx) => {
      await ctx.store.write("kid/seed.txt", "x");
      const child = ctx.store.child("kid");
      await using log = await recordEvents(child, "", { recursive: true });
      await ctx.store.write("other.txt", "x");
      await ctx.store.write("kid/x/y.txt", "x");
      await log.waitFor((events) => has(events, { type: "created", kind: "file", path: "x/y.txt" }), "created x/y.txt in the child");
      const foreign = changes(log.events).filter((event) => event.path.startsWith("kid") || event.path === "other.txt");
      assert(foreign.length === 0, `events with foreign paths: ${show(foreign)}`);
    },
  },
  {
    id: "CONF-647",
    area,
    title: "a folder created and at once written into reports both the folder and the file",
    needs: ["watch", "write", "createFolder"],
    run: async (ctx) => {
      await using log = await recordEvents(ctx.store, "", { recursive: true });
      await ctx.store.createFolder("fresh");
      await ctx.store.write("fresh/now.txt", "x");
      await log.waitFor(
        (events) => has(events, { type: "created", kind: "folder", path: "fresh" }) && has(events, { type: "created", kind: "file", path: "fresh/now.txt" }),
        "created fresh and fresh/now.txt",
      );
    },
  },
  {
    id: "CONF-648",
    area,
    title: "a recursive folder delete reports the folder deleted",
    needs: ["watch", "write", "delete"],
    run: async (ctx) => {
      await ctx.seed({ "gone/a.txt": "x", "gone/sub/b.txt": "y", "stay.txt": "z" });
      await using log = await recordEvents(ctx.store, "", { recursive: true });
      await ctx.store.deleteFolder("gone", { recursive: true });
      await log.waitFor((events) => has(events, { type: "deleted", kind: "folder", path: "gone" }), "deleted folder gone");
    },
  },
  {
    id: "CONF-649",
    area,
    title: "bad input: a file is InvalidPath (ready rejects), '..' and bad options throw at once",
    needs: ["watch", "write"],
    run: async (ctx) => {
      await ctx.store.write("f.txt", "x");
      const onFile = ctx.store.watch("f.txt");
      await expectError(onFile.ready, "INVALID_PATH", "f.txt");
      await onFile.close();
      expectThrowsSync(() => ctx.store.watch("../x"), "INVALID_PATH");
      expectThrowsSync(() => ctx.store.watch(5 as never), "TypeError");
      expectThrowsSync(() => ctx.store.watch("", { recursive: "yes" as never }), "TypeError");
      expectThrowsSync(() => ctx.store.watch("", { bufferSize: 0 }), "RangeError");
      expectThrowsSync(() => ctx.store.watch("", { onChange: 1 as never }), "TypeError");
    },
  },
  {
    id: "CONF-650",
    area,
    title: "a folder that does not exist yet can be watched: its first entries are reported",
    needs: ["watch", "write"],
    run: async (ctx) => {
      await using log = await recordEvents(ctx.store, "later/on", { recursive: true });
      await ctx.store.write("later/on/x.txt", "x");
      await log.waitFor((events) => has(events, { type: "created", kind: "file", path: "later/on/x.txt" }), "created later/on/x.txt");
    },
  },
  {
    id: "CONF-651",
    area,
    title: "close() and an aborted signal end the iteration; closing the store ends its watchers",
    needs: ["watch", "write"],
    closesBackend: true,
    run: async (ctx) => {
      const watcher = ctx.store.watch("", { recursive: true });
      await watcher.ready;
      const iteration = (async () => {
        const seen: WatchEvent[] = [];
        for await (const event of watcher) seen.push(event);
        return seen;
      })();
      await watcher.close();
      await iteration;
      assert(watcher.closed, "closed after close()");
      const controller = new AbortController();
      const aborted = ctx.store.watch("", { signal: controller.signal });
      await aborted.ready;
      controller.abort();
      for await (const event of aborted) assert(false, `event after abort: ${show(event)}`);
      const open = ctx.store.watch("", { recursive: true });
      await open.ready;
      const ended = (async () => {
        for await (const event of open) void event;
      })();
      await ctx.store.close();
      await ended;
      assert(open.closed, "a watcher ends with its store");
      const late = ctx.store.watch("");
      await expectError(late.ready, "BACKEND_UNAVAILABLE");
      for await (const event of late) assert(false, `event on a closed store: ${show(event)}`);
    },
  },
  {
    id: "CONF-652",
    area,
    title: "onChange receives the events in order; such a watcher cannot be iterated",
    needs: ["watch", "write", "delete"],
    run: async (ctx) => {
      await using log = await recordEvents(ctx.store, "", { recursive: true });
      await ctx.store.write("o/1.txt", "a");
      await log.waitFor((events) => has(events, { type: "created", path: "o/1.txt" }), "created o/1.txt");
      await ctx.store.delete("o/1.txt");
      await log.waitFor((events) => has(events, { type: "deleted", path: "o/1.txt" }), "deleted o/1.txt");
      const created = changes(log.events).findIndex((event) => event.type === "created" && event.path === "o/1.txt");
      const deleted = changes(log.events).findIndex((event) => event.type === "deleted" && event.path === "o/1.txt");
      assert(created < deleted, `created comes before deleted: ${show(log.events)}`);
      await expectError(async () => {
        for await (const event of log.watcher) void event;
      }, "TypeError");
    },
  },
];
