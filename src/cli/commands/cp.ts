import { Command } from "commander";
import { baseName } from "../../paths/index.js";
import { copyOneFile, sameStore } from "../transfer/copy-file.js";
import { copyTree } from "../transfer/copy-tree.js";
import { resolveDestination } from "../transfer/destination.js";
import { folderNeedsRecursive, kindOf } from "./inspect-location.js";
import { examples } from "./options.js";
import type { Runner } from "./runner.js";

interface CpOptions {
  readonly recursive?: boolean;
  readonly force?: boolean;
}

/** `cp [-r] [--force] <src> <dst>` (spec CLI-048). */
export function cpCommand(run: Runner): Command {
  return new Command("cp")
    .description("copy a file (or, with -r, a folder), within a store or between stores")
    .argument("<src>", "file or folder")
    .argument("<dst>", "destination, or a folder to copy into (ends with / or exists)")
    .option("-r, --recursive", "copy a folder and everything below it")
    .option("-f, --force", "replace existing files")
    .addHelpText("after", examples(["remote-store cp reports:2026/q1.csv archive:", "remote-store cp -r reports:2026 file:./backup/2026", "remote-store cp --force a.txt b.txt"]))
    .action(
      run<CpOptions>(async (ctx, [src, dst], options) => {
        const source = ctx.session.location(src as string);
        const kind = await kindOf(source);
        if (kind === "folder" && options.recursive !== true) throw folderNeedsRecursive(source);
        const target = await resolveDestination(await ctx.destination(dst as string), baseName(source.path));
        const overwrite = options.force === true;
        if (kind === "file" && sameStore(source, target) && source.store.supports("copy")) {
          return target.run(() => source.store.copy(source.path, target.path, { overwrite }));
        }
        using interrupt = ctx.interrupt();
        const progress = ctx.progress("cp");
        if (kind === "file") return copyOneFile(source, target, { overwrite, interrupt, progress });
        await copyTree(source, target, { overwrite, interrupt, progress });
      }),
    );
}
