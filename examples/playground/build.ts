/**
 * Builds the playground into examples/playground/dist/ (spec/browser.md BR-031): an ES module
 * bundled by esbuild from the library's universal entry for `platform: "browser"` (minimatch stays
 * a separate chunk that loads on the first glob, as in BR-010), plus the page and its stylesheet.
 * Module scripts need http(s), so open it through a server, e.g. the one `--serve` starts:
 *
 *   npm run playground:build                       # build only
 *   npx tsx examples/playground/build.ts --serve   # build, then serve on http://127.0.0.1:8080/
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { serveDirectory } from "./serve-directory.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));

/** Where `npm run playground:build` writes the page (git-ignored). */
export const PLAYGROUND_DIST = join(HERE, "dist");

/** Options of {@link buildPlayground}. */
export interface BuildPlaygroundOptions {
  /** Output folder, emptied first; default {@link PLAYGROUND_DIST}. */
  readonly outdir?: string;
}

/** What {@link buildPlayground} produced. */
export interface PlaygroundBuild {
  readonly outdir: string;
  /** Size of the minified entry script in bytes (lazy chunks not counted). */
  readonly scriptBytes: number;
}

/** Bundles playground.ts (and its lazy chunks) and copies index.html and style.css into `outdir`. */
export async function buildPlayground(options: BuildPlaygroundOptions = {}): Promise<PlaygroundBuild> {
  const outdir = options.outdir ?? PLAYGROUND_DIST;
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: [join(HERE, "playground.ts")],
    outdir,
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
  });
  await Promise.all(["index.html", "style.css"].map((name) => copyFile(join(HERE, name), join(outdir, name))));
  const script = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith("/playground.js"));
  return { outdir, scriptBytes: script?.[1].bytes ?? 0 };
}

async function main(args: readonly string[]): Promise<void> {
  const built = await buildPlayground();
  console.log(`playground built: ${built.outdir} (playground.js ${built.scriptBytes} B)`);
  if (!args.includes("--serve")) return;
  const server = await serveDirectory(built.outdir, { port: 8080 });
  console.log(`serving ${server.url} (Ctrl-C stops)`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
