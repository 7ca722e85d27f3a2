import type { FileInfo } from "../../contract/models.js";
import { baseName, compareCodePoints, parentPath } from "../../paths/index.js";
import type { Store } from "../../store/store.js";
import { formatSize, plural } from "./size.js";
import type { OutputStyle } from "./style.js";

/** A folder of a tree (spec CLI-041); `children` is absent below the depth limit. */
export interface TreeFolder {
  readonly kind: "folder";
  readonly path: string;
  readonly name: string;
  fileCount: number;
  totalSize: number;
  children?: TreeItem[];
}

/** A tree entry: a folder or a file. */
export type TreeItem = TreeFolder | FileInfo;

/**
 * Builds the tree of the folder `path` (spec CLI-041): every entry down to `depth` levels below it
 * (unlimited when `undefined`), with exact file counts and sizes for every folder — folders at the
 * depth limit get theirs from `getFolderInfo`.
 */
export async function buildTree(store: Store, path: string, depth: number | undefined): Promise<TreeFolder> {
  const options = depth === undefined ? { recursive: true } : { maxDepth: depth - 1 };
  const root: TreeFolder = { kind: "folder", path, name: baseName(path), fileCount: 0, totalSize: 0, children: [] };
  const folders = new Map<string, TreeFolder>([[path, root]]);
  for await (const folder of store.listFolders(path, options)) {
    const node: TreeFolder = { kind: "folder", path: folder.path, name: folder.name, fileCount: 0, totalSize: 0, children: [] };
    folders.set(folder.path, node);
    folders.get(parentPath(folder.path))?.children?.push(node);
  }
  const count = (from: string, files: number, bytes: number): void => {
    for (let at: string | undefined = from; at !== undefined; at = at === path ? undefined : parentPath(at)) {
      const node = folders.get(at);
      if (node === undefined) break;
      node.fileCount += files;
      node.totalSize += bytes;
    }
  };
  for await (const file of store.listFiles(path, options)) {
    folders.get(parentPath(file.path))?.children?.push(file);
    count(parentPath(file.path), 1, file.size);
  }
  if (depth !== undefined) {
    for (const node of folders.values()) {
      if (node === root || levelsBelow(path, node.path) < depth) continue;
      const info = await store.getFolderInfo(node.path);
      delete node.children;
      count(node.path, info.fileCount, info.totalSize);
    }
  }
  for (const node of folders.values()) node.children?.sort((a, b) => compareCodePoints(a.name, b.name));
  return root;
}

function levelsBelow(base: string, path: string): number {
  const rest = base === "" ? path : path.slice(base.length + 1);
  return rest.split("/").length;
}

/** The tree as text lines: a header, then `├──`/`└──` branches (spec CLI-041). */
export function renderTree(root: TreeFolder, label: string, style: OutputStyle): string[] {
  const { colors } = style;
  const counts = (node: TreeFolder): string => colors.dim(`(${plural(node.fileCount, "file")}, ${formatSize(node.totalSize, style.human)})`);
  const lines = [`${colors.blue(colors.bold(label))}  ${counts(root)}`];
  const walk = (node: TreeFolder, indent: string): void => {
    const children = node.children ?? [];
    children.forEach((child, index) => {
      const last = index === children.length - 1;
      const branch = indent + (last ? "└── " : "├── ");
      if (child.kind === "file") {
        lines.push(`${branch}${child.name}  ${colors.dim(formatSize(child.size, style.human))}`);
        return;
      }
      const more = child.children === undefined && child.fileCount > 0 ? " …" : "";
      lines.push(`${branch}${colors.blue(colors.bold(`${child.name}/`))}  ${counts(child)}${more}`);
      walk(child, indent + (last ? "    " : "│   "));
    });
  };
  walk(root, "");
  return lines;
}

/** Joins a base path and the relative path of an entry (for labels). */
export function relativeTo(base: string, path: string): string {
  return base === "" ? path : path === base ? "" : path.slice(base.length + 1);
}

