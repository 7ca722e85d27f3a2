import { mkdir, stat } from "node:fs/promises";
import * as nodePath from "node:path";
import { Command } from "commander";
import { AlreadyExists, InvalidPath, NotFound } from "../../errors/classes.js";
import type { FileInfo } from "../../contract/models.js";
import { baseName } from "../../paths/index.js";
import type { CommandContext } from "../context.js";
import { localError } from "../errors/local-errors.js";
import { relativeTo } from "../format/tree.js";
import { writeAll } from "../io.js";
import type { Location } from "../session/location.js";
import { downloadFile } from "../transfer/local-download.js";
import { readableChunks } from "../../shared/streams/stream-chunks.js";
import { ProgressTracker } from "../../shared/progress/progress-tracker.js";
import { folderNeedsRecursive, kindOf } from "./inspect-location.js";
import { examples } from "./options.js";
import type { Runner } from "./runner.js";

interface GetOptions {
  readonly recursive?: boolean;
  readonly force?: boolean;
}

/** `get <location> <local> [-r] [--force]` (spec CLI-047). */
export function getCommand(run: Runner): Command {
  return new Command("get")
    .description("download a file (or, with -r, a folder) to the local disk")
    .argument("<location>", "file or folder in a store")
    .argument("<local>", "local file, or a folder to put it in (ends with / or exists); - writes stdout")
    .option("-r, --recursive", "download a folder and everything below it")
    .option("-f, --force", "replace existing local files")
    .addHelpText("after", examples(["remote-store get reports:2026/q1.csv .", "remote-store get -r reports:2026 ./backup/", "remote-store get notes:hello.txt - | wc -c"]))
    .action(
      run<GetOptions>(async (ctx, [spec, local], options) => {
        const source = ctx.session.location(spec as string);
        const kind = await kindOf(source);
        if (kind === "folder" && options.recursive !== true) throw folderNeedsRecursive(source);
        if (local === "-") {
          if (kind === "folder") throw new InvalidPath("cannot write a folder to stdout", { path: "-" });
          const stream = await source.run(() => source.store.read(source.path));
          return source.run(async () => {
            for await (const chunk of readableChunks(stream)) await writeAll(ctx.io.stdout, chunk);
          });
        }
        const target = await localTarget(nodePath.resolve(ctx.io.cwd, local as string), local as string, baseName(source.path));
        if (kind === "file") {
          const info = await source.run(() => source.store.getFileInfo(source.path));
          return getFiles(ctx, source, [info], target, options);
        }
        const files = await source.run(() => source.store.listFiles(source.path, { recursive: true }).toArray());
        const folders = await source.run(() => source.store.listFolders(source.path, { recursive: true }).toArray());
        const localOf = (path: string): string => nodePath.join(target, ...relativeTo(source.path, path).split("/"));
        await checkLocalTargets(files.map((file) => localOf(file.path)), options.force === true);
        for (const folder of [target, ...folders.map((entry) => localOf(entry.path))]) {
          await mkdir(folder, { recursive: true }).catch((error: unknown) => {
            throw localError(error, folder, "folder");
          });
        }
        await getFiles(ctx, source, files, target, options);
      }),
    );
}

/** The local path a source named `name` lands at (spec CLI-045); its folder must exist. */
async function localTarget(absolute: string, given: string, name: string): Promise<string> {
  const isFolder = await stat(absolute).then((info) => info.isDirectory(), () => false);
  const target = (isFolder || /[/\\]$/.test(given)) && name !== "" ? nodePath.join(absolute, name) : absolute;
  return target;
}

/** `ALREADY_EXISTS` for an existing local file (without `--force`), `INVALID_PATH` for a local folder in a file's place. */
async function checkLocalTargets(paths: readonly string[], overwrite: boolean): Promise<void> {
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) continue;
    if (info.isDirectory()) throw new InvalidPath("a local folder is in the way", { path });
    if (!overwrite) throw new AlreadyExists("local file already exists (use --force)", { path });
  }
}

/** Downloads files one after the other (a single file goes to `target` itself). */
async function getFiles(ctx: CommandContext, source: Location, files: readonly FileInfo[], target: string, options: GetOptions): Promise<void> {
  const single = files.length === 1 && files[0]?.path === source.path;
  const localOf = (file: FileInfo): string => (single ? target : nodePath.join(target, ...relativeTo(source.path, file.path).split("/")));
  const overwrite = options.force === true;
  if (single) {
    await checkLocalTargets([target], overwrite);
    const parent = nodePath.dirname(target);
    if (!(await stat(parent).then((info) => info.isDirectory(), () => false))) throw new NotFound("local folder does not exist", { path: parent });
  }
  using interrupt = ctx.interrupt();
  const progress = ctx.progress("get");
  const tracker = new ProgressTracker(files.length, files.reduce((sum, file) => sum + file.size, 0), (state) => progress.update(state));
  tracker.start();
  try {
    for (const file of files) {
      interrupt.check();
      await downloadFile(source.at(file.path), localOf(file), { overwrite, interrupt, onBytes: (bytes) => tracker.bytes(file.path, bytes) });
      tracker.fileDone(file.path, file.size);
    }
  } finally {
    progress.stop();
  }
}

