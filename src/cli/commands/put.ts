import { stat } from "node:fs/promises";
import * as nodePath from "node:path";
import type { Readable } from "node:stream";
import { Command } from "commander";
import { AlreadyExists, InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import type { Metadata } from "../../contract/models.js";
import { validateMetadata } from "../../store/metadata.js";
import { usageError } from "../errors/cli-errors.js";
import type { CommandContext } from "../context.js";
import type { Location } from "../session/location.js";
import { resolveDestination } from "../transfer/destination.js";
import { localKind, openLocalFile, uploadStream, walkLocal, type LocalFile } from "../transfer/local-upload.js";
import { ProgressTracker } from "../../shared/progress/progress-tracker.js";
import { collectPair, examples } from "./options.js";
import type { Runner } from "./runner.js";

interface PutOptions {
  readonly recursive?: boolean;
  readonly force?: boolean;
  readonly contentType?: string;
  readonly meta?: Record<string, string>;
}

/** `put <local> <location> [-r] [--force] [--content-type T] [--meta k=v]...` (spec CLI-046). */
export function putCommand(run: Runner): Command {
  return new Command("put")
    .description("upload a local file (or, with -r, a folder) into a store")
    .argument("<local>", "local file or folder; - reads stdin")
    .argument("<location>", "destination file, or a folder to put it in (ends with / or exists)")
    .option("-r, --recursive", "upload a folder and everything below it")
    .option("-f, --force", "replace existing files")
    .option("--content-type <type>", "content type to store (default: guessed from the name)")
    .option("--meta <key=value>", "user metadata to store (repeatable)", collectPair)
    .addHelpText("after", examples(["remote-store put ./q1.csv reports:2026/", "remote-store put -r ./site file:/srv/www", "echo hi | remote-store put - notes:hello.txt", "remote-store put --meta author=ada logo.png images:"]))
    .action(
      run<PutOptions>(async (ctx, [local, spec], options) => {
        const metadata = checkedMetadata(options.meta);
        const destination = await ctx.destination(spec as string);
        if (local === "-") return putStdin(ctx, destination, options, metadata);
        const localPath = local as string;
        const kind = await localKind(localPath);
        if (kind === "other") throw new InvalidPath(`local path is not a file or folder`, { path: localPath });
        if (kind === "folder" && options.recursive !== true) throw new InvalidPath(`local path is a folder (use -r)`, { path: localPath });
        const name = nodePath.basename(nodePath.resolve(ctx.io.cwd, localPath));
        const target = await resolveDestination(destination, name);
        if (kind === "file") {
          const { size } = await stat(localPath);
          return putFiles(ctx, target, [{ local: localPath, relative: "", size }], options, metadata);
        }
        const { files, folders } = await walkLocal(localPath);
        if (target.store.supports("createFolder")) {
          for (const folder of ["", ...folders]) {
            const path = target.child(folder).path;
            if (path !== "") await target.run(() => target.store.createFolder(path, { existOk: true }));
          }
        }
        await putFiles(ctx, target, files, options, metadata);
      }),
    );
}

function checkedMetadata(meta: Record<string, string> | undefined): Metadata | undefined {
  try {
    return validateMetadata(meta);
  } catch (error) {
    throw usageError(`--meta: ${(error as Error).message}`);
  }
}

async function putStdin(ctx: CommandContext, destination: Location, options: PutOptions, metadata: Metadata | undefined): Promise<void> {
  if (destination.folderHint || destination.path === "") throw usageError(`put - needs a destination file name, got ${JSON.stringify(destination.spec)}`);
  await checkTargets(destination, [""], options.force === true);
  using interrupt = ctx.interrupt();
  const progress = ctx.progress("put");
  const tracker = new ProgressTracker(1, 0, (state) => progress.update(state));
  tracker.start();
  try {
    await uploadStream(destination, ctx.io.stdin as unknown as Readable, "-", {
      overwrite: options.force === true,
      contentType: options.contentType,
      metadata,
      interrupt,
      onBytes: (bytes) => tracker.bytes("-", bytes),
    });
    tracker.fileDone("-", 0);
  } finally {
    progress.stop();
  }
}

/** Uploads files one after the other, after checking every destination (spec CLI-045). */
async function putFiles(ctx: CommandContext, target: Location, files: readonly LocalFile[], options: PutOptions, metadata: Metadata | undefined): Promise<void> {
  const overwrite = options.force === true;
  await checkTargets(target, files.map((file) => file.relative), overwrite);
  using interrupt = ctx.interrupt();
  const progress = ctx.progress("put");
  const tracker = new ProgressTracker(files.length, files.reduce((sum, file) => sum + file.size, 0), (state) => progress.update(state));
  tracker.start();
  try {
    for (const file of files) {
      interrupt.check();
      await uploadStream(target.child(file.relative), openLocalFile(file.local), file.local, {
        overwrite,
        contentType: options.contentType,
        metadata,
        interrupt,
        onBytes: (bytes) => tracker.bytes(file.local, bytes),
      });
      tracker.fileDone(file.local, file.size);
    }
  } finally {
    progress.stop();
  }
}

/** `ALREADY_EXISTS` (without `--force`) or `INVALID_PATH` (a folder in the way) before anything is written. */
async function checkTargets(target: Location, relatives: readonly string[], overwrite: boolean): Promise<void> {
  for (const relative of relatives) {
    const location = target.child(relative);
    await location.run(async () => {
      if (await location.store.isFolder(location.path)) throw new InvalidPath(`A folder is in the way: ${quotePath(location.path)}`, { path: location.path });
      if (!overwrite && (await location.store.isFile(location.path))) throw new AlreadyExists(`File already exists (use --force): ${quotePath(location.path)}`, { path: location.path });
    });
  }
}
