import { Command } from "commander";
import { writeAll } from "../io.js";
import { readableChunks } from "../../shared/streams/stream-chunks.js";
import { examples, integerAtLeast } from "./options.js";
import type { Runner } from "./runner.js";

interface CatOptions {
  readonly offset?: number;
  readonly length?: number;
}

/** `cat <location...> [--offset N] [--length N]` (spec CLI-042). */
export function catCommand(run: Runner): Command {
  return new Command("cat")
    .description("print files' bytes to stdout")
    .argument("<location...>", "files to print, in order")
    .option("--offset <n>", "start at byte n", integerAtLeast(0))
    .option("--length <n>", "print at most n bytes", integerAtLeast(0))
    .addHelpText("after", examples(["remote-store cat reports:2026/q1.csv", "remote-store cat --offset 0 --length 4 images:logo.png | xxd"]))
    .action(
      run<CatOptions>(async (ctx, [specs], options) => {
        const range = { ...(options.offset === undefined ? {} : { offset: options.offset }), ...(options.length === undefined ? {} : { length: options.length }) };
        for (const spec of specs as string[]) {
          const location = ctx.session.location(spec);
          const stream = await location.run(() => location.store.read(location.path, range));
          await location.run(async () => {
            for await (const chunk of readableChunks(stream)) await writeAll(ctx.io.stdout, chunk);
          });
        }
      }),
    );
}
