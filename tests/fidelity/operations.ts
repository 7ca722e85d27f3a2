import fc from "fast-check";

/** How a write's content is handed to the Store. */
export type BodyShape = "string" | "bytes" | "chunks" | "failing";

/** A write's content: its text and how it arrives. `failing` delivers a part, then throws. */
export interface Body {
  readonly text: string;
  readonly shape: BodyShape;
}

/** One Store operation, as plain data (so fast-check can print and shrink it). */
export type Operation =
  | {
      readonly op: "write";
      readonly atomic: boolean;
      readonly path: string;
      readonly body: Body;
      readonly overwrite: boolean;
      readonly contentType: string | undefined;
      readonly metadata: Record<string, string> | undefined;
    }
  | { readonly op: "read"; readonly path: string; readonly stream: boolean; readonly offset: number | undefined; readonly length: number | undefined }
  | { readonly op: "readText"; readonly path: string }
  | { readonly op: "delete"; readonly path: string; readonly missingOk: boolean }
  | { readonly op: "deleteFolder"; readonly path: string; readonly recursive: boolean; readonly missingOk: boolean }
  | { readonly op: "move" | "copy"; readonly src: string; readonly dst: string; readonly overwrite: boolean }
  | { readonly op: "listFiles" | "listFolders"; readonly path: string; readonly recursive: boolean; readonly maxDepth: number | undefined }
  | { readonly op: "iterChildren"; readonly path: string }
  | { readonly op: "glob"; readonly pattern: string }
  | { readonly op: "getFileInfo" | "getFolderInfo" | "exists" | "isFile" | "isFolder"; readonly path: string }
  | { readonly op: "createFolder"; readonly path: string; readonly existOk: boolean }
  | { readonly op: "moveFolder" | "copyFolder"; readonly src: string; readonly dst: string; readonly overwrite: boolean };

/**
 * Paths are built from few names, so that they collide and files meet folders of the same
 * name: folders mostly `a`, `b`, `b-c`; files mostly `b.txt`, `b-c`, sometimes `a` or `b`.
 * (`b`, `b-c` and `b.txt` sort differently as names and as path prefixes; U+FF5E and U+1F600
 * sort differently in code points and in UTF-16; `.md` and `.txt` guess different content types.)
 */
const folderSegment = fc.oneof(
  { weight: 2, arbitrary: fc.constant("a") },
  { weight: 2, arbitrary: fc.constant("b") },
  { weight: 1, arbitrary: fc.constant("b-c") },
  { weight: 1, arbitrary: fc.constant("\uFF5E") },
);
const leafSegment = fc.oneof(
  { weight: 3, arbitrary: fc.constant("b.txt") },
  { weight: 2, arbitrary: fc.constant("b-c") },
  { weight: 1, arbitrary: fc.constant("a") },
  { weight: 1, arbitrary: fc.constant("b") },
  { weight: 1, arbitrary: fc.constant("\u{1F600}") },
  { weight: 1, arbitrary: fc.constant("\uFF5E.md") },
);

/** A file path of one to three segments, short ones more likely. */
export const filePath: fc.Arbitrary<string> = fc
  .tuple(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) }), fc.array(folderSegment, { minLength: 2, maxLength: 2 }), leafSegment)
  .map(([depth, folders, leaf]) => [...folders.slice(0, depth), leaf].join("/"));

/** How many paths a sequence draws most of its paths from. */
const POOL_SIZE = 6;

/**
 * A path of a sequence: mostly a reference `@n` to the sequence's pool of paths (resolved by
 * {@link operations}), so that operations meet each other's files; sometimes any path.
 */
const somePath: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.nat({ max: POOL_SIZE - 1 }).map((index) => `@${index}`) },
  { weight: 2, arbitrary: filePath },
);

/**
 * A folder of a sequence: mostly `@n^`, the parent folder of pool path `n` (resolved by
 * {@link operations}; `a` when it has no parent), sometimes a pool path, any path or the root.
 */
const folderRef: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: POOL_SIZE - 1 }).map((index) => `@${index}^`) },
  { weight: 2, arbitrary: somePath },
  { weight: 1, arbitrary: fc.constantFrom("", ".", "/") },
);

/** Where a folder goes: an existing folder, a new folder below one (`@n^/z`), a new top-level name, any path, the root. */
const folderDestination: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: POOL_SIZE - 1 }).map((index) => `@${index}^`) },
  { weight: 3, arbitrary: fc.tuple(fc.nat({ max: POOL_SIZE - 1 }), fc.constantFrom("z", "b")).map(([index, name]) => `@${index}^/${name}`) },
  { weight: 2, arbitrary: fc.constantFrom("z", "a", "b-c", "z/y") },
  { weight: 1, arbitrary: somePath },
  { weight: 1, arbitrary: fc.constantFrom("", ".", "/") },
);

/** A path for a folder or query operation: the root spellings too. */
const queryPath: fc.Arbitrary<string> = fc.oneof({ weight: 1, arbitrary: fc.constantFrom("", ".", "/") }, { weight: 4, arbitrary: somePath });

/** A path for a file operation: mostly valid, sometimes a root spelling (always `InvalidPath`). */
const anyFilePath: fc.Arbitrary<string> = fc.oneof({ weight: 12, arbitrary: somePath }, { weight: 1, arbitrary: fc.constantFrom("", "./") });

const text = fc.string({ unit: fc.constantFrom("a", "b", "é", "\n"), maxLength: 12 });

const body: fc.Arbitrary<Body> = fc.record({
  text,
  shape: fc.oneof(
    { weight: 3, arbitrary: fc.constant<BodyShape>("string") },
    { weight: 2, arbitrary: fc.constant<BodyShape>("bytes") },
    { weight: 2, arbitrary: fc.constant<BodyShape>("chunks") },
    { weight: 1, arbitrary: fc.constant<BodyShape>("failing") },
  ),
});

const smallInt = fc.option(fc.nat({ max: 14 }), { nil: undefined });

const write = fc.record({
  op: fc.constant("write" as const),
  atomic: fc.boolean(),
  path: anyFilePath,
  body,
  overwrite: fc.boolean(),
  contentType: fc.constantFrom(undefined, "text/x-custom", "application/json"),
  metadata: fc.constantFrom(undefined, {}, { k: "v" }, { author: "ann", n: "2" }),
});

const transfer = fc.record({
  op: fc.constantFrom("move" as const, "copy" as const),
  src: anyFilePath,
  dst: anyFilePath,
  overwrite: fc.boolean(),
});

const listing = fc.record({
  op: fc.constantFrom("listFiles" as const, "listFolders" as const),
  path: queryPath,
  recursive: fc.boolean(),
  maxDepth: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
});

const folderTransfer = fc.record({
  op: fc.constantFrom("moveFolder" as const, "copyFolder" as const),
  src: folderRef,
  dst: folderDestination,
  overwrite: fc.boolean(),
});

/** One random operation; mutations weigh more than queries so that trees grow. */
export const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 8, arbitrary: write },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("read" as const), path: anyFilePath, stream: fc.boolean(), offset: smallInt, length: smallInt }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("readText" as const), path: anyFilePath }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), path: anyFilePath, missingOk: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("deleteFolder" as const), path: anyFilePath, recursive: fc.boolean(), missingOk: fc.boolean() }) },
  { weight: 5, arbitrary: transfer },
  { weight: 3, arbitrary: listing },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("iterChildren" as const), path: queryPath }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("glob" as const), pattern: fc.constantFrom("**", "**/*.txt", "*", "b/*", "*/b*", "**/b-c/**") }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom("getFileInfo" as const, "getFolderInfo" as const, "exists" as const, "isFile" as const, "isFolder" as const),
      path: queryPath,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("createFolder" as const), path: folderRef, existOk: fc.boolean() }) },
  { weight: 4, arbitrary: folderTransfer },
);

/**
 * A sequence of up to `maxLength` operations. Each sequence has its own pool of paths (some of
 * them parents of others), and most operations use pool paths, so that they collide.
 */
export function operations(maxLength: number): fc.Arbitrary<Operation[]> {
  const pool = fc.array(fc.tuple(filePath, fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false)))), { minLength: POOL_SIZE, maxLength: POOL_SIZE }).map((entries) =>
    entries.map(([path, underPrevious], index) => {
      const previous = index > 0 ? entries[index - 1]?.[0] : undefined;
      return underPrevious && previous !== undefined ? `${previous}/${path.split("/").pop() ?? path}` : path;
    }),
  );
  return fc
    .tuple(pool, fc.array(operation, { minLength: 1, maxLength, size: "max" }))
    .map(([paths, sequence]) => sequence.map((step) => resolvePaths(step, paths)));
}

function resolvePaths(step: Operation, pool: readonly string[]): Operation {
  const resolve = (path: string): string => {
    const match = /^@(\d+)(\^?)(.*)$/.exec(path);
    if (match === null) return path;
    const [, index = "", parentOnly, rest = ""] = match;
    const found = pool[Number(index)] ?? path;
    const parent = found.includes("/") ? found.slice(0, found.lastIndexOf("/")) : "a";
    const base = parentOnly === "^" ? parent : found;
    return base + rest;
  };
  const out: Record<string, unknown> = { ...step };
  for (const key of ["path", "src", "dst"] as const) {
    const value = out[key];
    if (typeof value === "string") out[key] = resolve(value);
  }
  return out as Operation;
}
