import type { Store } from "../../src/index.js";
import type { Body, Operation } from "./operations.js";

/** What an operation did, comparable across backends: a normalised value or an error. */
export type Outcome = { readonly value: unknown } | { readonly error: { readonly code: unknown; readonly path: unknown; readonly name: string } };

/** The error a failing body throws (the same on both sides). */
export const SOURCE_FAILURE = "the content source failed";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Runs one operation on `store` and reports its outcome. */
export async function apply(store: Store, operation: Operation): Promise<Outcome> {
  try {
    return { value: normalise(await run(store, operation)) };
  } catch (error) {
    return { error: describeError(error) };
  }
}

async function run(store: Store, o: Operation): Promise<unknown> {
  switch (o.op) {
    case "write": {
      const options = {
        overwrite: o.overwrite,
        ...(o.contentType === undefined ? {} : { contentType: o.contentType }),
        ...(o.metadata === undefined ? {} : { metadata: o.metadata }),
      };
      return o.atomic ? store.writeAtomic(o.path, content(o.body), options) : store.write(o.path, content(o.body), options);
    }
    case "read": {
      const range = { ...(o.offset === undefined ? {} : { offset: o.offset }), ...(o.length === undefined ? {} : { length: o.length }) };
      if (!o.stream) return store.readBytes(o.path, range);
      return collectStream(await store.read(o.path, range));
    }
    case "readText":
      return store.readText(o.path);
    case "delete":
      return store.delete(o.path, { missingOk: o.missingOk });
    case "deleteFolder":
      return store.deleteFolder(o.path, { recursive: o.recursive, missingOk: o.missingOk });
    case "move":
      return store.move(o.src, o.dst, { overwrite: o.overwrite });
    case "copy":
      return store.copy(o.src, o.dst, { overwrite: o.overwrite });
    case "listFiles":
      return store.listFiles(o.path, { recursive: o.recursive, ...(o.maxDepth === undefined ? {} : { maxDepth: o.maxDepth }) }).toArray();
    case "listFolders":
      return store.listFolders(o.path, { recursive: o.recursive, ...(o.maxDepth === undefined ? {} : { maxDepth: o.maxDepth }) }).toArray();
    case "iterChildren":
      return store.iterChildren(o.path).toArray();
    case "glob":
      return store.glob(o.pattern).toArray();
    case "getFileInfo":
      return store.getFileInfo(o.path);
    case "getFolderInfo":
      return store.getFolderInfo(o.path);
    case "exists":
      return store.exists(o.path);
    case "isFile":
      return store.isFile(o.path);
    case "isFolder":
      return store.isFolder(o.path);
    case "createFolder":
      return store.createFolder(o.path, { existOk: o.existOk });
    case "moveFolder":
      return store.moveFolder(o.src, o.dst, { overwrite: o.overwrite });
    case "copyFolder":
      return store.copyFolder(o.src, o.dst, { overwrite: o.overwrite });
  }
}

/** The content of a write in the shape the body asks for. A fresh source per call. */
export function content(body: Body): string | Uint8Array | AsyncIterable<Uint8Array | string> {
  switch (body.shape) {
    case "string":
      return body.text;
    case "bytes":
      return encoder.encode(body.text);
    case "chunks":
      return (async function* () {
        const bytes = encoder.encode(body.text);
        for (let i = 0; i < bytes.length; i += 3) {
          await Promise.resolve();
          yield bytes.slice(i, i + 3);
        }
      })();
    case "failing":
      return (async function* () {
        yield encoder.encode(body.text.slice(0, 2));
        await Promise.resolve();
        throw new Error(SOURCE_FAILURE);
      })();
  }
}

async function collectStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Makes a result comparable: bytes become text, a modification time becomes the marker
 * `"<date>"` (so its presence still counts, its value not), objects become plain ones with
 * sorted keys, and `undefined` properties are dropped.
 */
export function normalise(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: decoder.decode(value) };
  if (value instanceof Date) return "<date>";
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, inner] of entries) {
      if (inner !== undefined) out[key] = key === "modifiedAt" ? "<date>" : normalise(inner);
    }
    return out;
  }
  return value;
}

/** The comparable part of an error: code, path and class name (message text is not compared). */
export function describeError(error: unknown): { code: unknown; path: unknown; name: string } {
  if (typeof error === "object" && error !== null) {
    const e = error as { code?: unknown; path?: unknown; name?: unknown; message?: unknown };
    const name = typeof e.name === "string" ? e.name : "object";
    if (e.code === undefined) return { code: undefined, path: undefined, name: `${name}: ${String(e.message)}` };
    return { code: e.code, path: e.path, name };
  }
  return { code: undefined, path: undefined, name: String(error) };
}

/** Everything a store holds, for comparing final trees: files with content and attributes, and folders. */
export async function dumpTree(store: Store): Promise<unknown> {
  const files = await store.listFiles("", { recursive: true }).toArray();
  const folders = await store.listFolders("", { recursive: true }).toArray();
  const described = [];
  for (const file of files) {
    described.push({ ...(normalise(file) as object), text: await store.readText(file.path) });
  }
  return { files: described, folders: folders.map((folder) => folder.path) };
}
