/**
 * The playground page (spec/browser.md BR-030): create, edit, move and delete files and folders in
 * a memory store, watch the tree, and download or load a snapshot. No framework: forms, buttons
 * and one status line. Build and serve with `npx tsx examples/playground/build.ts --serve`.
 */
import { isRemoteStoreError, normalizePath, type Entry, type Store } from "../../src/index.js";
import { createPlaygroundStore, downloadSnapshot, loadSnapshot } from "./snapshot-file.js";
import { markSelected, renderTree } from "./tree-view.js";

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`The page has no <${type.name}> #${id}`);
  return found;
}

const ui = {
  tree: element("tree", HTMLDivElement),
  status: element("status", HTMLParagraphElement),
  fileForm: element("file-form", HTMLFormElement),
  filePath: element("file-path", HTMLInputElement),
  fileContent: element("file-content", HTMLTextAreaElement),
  folderForm: element("folder-form", HTMLFormElement),
  folderPath: element("folder-path", HTMLInputElement),
  moveForm: element("move-form", HTMLFormElement),
  moveFrom: element("move-from", HTMLInputElement),
  moveTo: element("move-to", HTMLInputElement),
  deleteForm: element("delete-form", HTMLFormElement),
  deletePath: element("delete-path", HTMLInputElement),
  download: element("download-snapshot", HTMLButtonElement),
  upload: element("upload-snapshot", HTMLInputElement),
};

let store: Store = createPlaygroundStore();
let selected: string | undefined;
let queue: Promise<void> = Promise.resolve();
let finished = 0;

/** Shows one message; errors from the library show their code. */
function say(message: string, kind: "info" | "error" = "info"): void {
  ui.status.textContent = message;
  ui.status.dataset.kind = kind;
}

function describeError(error: unknown): string {
  if (isRemoteStoreError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof SyntaxError) return `Not a JSON file: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

async function refresh(): Promise<void> {
  const tree = await renderTree(store, { selected, onSelect: (entry) => void select(entry) });
  ui.tree.replaceChildren(tree);
}

/**
 * Runs one user action after the previous ones (so the tree never interleaves), then redraws the
 * tree, also after a failure, and reports. `body[data-done]` counts finished actions, for scripts.
 */
function perform(action: () => Promise<string>): void {
  queue = queue.then(async () => {
    let report: [string, "info" | "error"];
    try {
      report = [await action(), "info"];
    } catch (error) {
      report = [describeError(error), "error"];
    }
    try {
      await refresh();
    } catch (error) {
      report = [describeError(error), "error"];
    }
    say(...report);
    document.body.dataset.done = String(++finished);
  });
}

/** Fills the forms from the picked entry (a file's text goes into the editor). */
async function select(entry: Entry): Promise<void> {
  selected = entry.path;
  markSelected(ui.tree, selected);
  ui.moveFrom.value = entry.path;
  ui.moveTo.value = entry.path;
  ui.deletePath.value = entry.path;
  if (entry.kind === "folder") {
    ui.folderPath.value = `${entry.path}/`;
    ui.filePath.value = `${entry.path}/`;
    ui.fileContent.value = "";
    say(`Selected folder ${entry.path}`);
    return;
  }
  ui.filePath.value = entry.path;
  try {
    ui.fileContent.value = await store.readText(entry.path);
    say(`Selected ${entry.path} (${entry.size} B)`);
  } catch (error) {
    say(describeError(error), "error");
  }
}

ui.fileForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter.value : "create";
  const path = ui.filePath.value;
  const content = ui.fileContent.value;
  perform(async () => {
    if (submitter === "save") {
      if (!(await store.isFile(path))) throw new Error(`There is no file ${normalizePath(path)} to save; use "Create file".`);
      await store.writeText(path, content, { overwrite: true });
      return `Saved ${normalizePath(path)}`;
    }
    await store.writeText(path, content);
    selected = normalizePath(path);
    return `Created ${selected}`;
  });
});

ui.folderForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const path = ui.folderPath.value;
  perform(async () => {
    await store.createFolder(path);
    return `Created folder ${normalizePath(path)}`;
  });
});

ui.moveForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const from = ui.moveFrom.value;
  const to = ui.moveTo.value;
  perform(async () => {
    if (await store.isFolder(from)) await store.moveFolder(from, to);
    else await store.move(from, to);
    selected = normalizePath(to);
    return `Moved ${normalizePath(from)} to ${selected}`;
  });
});

ui.deleteForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const path = ui.deletePath.value;
  perform(async () => {
    if (await store.isFolder(path)) await store.deleteFolder(path, { recursive: true });
    else await store.delete(path);
    selected = undefined;
    return `Deleted ${normalizePath(path)}`;
  });
});

ui.download.addEventListener("click", () => {
  perform(async () => `Downloaded a snapshot of ${await downloadSnapshot(store)} entries`);
});

ui.upload.addEventListener("change", () => {
  const file = ui.upload.files?.[0];
  ui.upload.value = "";
  if (file === undefined) return;
  perform(async () => {
    const loaded = await loadSnapshot(file);
    const previous = store;
    store = loaded;
    selected = undefined;
    await previous.close();
    return `Loaded ${file.name}`;
  });
});

perform(async () => {
  await store.writeText("README.md", "# Playground\n\nEverything here lives in a MemoryBackend in this tab.\n");
  await store.writeText("notes/todo.txt", "- try moving a folder\n- download a snapshot\n");
  await store.createFolder("archive");
  return "Ready: a fresh memory store in this tab";
});
