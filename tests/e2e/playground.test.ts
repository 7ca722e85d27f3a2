/**
 * BR-032: the playground end to end, in headless Debian Chromium driven by playwright-core from
 * Node. Builds the page with esbuild, serves it on 127.0.0.1, and drives every action through the
 * page's own forms and buttons, reading the rendered tree back after each one.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlayground } from "../../examples/playground/build.js";
import { serveDirectory, type StaticServer } from "../../examples/playground/serve-directory.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../tests-browser/support/chromium.js";
import { pngStats } from "./png-stats.js";

const VIEWPORT = { width: 1024, height: 800 };
/** Kept for people to look at (the lead's request); rewritten on every run. */
const SCREENSHOT = fileURLToPath(new URL("../../examples/playground/dist/screenshot.png", import.meta.url));
const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
const TITLE = HAS_CHROMIUM
  ? "BR-032 the playground in headless Chromium"
  : `BR-032 the playground in headless Chromium — SKIPPED: no browser at ${CHROMIUM_PATH} (apt-get install chromium)`;

let outdir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

/** Runs one UI action and waits until the page has finished it (body[data-done] counts them). */
async function act(action: () => Promise<unknown>): Promise<void> {
  const before = Number(await page.getAttribute("body", "data-done"));
  await action();
  await page.waitForFunction((count) => Number(document.body.dataset.done) > count, before);
}

/** The rendered tree: every entry's path, folders with a trailing `/`, in page order. */
async function renderedTree(): Promise<string[]> {
  return page.$$eval("#tree li[data-path]", (items) =>
    items.map((item) => `${(item as HTMLElement).dataset.path}${(item as HTMLElement).dataset.kind === "folder" ? "/" : ""}`),
  );
}

async function sizeShown(path: string): Promise<string | null> {
  return page.textContent(`#tree li[data-path="${path}"] > .size`);
}

async function status(): Promise<{ text: string; kind: string | null }> {
  return { text: (await page.textContent("#status")) ?? "", kind: await page.getAttribute("#status", "data-kind") };
}

const button = (name: string) => page.getByRole("button", { name, exact: true });

describe.skipIf(!HAS_CHROMIUM)(TITLE, { timeout: 120_000 }, () => {
  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), "remote-store-playground-"));
    await buildPlayground({ outdir });
    server = await serveDirectory(outdir);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => Number(document.body.dataset.done) >= 1);
    expect(problems).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outdir !== undefined) await rm(outdir, { recursive: true, force: true });
  });

  it("BR-031 the build is an ES module page: index.html, style.css, the minified entry, and minimatch as a lazy chunk", async () => {
    const html = await readFile(join(outdir, "index.html"), "utf8");
    expect(html).toMatch(/<script type="module" src="\.?\/?playground\.js"><\/script>/);
    await expect(readFile(join(outdir, "style.css"), "utf8")).resolves.not.toBe("");
    const entry = await readFile(join(outdir, "playground.js"), "utf8");
    expect(entry).not.toContain('"node:');
    expect(entry.split("\n").length).toBeLessThan(20);
    const lazy = [...entry.matchAll(/import\("\.\/(chunks\/[^"]+\.js)"\)/g)].map((match) => match[1] as string);
    expect(lazy.length).toBeGreaterThan(0);
    // minimatch's own error text: in a lazy chunk, not in the entry.
    expect(entry).not.toContain("pattern is too long");
    const chunks = await Promise.all(lazy.map((chunk) => readFile(join(outdir, chunk), "utf8")));
    expect(chunks.some((chunk) => chunk.includes("pattern is too long"))).toBe(true);
  });

  it("BR-030 the page loads with its seeded store and a ready message", async () => {
    expect(await page.title()).toBe("remote-store playground");
    expect(await renderedTree()).toEqual(["README.md", "archive/", "notes/", "notes/todo.txt"]);
    expect(await status()).toEqual({ text: "Ready: a fresh memory store in this tab", kind: "info" });
  });

  it("BR-030 create file: the form writes it and the tree shows it with its size", async () => {
    // Filled through their labels: the forms are usable by name, not only by id.
    await page.locator("#file-form").getByLabel("Path", { exact: true }).fill("docs/hello.txt");
    await page.locator("#file-form").getByLabel("Content", { exact: true }).fill("Hello");
    await act(() => button("Create file").click());
    expect(await renderedTree()).toEqual(["README.md", "archive/", "docs/", "docs/hello.txt", "notes/", "notes/todo.txt"]);
    expect(await sizeShown("docs/hello.txt")).toBe("5 B");
    expect(await status()).toEqual({ text: "Created docs/hello.txt", kind: "info" });
  });

  it("BR-030 creating it again shows the library's ALREADY_EXISTS error and changes nothing", async () => {
    await act(() => button("Create file").click());
    const shown = await status();
    expect(shown.kind).toBe("error");
    expect(shown.text.startsWith("ALREADY_EXISTS: ")).toBe(true);
    expect(await sizeShown("docs/hello.txt")).toBe("5 B");
  });

  it("BR-030 edit: selecting the file loads it into the form; saving rewrites it", async () => {
    await page.fill("#file-path", "");
    await page.fill("#file-content", "");
    await page.click('#tree li[data-path="docs/hello.txt"] > button');
    await page.waitForFunction(() => (document.getElementById("file-content") as HTMLTextAreaElement).value === "Hello");
    expect(await page.inputValue("#file-path")).toBe("docs/hello.txt");
    expect(await page.getAttribute('#tree li[data-path="docs/hello.txt"] > button', "aria-pressed")).toBe("true");
    await page.fill("#file-content", "Hello, browser!");
    await act(() => button("Save changes").click());
    expect(await sizeShown("docs/hello.txt")).toBe("15 B");
    expect(await status()).toEqual({ text: "Saved docs/hello.txt", kind: "info" });
  });

  it("BR-030 create folder: an empty folder appears in the tree", async () => {
    await page.locator("#folder-form").getByLabel("Path", { exact: true }).fill("archive/2026");
    await act(() => button("Create folder").click());
    expect(await renderedTree()).toEqual(["README.md", "archive/", "archive/2026/", "docs/", "docs/hello.txt", "notes/", "notes/todo.txt"]);
  });

  it("BR-030 move: a folder moves with its files", async () => {
    await page.getByLabel("From", { exact: true }).fill("docs");
    await page.getByLabel("To", { exact: true }).fill("archive/2026/docs");
    await act(() => button("Move").click());
    expect(await renderedTree()).toEqual(["README.md", "archive/", "archive/2026/", "archive/2026/docs/", "archive/2026/docs/hello.txt", "notes/", "notes/todo.txt"]);
    expect(await status()).toEqual({ text: "Moved docs to archive/2026/docs", kind: "info" });
  });

  it("BR-030 delete: a folder goes with everything in it, and a file alone", async () => {
    await page.fill("#delete-path", "notes");
    await act(() => button("Delete").click());
    await page.fill("#delete-path", "README.md");
    await act(() => button("Delete").click());
    expect(await renderedTree()).toEqual(["archive/", "archive/2026/", "archive/2026/docs/", "archive/2026/docs/hello.txt"]);
    expect(await status()).toEqual({ text: "Deleted README.md", kind: "info" });
  });

  it("BR-030 download: the snapshot file is the store's tree as JSON", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), act(() => button("Download snapshot").click())]);
    expect(download.suggestedFilename()).toBe("remote-store-snapshot.json");
    const snapshot = JSON.parse(await readFile(await download.path(), "utf8")) as { format: string; version: number; entries: Record<string, unknown>[] };
    expect(snapshot.format).toBe("remote-store-snapshot");
    expect(snapshot.version).toBe(1);
    expect(snapshot.entries.map((entry) => `${String(entry.kind)} ${String(entry.path)}`)).toEqual([
      "folder archive",
      "folder archive/2026",
      "folder archive/2026/docs",
      "file archive/2026/docs/hello.txt",
    ]);
    expect(snapshot.entries[3]).toMatchObject({ text: "Hello, browser!", contentType: "text/plain" });
    expect(await status()).toEqual({ text: "Downloaded a snapshot of 4 entries", kind: "info" });
  });

  it("BR-030 upload: a snapshot file replaces the tree; a bad one changes nothing", async () => {
    const snapshot = {
      format: "remote-store-snapshot",
      version: 1,
      entries: [
        { kind: "folder", path: "empty" },
        { kind: "file", path: "img/dot.bin", base64: "AAH/", contentType: "application/octet-stream" },
        { kind: "file", path: "readme.txt", text: "from a file" },
      ],
    };
    const upload = (name: string, text: string) =>
      page.setInputFiles("#upload-snapshot", { name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
    await act(() => upload("mine.json", JSON.stringify(snapshot)));
    expect(await renderedTree()).toEqual(["empty/", "img/", "img/dot.bin", "readme.txt"]);
    expect(await sizeShown("img/dot.bin")).toBe("3 B");
    expect(await status()).toEqual({ text: "Loaded mine.json", kind: "info" });

    await act(() => upload("broken.json", JSON.stringify({ ...snapshot, version: 2 })));
    expect((await status()).text.startsWith("INVALID_ARGUMENT: ")).toBe(true);
    await act(() => upload("not-json.json", "{ nope"));
    expect(await status()).toMatchObject({ kind: "error" });
    expect((await status()).text.startsWith("Not a JSON file")).toBe(true);
    expect(await renderedTree()).toEqual(["empty/", "img/", "img/dot.bin", "readme.txt"]);
  });

  it("BR-030 the screenshot is a PNG of the whole viewport with the page drawn on it", async () => {
    await page.click('#tree li[data-path="readme.txt"] > button');
    await page.waitForFunction(() => (document.getElementById("file-content") as HTMLTextAreaElement).value === "from a file");
    expect(await status()).toEqual({ text: "Selected readme.txt (11 B)", kind: "info" });
    const png = await page.screenshot({ type: "png" });
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await writeFile(SCREENSHOT, png);
    const stats = await pngStats(page, png);
    console.log(`[playground] screenshot ${SCREENSHOT}: ${png.length} B, ${stats.width}x${stats.height}, ${stats.colours} colours, ${(stats.inkShare * 100).toFixed(1)}% ink`);
    expect({ width: stats.width, height: stats.height }).toEqual(VIEWPORT);
    // A blank or failed page is one or two colours; text, borders and buttons give many.
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.inkShare).toBeGreaterThan(0.005);
    expect(stats.buttonBlue).toBeGreaterThan(0);
  });
});
