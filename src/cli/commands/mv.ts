import { Command } from "commander";
import { baseName } from "../../paths/index.js";
import type { Location } from "../session/location.js";
import { copyOneFile, sameStore } from "../transfer/copy-file.js";
import { copyTree } from "../transfer/copy-tree.js";
import { resolveDestination } from "../transfer/destination.js";
import { kindOf } from "./inspect-location.js";
import { examples } from "./options.js";
import type { Runner } from "./runner.js";

interface MvOptions {
  readonly force?: boolean;
}

/** `mv [--force] <src> <dst>` (spec CLI-049). */
export function mvCommand(run: Runner): Command {
  return new Command("mv")
    .description("move a file or folder, within a store or between stores")
    .argument("<src>", "file or folder")
    .argument("<dst>", "destination, or a folder to move into (ends with / or exists)")
    .option("-f, --force", "replace existing files")
    .addHelpText("after", examples(["remote-store mv reports:2026/q1.csv reports:archive/", "remote-store mv cache:tmp file:./tmp-backup"]))
    .action(
      run<MvOptions>(async (ctx, [src, dst], options) => {
        const source = ctx.session.location(src as string);
        const kind = await kindOf(source);
        const target = await resolveDestination(await ctx.destination(dst as string), baseName(source.path));
        const overwrite = options.force === true;
        const store = source.store;
        if (sameStore(source, target)) {
          return target.run(() => (kind === "file" ? store.move(source.path, target.path, { overwrite }) : store.moveFolder(source.path, target.path, { overwrite })));
        }
        using interrupt = ctx.interrupt();
        const progress = ctx.progress("mv");
        if (kind === "file") {
          await copyOneFile(source, target, { overwrite, interrupt, progress });
          return source.run(() => store.delete(source.path));
        }
        await copyTree(source, target, { overwrite, interrupt, progress });
        await source.run(() => (source.path === "" ? deleteContents(source) : store.deleteFolder(source.path, { recursive: true })));
      }),
    );
}

/** Empties a store root (the root itself cannot be deleted). */
async function deleteContents(source: Location): Promise<void> {
  for (const entry of await source.store.iterChildren("").toArray()) {
    if (entry.kind === "file") await source.store.delete(entry.path);
    else await source.store.deleteFolder(entry.path, { recursive: true });
  }
}
