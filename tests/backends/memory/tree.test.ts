import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newFile, newFolder, type FileNode, type FolderNode, type TreeNode } from "../../../src/backends/memory/nodes.js";
import { MemoryTree, cloneFolder } from "../../../src/backends/memory/tree.js";
import { compareCodePoints } from "../../../src/index.js";

function file(name: string, size: number, modifiedAt: number): FileNode {
  return newFile(name, { content: new Uint8Array(size), offset: 0, size, modifiedAt, contentType: "x/y", metadata: undefined });
}

function folderAt(tree: MemoryTree, path: string): FolderNode {
  const node = tree.findPath(path);
  if (node?.kind !== "folder") throw new Error(`no folder at ${path}`);
  return node;
}

/** Recomputes a folder's aggregates from scratch. */
function brute(folder: FolderNode): { fileCount: number; totalSize: number; newest: number } {
  let fileCount = 0;
  let totalSize = 0;
  let newest = Number.NEGATIVE_INFINITY;
  for (const child of folder.children.values()) {
    if (child.kind === "file") {
      fileCount += 1;
      totalSize += child.size;
      newest = Math.max(newest, child.modifiedAt);
    } else {
      const sub = brute(child);
      fileCount += sub.fileCount;
      totalSize += sub.totalSize;
      newest = Math.max(newest, sub.newest);
    }
  }
  return { fileCount, totalSize, newest };
}

/** Every node below (and including) `folder`, pre-order, in map order. */
function allNodes(folder: FolderNode): TreeNode[] {
  const out: TreeNode[] = [folder];
  for (const child of folder.children.values()) {
    if (child.kind === "file") out.push(child);
    else out.push(...allNodes(child));
  }
  return out;
}

function folders(tree: MemoryTree): FolderNode[] {
  return allNodes(tree.root).filter((n): n is FolderNode => n.kind === "folder");
}

function isInside(node: TreeNode, ancestor: FolderNode): boolean {
  for (let at: TreeNode | undefined = node; at !== undefined; at = at.parent) if (at === ancestor) return true;
  return false;
}

type Command =
  | { readonly op: "write"; readonly folder: number; readonly name: string; readonly size: number; readonly time: number }
  | { readonly op: "detach"; readonly node: number }
  | { readonly op: "move"; readonly node: number; readonly folder: number; readonly name: string }
  | { readonly op: "mkdirs"; readonly folder: number; readonly names: readonly string[] }
  | { readonly op: "clone"; readonly folder: number; readonly target: number; readonly name: string; readonly time: number }
  | { readonly op: "newest"; readonly folder: number }
  | { readonly op: "order"; readonly folder: number };

const NAME = fc.constantFrom("a", "b", "c", "a-b", "a.b", "é", "😀", "B");
const INDEX = fc.nat(1000);
const COMMAND: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("write" as const), folder: INDEX, name: NAME, size: fc.nat(50), time: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("detach" as const), node: INDEX }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("move" as const), node: INDEX, folder: INDEX, name: NAME }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("mkdirs" as const), folder: INDEX, names: fc.array(NAME, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("clone" as const), folder: INDEX, target: INDEX, name: NAME, time: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("newest" as const), folder: INDEX }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("order" as const), folder: INDEX }) },
);

function apply(tree: MemoryTree, command: Command): void {
  const nodes = allNodes(tree.root);
  const dirs = nodes.filter((n): n is FolderNode => n.kind === "folder");
  switch (command.op) {
    case "write": {
      const parent = dirs[command.folder % dirs.length] as FolderNode;
      const existing = parent.children.get(command.name);
      const fields = { content: new Uint8Array(command.size), offset: 0, size: command.size, modifiedAt: command.time, contentType: "x/y", metadata: undefined };
      if (existing === undefined) tree.attach(parent, newFile(command.name, fields));
      else if (existing.kind === "file") tree.replaceFile(existing, fields);
      return;
    }
    case "detach": {
      const node = nodes[command.node % nodes.length] as TreeNode;
      if (node !== tree.root) tree.detach(node);
      return;
    }
    case "move": {
      const node = nodes[command.node % nodes.length] as TreeNode;
      const target = dirs[command.folder % dirs.length] as FolderNode;
      if (node === tree.root || target.children.has(command.name)) return;
      if (node.kind === "folder" && isInside(target, node)) return;
      tree.detach(node);
      node.name = command.name;
      tree.attach(target, node);
      return;
    }
    case "mkdirs": {
      const from = dirs[command.folder % dirs.length] as FolderNode;
      let at: TreeNode = from;
      for (const name of command.names) {
        const next: TreeNode | undefined = at.kind === "folder" ? at.children.get(name) : undefined;
        if (next === undefined) break;
        if (next.kind === "file") return; // a file in the way: the caller must not call makeFolders
        at = next;
      }
      const made = tree.makeFolders(from, command.names, 0);
      expect(made.kind).toBe("folder");
      return;
    }
    case "clone": {
      const source = dirs[command.folder % dirs.length] as FolderNode;
      const target = dirs[command.target % dirs.length] as FolderNode;
      if (target.children.has(command.name)) return;
      tree.attach(target, cloneFolder(source, command.name, command.time));
      return;
    }
    case "newest": {
      const folder = dirs[command.folder % dirs.length] as FolderNode;
      expect(tree.newestBelow(folder)).toBe(brute(folder).newest);
      return;
    }
    case "order": {
      // Asking for the orders caches them: later additions must keep or drop them correctly.
      expectExactOrders(tree, dirs[command.folder % dirs.length] as FolderNode);
      return;
    }
  }
}

/**
 * Model test: applies 500 random command sequences to fresh trees, checking every folder with
 * `afterEachCommand` after each command and with `atEnd` once the sequence is done.
 */
function checkRandomSequences(checks: {
  readonly afterEachCommand: (folder: FolderNode) => void;
  readonly atEnd: (tree: MemoryTree, folder: FolderNode) => void;
}): void {
  fc.assert(
    fc.property(fc.array(COMMAND, { maxLength: 40 }), (commands) => {
      const tree = new MemoryTree();
      for (const command of commands) {
        apply(tree, command);
        for (const folder of folders(tree)) checks.afterEachCommand(folder);
      }
      for (const folder of folders(tree)) checks.atEnd(tree, folder);
    }),
    { numRuns: 500 },
  );
}

/** A folder's name and walk orders, as the tree hands them out, are its children sorted from scratch. */
function expectExactOrders(tree: MemoryTree, folder: FolderNode): void {
  const children = [...folder.children.values()];
  const byName = [...children].sort((a, b) => compareCodePoints(a.name, b.name));
  const walkKey = (node: TreeNode): string => (node.kind === "folder" ? `${node.name}/` : node.name);
  const byWalk = [...children].sort((a, b) => compareCodePoints(walkKey(a), walkKey(b)));
  expect(tree.childrenByName(folder)).toEqual(byName);
  expect(tree.childrenForWalk(folder)).toEqual(byWalk);
}

describe("MemoryTree", { timeout: 60_000 }, () => {
  it("MEM-001 the data structure knows nothing of errors, capabilities or the Backend contract", () => {
    for (const name of ["tree.ts", "nodes.ts"]) {
      const source = readFileSync(new URL(`../../../src/backends/memory/${name}`, import.meta.url), "utf8");
      const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const spec of imports) expect(spec).not.toMatch(/errors|capabilities|backend\.js|store/);
    }
  });

  it("MEM-003 aggregates stay exact after any sequence of attach/detach/replaceFile/makeFolders/moves/clones (model test)", () => {
    checkRandomSequences({
      afterEachCommand: (folder) => {
        const expected = brute(folder);
        expect({ fileCount: folder.fileCount, totalSize: folder.totalSize }).toEqual({ fileCount: expected.fileCount, totalSize: expected.totalSize });
        // A kept `newest` is exact; a stale one is an upper bound until recomputed.
        if (folder.newestStale) expect(folder.newest).toBeGreaterThanOrEqual(expected.newest);
        else expect(folder.newest).toBe(expected.newest);
      },
      atEnd: (tree, folder) => expect(tree.newestBelow(folder)).toBe(brute(folder).newest),
    });
  });

  it("MEM-003 deleting the newest file makes only its ancestors stale; newestBelow recomputes them once", () => {
    const tree = new MemoryTree();
    tree.makeFolders(tree.root, ["a", "deep"], 0);
    tree.makeFolders(tree.root, ["b"], 0);
    const a = folderAt(tree, "a");
    const deep = folderAt(tree, "a/deep");
    const b = folderAt(tree, "b");
    tree.attach(deep, file("old", 1, 5));
    const newest = file("new", 2, 10);
    tree.attach(deep, newest);
    tree.attach(b, file("g", 4, 7));
    expect(tree.newestBelow(tree.root)).toBe(10);

    tree.detach(newest);
    expect([tree.root.newestStale, a.newestStale, deep.newestStale, b.newestStale]).toEqual([true, true, true, false]);
    expect(tree.root.totalSize).toBe(5);
    expect(tree.root.fileCount).toBe(2);
    expect(tree.newestBelow(deep)).toBe(5);
    expect(deep.newestStale).toBe(false);
    expect(tree.newestBelow(tree.root)).toBe(7);
    expect([tree.root.newestStale, a.newestStale]).toEqual([false, false]);
    expect(tree.newestBelow(a)).toBe(5);
  });

  it("MEM-003 deleting an older file keeps newest exact without marking anything stale", () => {
    const tree = new MemoryTree();
    const old = file("old", 1, 5);
    tree.attach(tree.root, old);
    tree.attach(tree.root, file("new", 1, 9));
    tree.detach(old);
    expect(tree.root.newestStale).toBe(false);
    expect(tree.newestBelow(tree.root)).toBe(9);
  });

  it("MEM-003 moving a folder whose newest is stale keeps both old and new ancestors exact", () => {
    const tree = new MemoryTree();
    const moving = tree.makeFolders(tree.root, ["src", "moving"], 0);
    const target = tree.makeFolders(tree.root, ["dst"], 0);
    tree.attach(folderAt(tree, "src"), file("stay", 1, 3));
    tree.attach(target, file("there", 1, 6));
    tree.attach(moving, file("kept", 1, 8));
    const newest = file("newest", 1, 20);
    tree.attach(moving, newest);
    tree.detach(newest);
    expect(moving.newestStale).toBe(true);
    expect(moving.newest).toBe(20);

    tree.detach(moving);
    tree.attach(target, moving);
    expect(tree.newestBelow(target)).toBe(8);
    expect(tree.newestBelow(folderAt(tree, "src"))).toBe(3);
    expect(tree.newestBelow(tree.root)).toBe(8);
    expect(target.fileCount).toBe(2);
    expect(folderAt(tree, "src").fileCount).toBe(1);
  });

  it("MEM-003 replacing the newest file with an older time makes ancestors stale and recomputes exactly", () => {
    const tree = new MemoryTree();
    const dir = tree.makeFolders(tree.root, ["d"], 0);
    const f = file("f", 3, 10);
    tree.attach(dir, f);
    tree.attach(tree.root, file("g", 1, 4));
    tree.replaceFile(f, { content: new Uint8Array(7), offset: 0, size: 7, modifiedAt: 2, contentType: "x/y", metadata: undefined });
    expect(tree.root.totalSize).toBe(8);
    expect(dir.totalSize).toBe(7);
    expect(tree.newestBelow(dir)).toBe(2);
    expect(tree.newestBelow(tree.root)).toBe(4);
  });

  it("MEM-003 an empty folder has no newest time", () => {
    const tree = new MemoryTree();
    const empty = tree.makeFolders(tree.root, ["e"], 0);
    expect(tree.newestBelow(empty)).toBe(Number.NEGATIVE_INFINITY);
    const only = file("x", 1, 5);
    tree.attach(empty, only);
    tree.detach(only);
    expect(tree.newestBelow(empty)).toBe(Number.NEGATIVE_INFINITY);
    expect(tree.newestBelow(tree.root)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("MEM-004 cloneFolder shares each file's immutable content and stamps the new time", () => {
    const tree = new MemoryTree();
    const src = tree.makeFolders(tree.root, ["src", "inner"], 0);
    const original = file("f", 4, 1);
    tree.attach(src, original);
    tree.makeFolders(src, ["empty"], 0);
    const clone = cloneFolder(folderAt(tree, "src"), "copy", 99);
    tree.attach(tree.root, clone);
    const copied = tree.findPath("copy/inner/f") as FileNode;
    expect(copied).not.toBe(original);
    expect(copied.content).toBe(original.content);
    expect(copied.modifiedAt).toBe(99);
    expect(tree.findPath("copy/inner/empty")?.kind).toBe("folder");
    expect(tree.root.fileCount).toBe(2);
    expect(tree.newestBelow(tree.root)).toBe(99);
    expect(tree.newestBelow(folderAt(tree, "src"))).toBe(1);
  });

  it("MEM-002 resolve reports a found node, a file in the way, or the deepest existing folder", () => {
    const tree = new MemoryTree();
    const a = tree.makeFolders(tree.root, ["a"], 0);
    const f = file("f", 1, 1);
    tree.attach(a, f);
    expect(tree.resolve(["a", "f"])).toEqual({ found: f });
    expect(tree.resolve([])).toEqual({ found: tree.root });
    const blocked = tree.resolve(["a", "f", "x", "y"]);
    expect(blocked).toMatchObject({ found: undefined, blockedAt: 1 });
    expect((blocked as { blockedBy: FileNode }).blockedBy).toBe(f);
    const missing = tree.resolve(["a", "n", "m"]);
    expect(missing).toMatchObject({ found: undefined, blockedBy: undefined, missingAt: 1 });
    expect((missing as { deepest: FolderNode }).deepest).toBe(a);
    expect(tree.findPath("a/f/x")).toBeUndefined();
    expect(tree.findPath("a/n")).toBeUndefined();
  });

  it("MEM-002 makeFolders creates only missing folders and returns the last one", () => {
    const tree = new MemoryTree();
    const a = tree.makeFolders(tree.root, ["a"], 0);
    const c = tree.makeFolders(a, ["a", "b", "c"], 1);
    expect(c.name).toBe("c");
    expect(folderAt(tree, "a/b/c")).toBe(c);
    expect(folderAt(tree, "a")).toBe(a);
    expect(tree.makeFolders(tree.root, ["a", "b", "c"], 0)).toBe(c);
    expect(tree.root.children.size).toBe(1);
  });

  it("ORD-003 walkFiles visits full paths in code point order and walkFolders visits every folder (property)", () => {
    fc.assert(
      fc.property(fc.array(COMMAND, { maxLength: 40 }), (commands) => {
        const tree = new MemoryTree();
        for (const command of commands) apply(tree, command);
        const files: string[] = [];
        tree.walkFiles(tree.root, "", Number.POSITIVE_INFINITY, (_f, path) => files.push(path));
        expect(files).toEqual([...files].sort(compareCodePoints));
        expect(files).toHaveLength(tree.root.fileCount);
        const dirs: string[] = [];
        tree.walkFolders(tree.root, "", Number.POSITIVE_INFINITY, (_f, path) => dirs.push(path));
        expect(dirs).toHaveLength(folders(tree).length - 1);
        const names = tree.childrenByName(tree.root).map((n) => n.name);
        expect(names).toEqual([...names].sort(compareCodePoints));
      }),
      { numRuns: 300 },
    );
  });

  it("ST-061 walkFiles and walkFolders stop at maxDepth", () => {
    const tree = new MemoryTree();
    tree.attach(tree.root, file("top", 1, 1));
    tree.attach(tree.makeFolders(tree.root, ["a"], 0), file("one", 1, 1));
    tree.attach(tree.makeFolders(tree.root, ["a", "b"], 0), file("two", 1, 1));
    const filesAt = (depth: number): string[] => {
      const out: string[] = [];
      tree.walkFiles(tree.root, "", depth, (_f, p) => out.push(p));
      return out;
    };
    const foldersAt = (depth: number): string[] => {
      const out: string[] = [];
      tree.walkFolders(tree.root, "", depth, (_f, p) => out.push(p));
      return out;
    };
    expect(filesAt(0)).toEqual(["top"]);
    expect(filesAt(1)).toEqual(["a/one", "top"]);
    expect(filesAt(2)).toEqual(["a/b/two", "a/one", "top"]);
    expect(foldersAt(0)).toEqual(["a"]);
    expect(foldersAt(1)).toEqual(["a", "a/b"]);
  });

  it("MEM-015 ORD-002 the name and walk orders stay exact after any sequence of changes and listings (model test)", () => {
    checkRandomSequences({
      afterEachCommand: (folder) => {
        // A kept order is exact without being rebuilt.
        if (folder.byName !== undefined) expect(folder.byName.map((n) => n.name)).toEqual([...folder.children.keys()].sort(compareCodePoints));
      },
      atEnd: expectExactOrders,
    });
  });

  it("MEM-015 children added in name order keep the cached order without a rebuild; one out of order drops it", () => {
    const tree = new MemoryTree();
    const folder = tree.makeFolders(tree.root, ["f"], 0);
    for (const name of ["a", "b", "c"]) tree.attach(folder, file(name, 1, 1));
    const kept = folder.byName;
    expect(kept?.map((n) => n.name)).toEqual(["a", "b", "c"]);
    expect(tree.childrenByName(folder)).toBe(kept);
    // A folder that sorts last in both orders keeps them; then a name that sorts earlier drops both.
    tree.attach(folder, newFolder("d"));
    expect(folder.byName?.map((n) => n.name)).toEqual(["a", "b", "c", "d"]);
    tree.attach(folder, file("b2", 1, 1));
    expect(folder.byName).toBeUndefined();
    expect(folder.byWalk).toBeUndefined();
    expect(tree.childrenByName(folder).map((n) => n.name)).toEqual(["a", "b", "b2", "c", "d"]);
  });

  it("MEM-015 a name that sorts last by name but not in walk order keeps only the name order", () => {
    const tree = new MemoryTree();
    const folder = tree.makeFolders(tree.root, ["f"], 0);
    tree.attach(folder, newFolder("a"));
    // By name "a" < "a-"; in walk order the folder is "a/", and "a-" < "a/" ('-' is 0x2d, '/' is 0x2f).
    tree.attach(folder, file("a-", 1, 1));
    expect(folder.byName?.map((n) => n.name)).toEqual(["a", "a-"]);
    expect(folder.byWalk).toBeUndefined();
    expect(tree.childrenForWalk(folder).map((n) => n.name)).toEqual(["a-", "a"]);
  });

  it("ORD-002 childrenByName is refreshed after the folder changes", () => {
    const tree = new MemoryTree();
    tree.attach(tree.root, file("b", 1, 1));
    expect(tree.childrenByName(tree.root).map((n) => n.name)).toEqual(["b"]);
    tree.attach(tree.root, file("a", 1, 1));
    tree.attach(tree.root, newFolder("a-b"));
    expect(tree.childrenByName(tree.root).map((n) => n.name)).toEqual(["a", "a-b", "b"]);
    tree.detach(tree.root.children.get("a") as TreeNode);
    expect(tree.childrenByName(tree.root).map((n) => n.name)).toEqual(["a-b", "b"]);
  });
});
