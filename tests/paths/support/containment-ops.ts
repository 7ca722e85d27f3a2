import fc from "fast-check";
import { expect } from "vitest";
import { isRemoteStoreError, type MemoryBackend, type Store } from "../../../src/index.js";
import { HOSTILE_PATH, HOSTILE_PATTERN, SENTINEL_MARK, isNormalisedRelative, modelNormalize, under } from "./hostile.js";

/** One Store call with hostile arguments. */
export type Op =
  | { readonly kind: "read" | "readBytes" | "readText" | "getFileInfo" | "url"; readonly path: string }
  | { readonly kind: "exists" | "isFile" | "isFolder" | "getFolderInfo" | "iterChildren"; readonly path: string }
  | { readonly kind: "listFiles" | "listFolders"; readonly path: string; readonly recursive: boolean }
  | { readonly kind: "write" | "writeAtomic"; readonly path: string; readonly overwrite: boolean; readonly content: string }
  | { readonly kind: "delete"; readonly path: string; readonly missingOk: boolean }
  | { readonly kind: "deleteFolder"; readonly path: string; readonly recursive: boolean; readonly missingOk: boolean }
  | { readonly kind: "move" | "copy"; readonly src: string; readonly dst: string; readonly overwrite: boolean }
  | { readonly kind: "glob"; readonly pattern: string }
  | { readonly kind: "createFolder"; readonly path: string; readonly existOk: boolean }
  | { readonly kind: "moveFolder" | "copyFolder"; readonly src: string; readonly dst: string; readonly overwrite: boolean }
  | { readonly kind: "multipart"; readonly path: string; readonly content: string }
  | { readonly kind: "child"; readonly sub: string; readonly then: Op };

/** Every operation applied to one path (as source and as destination where two are needed). */
export function everyOp(path: string, other: string): Op[] {
  const simple = (["read", "readBytes", "readText", "getFileInfo", "url", "exists", "isFile", "isFolder", "getFolderInfo", "iterChildren"] as const).map(
    (kind) => ({ kind, path }),
  );
  return [
    ...simple,
    { kind: "listFiles", path, recursive: true },
    { kind: "listFolders", path, recursive: true },
    { kind: "write", path, overwrite: false, content: "w-new" },
    { kind: "writeAtomic", path, overwrite: true, content: "w-atomic" },
    { kind: "copy", src: path, dst: other, overwrite: true },
    { kind: "copy", src: other, dst: path, overwrite: true },
    { kind: "move", src: other, dst: path, overwrite: true },
    { kind: "move", src: path, dst: other, overwrite: true },
    { kind: "glob", pattern: path },
    { kind: "createFolder", path, existOk: true },
    { kind: "copyFolder", src: path, dst: other, overwrite: true },
    { kind: "moveFolder", src: other, dst: path, overwrite: true },
    { kind: "multipart", path, content: "w-multipart" },
    { kind: "child", sub: path, then: { kind: "write", path: other, overwrite: true, content: "w-child" } },
    { kind: "child", sub: path, then: { kind: "listFiles", path: "", recursive: true } },
    { kind: "delete", path, missingOk: true },
    { kind: "deleteFolder", path, recursive: true, missingOk: true },
  ];
}

const BOOL = fc.boolean();
const CONTENT = fc.nat(999).map((n) => `w${n}`);

const PLAIN_OP: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom("read", "readBytes", "readText", "getFileInfo", "url"), path: HOSTILE_PATH }),
  fc.record({ kind: fc.constantFrom("exists", "isFile", "isFolder", "getFolderInfo", "iterChildren"), path: HOSTILE_PATH }),
  fc.record({ kind: fc.constantFrom("listFiles", "listFolders"), path: HOSTILE_PATH, recursive: BOOL }),
  fc.record({ kind: fc.constantFrom("write", "writeAtomic"), path: HOSTILE_PATH, overwrite: BOOL, content: CONTENT }),
  fc.record({ kind: fc.constant("delete"), path: HOSTILE_PATH, missingOk: BOOL }),
  fc.record({ kind: fc.constant("deleteFolder"), path: HOSTILE_PATH, recursive: BOOL, missingOk: BOOL }),
  fc.record({ kind: fc.constantFrom("move", "copy"), src: HOSTILE_PATH, dst: HOSTILE_PATH, overwrite: BOOL }),
  fc.record({ kind: fc.constant("glob"), pattern: HOSTILE_PATTERN }),
  fc.record({ kind: fc.constant("createFolder"), path: HOSTILE_PATH, existOk: BOOL }),
  fc.record({ kind: fc.constantFrom("moveFolder", "copyFolder"), src: HOSTILE_PATH, dst: HOSTILE_PATH, overwrite: BOOL }),
  fc.record({ kind: fc.constant("multipart"), path: HOSTILE_PATH, content: CONTENT }),
);

/** Any operation, including `child(sub)` followed by an operation on the child. */
export const OP: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: PLAIN_OP },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("child" as const), sub: HOSTILE_PATH, then: PLAIN_OP }) },
);

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

async function attempt(action: () => unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    return { ok: false, error };
  }
}

const decoder = new TextDecoder();

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Checks that a listed or returned entry is normalised and lies, as that kind and size, under `root`. */
async function checkEntry(view: Store, root: string, entry: { kind?: string; path: string; size?: number }): Promise<void> {
  expect(isNormalisedRelative(entry.path), `normalised path ${JSON.stringify(entry.path)}`).toBe(true);
  const full = under(root, entry.path);
  if (entry.kind === "folder") {
    expect(await view.isFolder(full), `folder ${full}`).toBe(true);
  } else {
    expect(await view.isFile(full), `file ${full}`).toBe(true);
    expect((await view.getFileInfo(full)).size).toBe(entry.size);
  }
}

function checkBytes(bytes: Uint8Array, expected: Uint8Array): void {
  expect(decoder.decode(bytes)).not.toContain(SENTINEL_MARK);
  expect(bytes).toEqual(expected);
}

/**
 * Runs one operation through `store` (rooted at `root` in the backend) and checks it against
 * the spec: invalid paths are rejected with InvalidPath, every rejection is a library error,
 * and every value returned comes from (and every change lands) under `root`.
 */
export async function runOp(op: Op, store: Store, root: string, view: Store, backend: MemoryBackend): Promise<boolean> {
  const succeeded = await checkOp(op, store, root, view, backend);
  tally.set(`${op.kind}:${succeeded ? "ok" : "rejected"}`, (tally.get(`${op.kind}:${succeeded ? "ok" : "rejected"}`) ?? 0) + 1);
  return succeeded;
}

function pathsOf(op: Op): string[] {
  switch (op.kind) {
    case "move":
    case "copy":
    case "moveFolder":
    case "copyFolder":
      return [op.src, op.dst];
    case "glob":
      return [];
    case "child":
      return [op.sub];
    default:
      return [op.path];
  }
}

/** How often each operation succeeded or was rejected, so a test can show the property is not vacuous. */
export const tally = new Map<string, number>();

async function checkOp(op: Op, store: Store, root: string, view: Store, backend: MemoryBackend): Promise<boolean> {
  const paths = pathsOf(op);
  const models = paths.map(modelNormalize);
  const needsFile = !["exists", "isFile", "isFolder", "getFolderInfo", "iterChildren", "listFiles", "listFolders", "glob"].includes(op.kind);
  const invalid = models.some((m) => m === undefined || (needsFile && m === ""));
  const m = (models[0] ?? "");

  if (op.kind === "child") {
    const child = await attempt(() => store.child(op.sub));
    if (invalid) {
      expect(child.ok).toBe(false);
    }
    if (!child.ok) {
      expect(isRemoteStoreError(child.error, "INVALID_PATH"), String(child.error)).toBe(true);
      return false;
    }
    const childStore = child.value as Store;
    expect(childStore.rootPath).toBe(under(root, m));
    return runOp(op.then, childStore, under(root, m), view, backend);
  }

  const outcome = await attempt(() => perform(op, store));
  if (!outcome.ok) {
    expect(isRemoteStoreError(outcome.error), `${op.kind} rejected with ${String(outcome.error)}`).toBe(true);
    if (invalid) expect(isRemoteStoreError(outcome.error, "INVALID_PATH"), String(outcome.error)).toBe(true);
    else if (op.kind !== "glob") expect(models).toContain((outcome.error as { path?: string }).path);
    return false;
  }
  expect(invalid, `${op.kind} accepted an invalid path ${JSON.stringify(paths)}`).toBe(false);
  const full = under(root, m);
  await checkValue(op, outcome.value, { root, m, full, models, view, backend });
  return true;
}

interface Context {
  readonly root: string;
  readonly m: string;
  readonly full: string;
  readonly models: readonly (string | undefined)[];
  readonly view: Store;
  readonly backend: MemoryBackend;
}

async function checkValue(op: Exclude<Op, { kind: "child" }>, value: unknown, { root, m, full, models, view, backend }: Context): Promise<void> {
  switch (op.kind) {
    case "read":
      return checkBytes(await collect(value as ReadableStream<Uint8Array>), await view.readBytes(full));
    case "readBytes":
      return checkBytes(value as Uint8Array, await view.readBytes(full));
    case "readText":
      return checkBytes(new TextEncoder().encode(value as string), await view.readBytes(full));
    case "getFileInfo":
      expect((value as { path: string }).path).toBe(m);
      return checkEntry(view, root, value as { path: string; size: number });
    case "url":
      expect(value).toBe(`memory://${encodeURIComponent(backend.name)}/${full.split("/").map(encodeURIComponent).join("/")}`);
      return;
    case "exists":
    case "isFile":
    case "isFolder":
      // The store root exists and is a folder even when its backend folder was never written (ST-011).
      expect(value).toBe(m === "" ? op.kind !== "isFile" : await view[op.kind](full));
      return;
    case "getFolderInfo": {
      const info = value as { path: string; fileCount: number; totalSize: number };
      const seen = m === "" && !(await view.exists(full)) ? { fileCount: 0, totalSize: 0 } : await view.getFolderInfo(full);
      expect({ path: info.path, fileCount: info.fileCount, totalSize: info.totalSize }).toEqual({ path: m, fileCount: seen.fileCount, totalSize: seen.totalSize });
      return;
    }
    case "iterChildren":
    case "listFiles":
    case "listFolders":
    case "glob":
      for (const entry of value as Array<{ kind?: string; path: string; size?: number }>) await checkEntry(view, root, entry);
      return;
    case "write":
    case "writeAtomic":
      expect(await view.readText(full)).toBe(op.content);
      return;
    case "delete":
      expect(await view.isFile(full)).toBe(false);
      return;
    case "deleteFolder":
      expect(await view.isFolder(full)).toBe(false);
      return;
    case "move":
    case "copy":
      expect(await view.isFile(under(root, models[1] as string))).toBe(true);
      return;
    case "createFolder":
      expect(await view.isFolder(full)).toBe(true);
      return;
    case "moveFolder":
    case "copyFolder":
      expect(await view.isFolder(under(root, models[1] as string))).toBe(true);
      return;
    case "multipart":
      expect((value as { path: string }).path).toBe(m);
      expect(await view.readText(full)).toBe(op.content);
      return;
  }
}

async function perform(op: Exclude<Op, { kind: "child" }>, store: Store): Promise<unknown> {
  switch (op.kind) {
    case "read":
      return store.read(op.path);
    case "readBytes":
      return store.readBytes(op.path);
    case "readText":
      return store.readText(op.path);
    case "getFileInfo":
      return store.getFileInfo(op.path);
    case "url":
      return store.url(op.path);
    case "exists":
      return store.exists(op.path);
    case "isFile":
      return store.isFile(op.path);
    case "isFolder":
      return store.isFolder(op.path);
    case "getFolderInfo":
      return store.getFolderInfo(op.path);
    case "iterChildren":
      return store.iterChildren(op.path).toArray();
    case "listFiles":
      return store.listFiles(op.path, { recursive: op.recursive }).toArray();
    case "listFolders":
      return store.listFolders(op.path, { recursive: op.recursive }).toArray();
    case "write":
      return store.write(op.path, op.content, { overwrite: op.overwrite });
    case "writeAtomic":
      return store.writeAtomic(op.path, op.content, { overwrite: op.overwrite });
    case "delete":
      return store.delete(op.path, { missingOk: op.missingOk });
    case "deleteFolder":
      return store.deleteFolder(op.path, { recursive: op.recursive, missingOk: op.missingOk });
    case "move":
      return store.move(op.src, op.dst, { overwrite: op.overwrite });
    case "copy":
      return store.copy(op.src, op.dst, { overwrite: op.overwrite });
    case "glob":
      return store.glob(op.pattern).toArray();
    case "createFolder":
      return store.createFolder(op.path, { existOk: op.existOk });
    case "moveFolder":
      return store.moveFolder(op.src, op.dst, { overwrite: op.overwrite });
    case "copyFolder":
      return store.copyFolder(op.src, op.dst, { overwrite: op.overwrite });
    case "multipart": {
      const upload = await store.startMultipartUpload(op.path, { overwrite: true });
      await upload.uploadPart(1, op.content);
      return upload.complete();
    }
  }
}
