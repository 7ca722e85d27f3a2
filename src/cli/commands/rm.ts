import { Command } from "commander";
import { folderNeedsRecursive } from "./inspect-location.js";
import { examples } from "./options.js";
import type { Runner } from "./runner.js";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";

interface RmOptions {
  readonly recursive?: boolean;
  readonly force?: boolean;
}

/** `rm [-r] [--force] <location...>` (spec CLI-050). */
export function rmCommand(run: Runner): Command {
  return new Command("rm")
    .description("delete files (and, with -r, folders with everything below them)")
    .argument("<location...>", "files or folders")
    .option("-r, --recursive", "delete folders and everything below them")
    .option("-f, --force", "ignore paths that do not exist")
    .addHelpText("after", examples(["remote-store rm reports:2026/q1.csv", "remote-store rm -r cache:tmp", "remote-store rm -f maybe.txt"]))
    .action(
      run<RmOptions>(async (ctx, [specs], options) => {
        for (const spec of specs as string[]) {
          const location = ctx.session.location(spec);
          const { store, path } = location;
          await location.run(async () => {
            if (path !== "" && (await store.isFile(path))) return store.delete(path);
            if (path !== "" && (await store.isFolder(path))) {
              if (options.recursive !== true) throw folderNeedsRecursive(location);
              return store.deleteFolder(path, { recursive: true });
            }
            try {
              await store.delete(path);
            } catch (error) {
              if (!(options.force === true && isRemoteStoreError(error, "NOT_FOUND"))) throw error;
            }
          });
        }
      }),
    );
}
