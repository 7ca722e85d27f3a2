/**
 * A short tour of remote-store on an in-memory store: write, list, move, and print a tree.
 * Run with `npm start`.
 */
import { MemoryBackend, Store, type Entry } from "../src/index.js";

async function printTree(store: Store, folder = "", indent = ""): Promise<void> {
  const children: Entry[] = await store.iterChildren(folder).toArray();
  for (const [index, entry] of children.entries()) {
    const last = index === children.length - 1;
    const branch = last ? "└── " : "├── ";
    if (entry.kind === "folder") {
      const info = await store.getFolderInfo(entry.path);
      console.log(`${indent}${branch}${entry.name}/  (${info.fileCount} files, ${info.totalSize} B)`);
      await printTree(store, entry.path, indent + (last ? "    " : "│   "));
    } else {
      console.log(`${indent}${branch}${entry.name}  ${entry.size} B  ${entry.contentType ?? ""}`);
    }
  }
}

async function main(): Promise<void> {
  await using store = new Store({ backend: new MemoryBackend({ name: "tour" }), rootPath: "project" });

  await store.writeText("reports/2026/q1.csv", "region,total\nnorth,12\n");
  await store.writeText("reports/2026/q2.csv", "region,total\nnorth,15\n");
  await store.write("images/logo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { metadata: { author: "ada" } });
  await store.writeText("notes/todo.md", "- ship the memory backend\n");
  console.log("wrote 4 files");

  await store.move("notes/todo.md", "archive/todo.md");
  console.log("moved notes/todo.md → archive/todo.md (notes/ stays, empty folders persist)");

  console.log("\nCSV files:", (await store.glob("**/*.csv").toArray()).map((file) => file.path).join(", "));
  const info = await store.getFileInfo("images/logo.png");
  console.log(`images/logo.png: ${info.size} B, ${info.contentType}, metadata ${JSON.stringify(info.metadata)}`);
  console.log(`URL: ${await store.url("reports/2026/q1.csv")}`);

  const root = await store.getFolderInfo("");
  console.log(`\nproject/  (${root.fileCount} files, ${root.totalSize} B)`);
  await printTree(store);
}

await main();
