import { Command } from "commander";
import { buildTree, renderTree } from "../format/tree.js";
import { requireFolder } from "./inspect-location.js";
import { examples, humanOptions, integerAtLeast, jsonOption } from "./options.js";
import type { Runner } from "./runner.js";

interface TreeOptions {
  readonly depth?: number;
  readonly json?: boolean;
  readonly human?: boolean;
}

/** `tree [location] [--depth N] [--json]` (spec CLI-041). */
export function treeCommand(run: Runner): Command {
  const command = new Command("tree")
    .description("show a folder as a tree, with file counts and sizes")
    .argument("[location]", "folder (default: the default store's root)", "")
    .option("--depth <n>", "show n levels (1 = the folder's own entries)", integerAtLeast(1))
    .addOption(jsonOption());
  for (const option of humanOptions()) command.addOption(option);
  return command
    .addHelpText("after", examples(["remote-store tree reports:", "remote-store tree --depth 1 file:./data", "remote-store tree --json reports:2026"]))
    .action(
      run<TreeOptions>(async (ctx, [spec], options) => {
        const location = ctx.session.location(spec as string);
        await requireFolder(location, "tree");
        const tree = await location.run(() => buildTree(location.store, location.path, options.depth));
        if (options.json === true) return ctx.printJson(tree);
        await ctx.print(renderTree(tree, location.display(), ctx.style(options.human)));
      }),
    );
}
