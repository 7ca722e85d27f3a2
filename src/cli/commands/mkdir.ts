import { Command } from "commander";
import { examples } from "./options.js";
import type { Runner } from "./runner.js";

interface MkdirOptions {
  readonly parents?: boolean;
}

/** `mkdir [-p] <location...>` (spec CLI-051). */
export function mkdirCommand(run: Runner): Command {
  return new Command("mkdir")
    .description("create folders (and their parents); needs a backend with createFolder")
    .argument("<location...>", "folders to create")
    .option("-p, --parents", "no error when a folder exists")
    .addHelpText("after", examples(["remote-store mkdir reports:2027", "remote-store mkdir -p memory://x/a/b/c"]))
    .action(
      run<MkdirOptions>(async (ctx, [specs], options) => {
        for (const spec of specs as string[]) {
          const location = await ctx.destination(spec);
          await location.run(() => location.store.createFolder(location.path, { existOk: options.parents === true }));
        }
      }),
    );
}
