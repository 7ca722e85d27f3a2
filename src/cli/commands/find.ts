import { Command } from "commander";
import { entryName, longRows } from "../format/entries.js";
import { examples, humanOptions, jsonOption } from "./options.js";
import type { Runner } from "./runner.js";

interface FindOptions {
  readonly long?: boolean;
  readonly json?: boolean;
  readonly human?: boolean;
}

/** `find <pattern> [-l] [--json]` (spec CLI-052). */
export function findCommand(run: Runner): Command {
  const command = new Command("find")
    .description("find files whose path matches a glob pattern (minimatch)")
    .argument("<pattern>", "a glob, optionally with a location prefix ('reports:**/*.csv')")
    .option("-l, --long", "show kind, size and modification time")
    .addOption(jsonOption());
  for (const option of humanOptions()) command.addOption(option);
  return command
    .addHelpText("after", examples(["remote-store find 'reports:**/*.csv'", "remote-store find -l 'file:./data/**/*.{png,jpg}'", "remote-store find --json '**/*.json'"]))
    .action(
      run<FindOptions>(async (ctx, [pattern], options) => {
        const location = ctx.session.location(pattern as string);
        const files = await location.run(() => location.store.glob(location.path).toArray());
        if (options.json === true) return ctx.printJson(files.map((file) => ({ ...file, location: location.display(file.path) })));
        const style = ctx.style(options.human);
        const shown = (path: string): string => location.display(path);
        await ctx.print(options.long === true ? longRows(files, style, (file) => shown(file.path)) : files.map((file) => entryName(file, shown(file.path), style)));
      }),
    );
}
