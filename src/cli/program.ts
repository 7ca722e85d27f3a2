import { Command, Option } from "commander";
import { catCommand } from "./commands/cat.js";
import { watchCommand } from "./commands/watch.js";
import { cpCommand } from "./commands/cp.js";
import { doctorCommand } from "./commands/doctor.js";
import { duCommand } from "./commands/du.js";
import { findCommand } from "./commands/find.js";
import { getCommand } from "./commands/get.js";
import { lsCommand } from "./commands/ls.js";
import { mkdirCommand } from "./commands/mkdir.js";
import { mvCommand } from "./commands/mv.js";
import { putCommand } from "./commands/put.js";
import { replCommand } from "./commands/repl.js";
import { rmCommand } from "./commands/rm.js";
import { serveCommand } from "./commands/serve.js";
import type { Runner } from "./commands/runner.js";
import { statCommand } from "./commands/stat.js";
import { storesCommand } from "./commands/stores.js";
import { syncCommand } from "./commands/sync.js";
import { treeCommand } from "./commands/tree.js";
import { helpEpilogue } from "./help-text.js";
import type { CliIo } from "./io.js";
import { packageVersion } from "./package-version.js";

/**
 * The `remote-store` command line (spec CLI-001..003): global options, every command, help with
 * the exit-code table. Errors are thrown (commander's `exitOverride`), never `process.exit`.
 */
export function buildProgram(io: CliIo, run: Runner): Command {
  const program = new Command("remote-store")
    .description("Explore and move data in any store: a configured one (name:path), a URL (memory://, file:), or the default store.")
    .version(packageVersion(), "-V, --version", "print the version")
    .addOption(new Option("--config <file>", "config file (default: $REMOTE_STORE_CONFIG or remote-store.config.* here)"))
    .addOption(new Option("--store <store>", "the default store: a store name, name:path or URL"))
    .option("--debug", "print stack traces and causes with errors")
    .option("--no-color", "no colours (also: NO_COLOR)")
    .option("--no-progress", "no progress output")
    .option("--trace", "print every store operation with its time on stderr")
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: () => undefined,
    })
    .addHelpText("after", helpEpilogue());
  const commands = [
    lsCommand, treeCommand, catCommand, statCommand, duCommand, findCommand,
    putCommand, getCommand, cpCommand, mvCommand, rmCommand, mkdirCommand,
    syncCommand, storesCommand, doctorCommand, replCommand, watchCommand, serveCommand,
  ];
  for (const make of commands) {
    const command = make(run);
    command.copyInheritedSettings(program);
    for (const sub of command.commands) sub.copyInheritedSettings(command);
    program.addCommand(command);
  }
  return program;
}
