import { Command } from "commander";
import { packageVersion } from "../package-version.js";
import { exitSilently } from "../errors/cli-errors.js";
import { examples } from "./options.js";
import type { Runner } from "./runner.js";

/** `repl [store]` (spec CLI-056, CLI-070..074). */
export function replCommand(run: Runner): Command {
  return new Command("repl")
    .description("interactive Node REPL with `store`, `registry`, `stores.<name>` and the library in scope (npm start)")
    .argument("[store]", "store to start in (default: the default store)", "")
    .addHelpText(
      "after",
      examples([
        "remote-store repl",
        "remote-store repl reports",
        `echo 'await store.writeText("a.txt", "hi"); console.log(await store.readText("a.txt"))' | remote-store repl`,
      ]) + "\nIn the REPL: .ls [path]  .tree [path]  .cat <path>  .cd [path|..|/|name:path]  .pwd  .stores  .save <file>  .load <file>  .help\n",
    )
    .action(
      run<object>(async (ctx, [spec]) => {
        const { startRepl } = await import("../repl/start-repl.js");
        const code = await startRepl({ session: ctx.session, io: ctx.io, spec: spec as string, debug: ctx.globals.debug, color: ctx.globals.color, version: packageVersion() });
        if (code !== 0) throw exitSilently(code);
      }),
    );
}
