import { Command } from "commander";
import type { FolderInfo } from "../../contract/models.js";
import { formatSize, plural } from "../format/size.js";
import { renderTable } from "../format/table.js";
import type { Location } from "../session/location.js";
import { kindOf } from "./inspect-location.js";
import { examples, humanOptions, integerAtLeast, jsonOption } from "./options.js";
import type { Runner } from "./runner.js";

interface DuOptions {
  readonly depth?: number;
  readonly json?: boolean;
  readonly human?: boolean;
}

interface Usage {
  readonly location: string;
  readonly path: string;
  readonly fileCount: number;
  readonly totalSize: number;
  readonly modifiedAt?: Date;
}

/** `du [location...] [--depth N] [--json]` (spec CLI-044). */
export function duCommand(run: Runner): Command {
  const command = new Command("du")
    .description("total size and file count of folders")
    .argument("[location...]", "folders (default: the default store's root)")
    .option("--depth <n>", "also show folders down to n levels below each location", integerAtLeast(0), 0)
    .addOption(jsonOption());
  for (const option of humanOptions()) command.addOption(option);
  return command
    .addHelpText("after", examples(["remote-store du reports:", "remote-store du --depth 1 reports: cache:", "remote-store du --json file:./data"]))
    .action(
      run<DuOptions>(async (ctx, [specs], options) => {
        const usages: Usage[] = [];
        for (const spec of (specs as string[] | undefined)?.length ? (specs as string[]) : [""]) {
          usages.push(...(await usageOf(ctx.session.location(spec), options.depth ?? 0)));
        }
        if (options.json === true) return ctx.printJson(usages);
        const style = ctx.style(options.human);
        const rows = usages.map((usage) => [formatSize(usage.totalSize, style.human), style.tty ? plural(usage.fileCount, "file") : String(usage.fileCount), usage.location]);
        await ctx.print(renderTable(rows, { tty: style.tty, align: ["right", "right", "left"] }));
      }),
    );
}

/** The location's usage, after that of its folders down to `depth` levels (as `du` prints them). */
async function usageOf(location: Location, depth: number): Promise<Usage[]> {
  const store = location.store;
  if ((await kindOf(location)) === "file") {
    const file = await location.run(() => store.getFileInfo(location.path));
    return [{ location: location.display(), path: file.path, fileCount: 1, totalSize: file.size, modifiedAt: file.modifiedAt }];
  }
  const usages: Usage[] = [];
  const entry = (info: FolderInfo): Usage => ({ location: location.display(info.path), ...info });
  if (depth > 0) {
    const folders = await location.run(() => store.listFolders(location.path, { maxDepth: depth - 1 }).toArray());
    for (const folder of folders) usages.push(entry(await location.run(() => store.getFolderInfo(folder.path))));
  }
  usages.push(entry(await location.run(() => store.getFolderInfo(location.path))));
  return usages;
}
