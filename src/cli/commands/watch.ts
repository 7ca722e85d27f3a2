import { Command } from "commander";
import { writeAll } from "../io.js";
import { eventJson, eventLine } from "../format/events.js";
import { examples } from "./options.js";
import type { Runner } from "./runner.js";

interface WatchCommandOptions {
  readonly recursive?: boolean;
  readonly json?: boolean;
}

/** `watch <location> [-r] [--json]` (spec CLI-059): one line per change until Ctrl-C. */
export function watchCommand(run: Runner): Command {
  return new Command("watch")
    .description("print changes below a folder as they happen, until Ctrl-C")
    .argument("<location>", "the folder to watch")
    .option("-r, --recursive", "the whole subtree, not only the folder's own entries")
    .option("--json", "one JSON object per line")
    .addHelpText("after", examples(["remote-store watch -r reports:", "remote-store watch --json -r file:./inbox | jq .path"]))
    .action(
      run<WatchCommandOptions>(async (ctx, [spec], options) => {
        const location = ctx.session.location(spec as string);
        using interrupt = ctx.interrupt();
        const watcher = location.store.watch(location.path, { recursive: options.recursive === true, signal: interrupt.signal });
        await location.run(() => watcher.ready);
        ctx.io.stderr.write(`watching ${location.display()} (Ctrl-C to stop)\n`);
        await location.run(async () => {
          for await (const event of watcher) {
            const line = options.json === true ? JSON.stringify(eventJson(event)) : eventLine(event, (path) => location.display(path));
            await writeAll(ctx.io.stdout, `${line}\n`);
          }
        });
      }),
    );
}
