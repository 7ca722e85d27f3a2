import type { Entry, Store } from "../../src/index.js";

/** How {@link renderTree} marks and reports the selection. */
export interface TreeViewOptions {
  /** Path of the selected entry, shown pressed. */
  readonly selected: string | undefined;
  /** Called when the user picks an entry. */
  readonly onSelect: (entry: Entry) => void;
}

/**
 * Renders the whole store as nested lists, in the store's listing order. Every entry is an
 * `<li data-path data-kind>` holding a toggle button (folders end in `/`), so the tree is usable
 * by keyboard and screen reader, and the end-to-end test can read it back.
 */
export async function renderTree(store: Store, options: TreeViewOptions): Promise<HTMLElement> {
  const root = await renderFolder(store, "", options);
  if (root.childElementCount > 0) {
    root.setAttribute("aria-label", "Store contents");
    return root;
  }
  const empty = document.createElement("p");
  empty.className = "empty";
  empty.textContent = "The store is empty.";
  return empty;
}

async function renderFolder(store: Store, path: string, options: TreeViewOptions): Promise<HTMLUListElement> {
  const list = document.createElement("ul");
  for await (const entry of store.iterChildren(path)) {
    const item = document.createElement("li");
    item.dataset.path = entry.path;
    item.dataset.kind = entry.kind;
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = entry.kind === "folder" ? `${entry.name}/` : entry.name;
    button.setAttribute("aria-pressed", String(entry.path === options.selected));
    button.addEventListener("click", () => options.onSelect(entry));
    item.append(button);
    if (entry.kind === "file") {
      const size = document.createElement("span");
      size.className = "size";
      size.textContent = `${entry.size} B`;
      item.append(size);
    } else {
      const children = await renderFolder(store, entry.path, options);
      if (children.childElementCount > 0) item.append(children);
    }
    list.append(item);
  }
  return list;
}

/** Marks `path` as the selected entry of a rendered tree without rebuilding it. */
export function markSelected(container: HTMLElement, path: string | undefined): void {
  for (const item of container.querySelectorAll<HTMLLIElement>("li[data-path]")) {
    item.querySelector(":scope > button")?.setAttribute("aria-pressed", String(item.dataset.path === path));
  }
}
