import { Command } from "commander";
import type { Entry } from "../../contract/models.js";
import { compareCodePoints } from "../../paths/index.js";
import type { Store } from "../../store/store.js";
import { entryName, longRows } from "../format/entries.js";
import { relativeTo } from "../format/tree.js";
import { kindOf } from "./inspect-location.js";
import { examples, humanOptions, integerAtLeast, jsonOption } from "./options.js";
import type { Runner } from "./runner.js";

interface LsOptions {
  readonly long?: boolean;
  readonly recursive?: boolean;
  readonly depth?: number;
  readonly json?: boolean;
  readonly human?: boolean;
}

/** `ls [location] [-l] [-R] [--depth N] [--json]` (spec CLI-040). */
export function lsCommand(run: Runner): Command {
  const command = new Command("ls")
    .description("list the entries of a folder (folders end with /)")
    .argument("[location]", "folder or file to list (default: the default store's root)", "")
    .option("-l, --long", "show kind, size and modification time")
    .option("-R, --recursive", "list the whole subtree")
    .option("--depth <n>", "list down to n levels below the folder (1 = its own entries; implies -R)", integerAtLeast(1))
    .addOption(jsonOption());
  for (const option of humanOptions()) command.addOption(option);
  return command
    .addHelpText("after", examples(["remote-store ls", "remote-store ls -l reports:2026", "remote-store ls -R --depth 2 file:./data", "remote-store ls --json reports: | jq '.[].path'"]))
    .action(
      run<LsOptions>(async (ctx, [spec], options) => {
        const location = ctx.session.location(spec as string);
        const kind = await kindOf(location);
        const recursive = options.recursive === true || options.depth !== undefined;
        const entries: Entry[] =
          kind === "file"
            ? [await location.run(() => location.store.getFileInfo(location.path))]
            : await location.run(() => listEntries(location.store, location.path, recursive ? (options.depth === undefined ? Infinity : options.depth - 1) : 0));
        if (options.json === true) return ctx.printJson(entries);
        const style = ctx.style(options.human);
        const nameOf = (entry: Entry): string => (kind === "file" ? entry.name : relativeTo(location.path, entry.path));
        await ctx.print(options.long === true ? longRows(entries, style, nameOf) : entries.map((entry) => entryName(entry, nameOf(entry), style)));
      }),
    );
}

/** The entries of a folder down to `maxDepth` (0 = its own entries), in code point order of their paths. */
async function listEntries(store: Store, path: string, maxDepth: number): Promise<Entry[]> {
  if (maxDepth === 0) return store.iterChildren(path).toArray();
  const [folders, files] = await Promise.all([store.listFolders(path, { maxDepth }).toArray(), store.listFiles(path, { maxDepth }).toArray()]);
  return [...folders, ...files].sort((a, b) => compareCodePoints(a.path, b.path));
}
