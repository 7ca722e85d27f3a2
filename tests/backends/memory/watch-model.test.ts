import { seededRandom as random } from "../../../src/ext/faults/seeded-random.js";
import { describe, expect, it, onTestFinished } from "vitest";
import { MemoryBackend, Store, type ChangeEvent, type WatchEvent } from "../../../src/index.js";

/**
 * spec WATCH-042 (and WATCH-015, WATCH-040, MEM-005): random operations, several at a time, against
 * a model of the tree; every watcher's events must equal the changes the model computes. Size:
 * 100,000 operations, `WATCH_MODEL_OPS` for another (TEST-007).
 */
const OPS = opsCount((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.WATCH_MODEL_OPS);
const TOPS = ["t0", "t1", "t2", "t3"];
const NAMES = ["a", "b", "c"];

function opsCount(value: string | undefined): number {
  if (value === undefined || value === "") return 100_000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`WATCH_MODEL_OPS must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}


type Node = { kind: "file"; size: number } | { kind: "folder" };
type Expected = Pick<ChangeEvent, "type" | "kind" | "path"> & { from?: string; size?: number };

/** The tree as a map of full paths; it knows what each successful change reports (WATCH-040). */
class Model {
  readonly nodes = new Map<string, Node>(TOPS.map((top) => [top, { kind: "folder" }]));

  private missingParents(path: string): string[] {
    const segments = path.split("/");
    const missing: string[] = [];
    for (let i = 1; i < segments.length; i++) {
      const prefix = segments.slice(0, i).join("/");
      if (!this.nodes.has(prefix)) missing.push(prefix);
    }
    return missing;
  }

  private created(paths: readonly string[]): Expected[] {
    for (const path of paths) this.nodes.set(path, { kind: "folder" });
    return paths.map((path) => ({ type: "created", kind: "folder", path }));
  }

  private removeTree(path: string): void {
    for (const key of [...this.nodes.keys()]) if (key === path || key.startsWith(`${path}/`)) this.nodes.delete(key);
  }

  private relink(src: string, dst: string): void {
    const node = this.nodes.get(src);
    if (node?.kind === "file") {
      this.nodes.delete(src);
      this.nodes.set(dst, node);
      return;
    }
    this.removeTree(dst);
    for (const [key, node] of [...this.nodes]) {
      if (key !== src && !key.startsWith(`${src}/`)) continue;
      this.nodes.delete(key);
      this.nodes.set(dst + key.slice(src.length), node);
    }
  }

  write(path: string, size: number): Expected[] {
    const events = this.created(this.missingParents(path));
    const type = this.nodes.has(path) ? "updated" : "created";
    this.nodes.set(path, { kind: "file", size });
    return [...events, { type, kind: "file", path, size }];
  }

  copy(src: string, dst: string): Expected[] {
    const node = this.nodes.get(src);
    return src === dst || node?.kind !== "file" ? [] : this.write(dst, node.size);
  }

  move(src: string, dst: string, kind: "file" | "folder"): Expected[] {
    if (src === dst) return [];
    const events = this.created(this.missingParents(dst));
    this.relink(src, dst);
    return [...events, { type: "moved", kind, path: dst, from: src }];
  }

  copyFolder(src: string, dst: string): Expected[] {
    if (src === dst) return [];
    const events = this.created(this.missingParents(dst));
    this.removeTree(dst);
    for (const [key, node] of [...this.nodes]) if (key === src || key.startsWith(`${src}/`)) this.nodes.set(dst + key.slice(src.length), node);
    return [...events, { type: "created", kind: "folder", path: dst }];
  }

  createFolder(path: string): Expected[] {
    return this.created([...this.missingParents(path), ...(this.nodes.has(path) ? [] : [path])]);
  }

  delete(path: string, kind: "file" | "folder"): Expected[] {
    if (!this.nodes.has(path)) return [];
    if (kind === "file") this.nodes.delete(path);
    else this.removeTree(path);
    return [{ type: "deleted", kind, path }];
  }
}

/** One random operation below `top`: it runs on the store, and on success on the model. */
function operation(rand: () => number, top: string): { label: string; run(store: Store): Promise<unknown>; model(model: Model): Expected[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const path = (): string => [top, ...Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(NAMES))].join("/");
  const [p, q] = [path(), path()];
  const overwrite = rand() < 0.8;
  const size = Math.floor(rand() * 4);
  const bytes = new Uint8Array(size);
  const kind = rand();
  if (kind < 0.3) {
    // Streamed content commits later, so the operations of one round interleave (MEM-005).
    const streamed = rand() < 0.3;
    const content = streamed ? (async function* () { yield bytes.slice(0, 1); await Promise.resolve(); yield bytes.slice(1); })() : bytes;
    return { label: `write ${p}`, run: (s) => s.write(p, content, { overwrite, contentType: "x/y" }), model: (m) => m.write(p, size) };
  }
  if (kind < 0.4) return { label: `copy ${p} ${q}`, run: (s) => s.copy(p, q, { overwrite }), model: (m) => m.copy(p, q) };
  if (kind < 0.5) return { label: `move ${p} ${q}`, run: (s) => s.move(p, q, { overwrite }), model: (m) => m.move(p, q, "file") };
  if (kind < 0.62) return { label: `delete ${p}`, run: (s) => s.delete(p, { missingOk: overwrite }), model: (m) => m.delete(p, "file") };
  if (kind < 0.72) return { label: `createFolder ${p}`, run: (s) => s.createFolder(p, { existOk: overwrite }), model: (m) => m.createFolder(p) };
  if (kind < 0.8) return { label: `deleteFolder ${p}`, run: (s) => s.deleteFolder(p, { recursive: overwrite, missingOk: rand() < 0.5 }), model: (m) => m.delete(p, "folder") };
  if (kind < 0.9) return { label: `moveFolder ${p} ${q}`, run: (s) => s.moveFolder(p, q, { overwrite }), model: (m) => m.move(p, q, "folder") };
  return { label: `copyFolder ${p} ${q}`, run: (s) => s.copyFolder(p, q, { overwrite }), model: (m) => m.copyFolder(p, q) };
}

function shape(event: WatchEvent): Expected | WatchEvent {
  if (event.type === "overflow") return event;
  const { type, kind, path, from, size } = event;
  return { type, kind, path, ...(from === undefined ? {} : { from }), ...(size === undefined ? {} : { size }) };
}

/** Events of a non-recursive watcher of `folder` (WATCH-012, WATCH-013), from the root's. */
function ownEntries(events: readonly Expected[], folder: string): Expected[] {
  const own = (path: string | undefined): boolean => path !== undefined && path.slice(0, path.lastIndexOf("/")) === folder;
  return events.flatMap((event): Expected[] => {
    if (event.type !== "moved") return own(event.path) ? [event] : [];
    if (own(event.from) && own(event.path)) return [event];
    if (own(event.from)) return [{ type: "deleted", kind: event.kind, path: event.from as string }];
    if (own(event.path)) return [{ type: "created", kind: event.kind, path: event.path }];
    return [];
  });
}

describe("memory watch model (spec WATCH-042)", { timeout: 300_000 }, () => {
  it(`WATCH-042 WATCH-015 WATCH-040 ${OPS} random operations, four at a time: every watcher's events are the model's changes`, async () => {
    // Refused operations are a fifth of the mix; their errors need no stack traces here (they cost most of the time).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    onTestFinished(() => {
      Error.stackTraceLimit = stackTraceLimit;
    });
    const rand = random(0x5eed);
    const store = new Store({ backend: new MemoryBackend() });
    for (const top of TOPS) await store.createFolder(top);
    const all: WatchEvent[] = [];
    const child: WatchEvent[] = [];
    const own: WatchEvent[] = [];
    const root = store.watch("", { recursive: true, bufferSize: OPS * 8, onChange: (event) => all.push(event) });
    const ofChild = store.child("t1").watch("", { recursive: true, bufferSize: OPS * 8, onChange: (event) => child.push(event) });
    const ofFolder = store.watch("t2", { bufferSize: OPS * 8, onChange: (event) => own.push(event) });
    await Promise.all([root.ready, ofChild.ready, ofFolder.ready]);
    const model = new Model();
    const expected = new Map<string, Expected[]>(TOPS.map((top) => [top, []]));
    let failures = 0;
    for (let done = 0; done < OPS; done += TOPS.length) {
      const round = TOPS.map((top) => ({ top, op: operation(rand, top) }));
      const outcomes = await Promise.allSettled(round.map(({ op }) => op.run(store)));
      outcomes.forEach((outcome, i) => {
        const { top, op } = round[i]!;
        if (outcome.status === "rejected") failures++;
        else expected.get(top)!.push(...op.model(model));
      });
    }
    await Promise.resolve();
    const byTop = (events: readonly WatchEvent[], prefix = ""): Map<string, unknown[]> => {
      const groups = new Map<string, unknown[]>(TOPS.map((top) => [top, []]));
      for (const event of events) {
        expect(event.type).not.toBe("overflow");
        if (event.type === "overflow") continue;
        groups.get((prefix + event.path).split("/")[0]!)?.push(shape(event));
      }
      return groups;
    };
    const actual = byTop(all);
    for (const top of TOPS) {
      // The first difference with a little context, rather than two lists of thousands of events.
      const [got, want] = [actual.get(top)!, expected.get(top)!];
      const first = want.findIndex((event, i) => JSON.stringify(event) !== JSON.stringify(got[i]));
      const at = first < 0 ? want.length : first;
      expect(got.slice(Math.max(0, at - 3), at + 3), `${top}, event ${at}`).toEqual(want.slice(Math.max(0, at - 3), at + 3));
      expect(got.length, top).toBe(want.length);
    }
    expect(all.length).toBe([...expected.values()].reduce((sum, list) => sum + list.length, 0));
    expect(child.map(shape)).toEqual(expected.get("t1")!.map((event) => ({ ...event, path: event.path.slice(3), ...(event.from === undefined ? {} : { from: event.from.slice(3) }) })));
    expect(own.map(shape)).toEqual(ownEntries(expected.get("t2")!, "t2"));
    // The mix exercises both outcomes: many changes, and many refused operations (which report nothing).
    expect(failures).toBeGreaterThan(OPS / 20);
    expect(all.length).toBeGreaterThan(OPS / 5);
    // The tree agrees with the model.
    const files = (await store.listFiles("", { recursive: true }).toArray()).map((f): [string, number] => [f.path, f.size]);
    const folders = (await store.listFolders("", { recursive: true }).toArray()).map((f) => f.path);
    expect(new Map(files)).toEqual(new Map([...model.nodes].flatMap(([path, node]): [string, number][] => (node.kind === "file" ? [[path, node.size]] : []))));
    expect(new Set(folders)).toEqual(new Set([...model.nodes].flatMap(([path, node]) => (node.kind === "folder" ? [path] : []))));
    await Promise.all([root.close(), ofChild.close(), ofFolder.close()]);
  });
});
