import { CommanderError } from "commander";
import { s3BackendType } from "../backends/s3/s3-type.js";
import { registerNodeSupport } from "../node/register.js";
import { registerProvidedType } from "../registry/backend-types.js";
import { splitArguments, type Runner } from "./commands/runner.js";
import { CommandContext, type GlobalOptions } from "./context.js";
import { CliError, usageError } from "./errors/cli-errors.js";
import { EXIT } from "./errors/exit-codes.js";
import { reportError } from "./errors/report-error.js";
import { colorsFor, processIo, type CliIo } from "./io.js";
import { buildProgram } from "./program.js";
import { Session } from "./session/session.js";

/**
 * Runs the `remote-store` command line with `args` (without `node` and the script) and resolves
 * to the exit code (spec CLI-034); errors are reported on `io.stderr`, never thrown.
 */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  registerNodeSupport();
  registerProvidedType(s3BackendType);
  // The command's stderr is for its own messages: the AWS SDK's notice about its future Node
  // versions is for the authors of programs that use it, not for the users of this one (CLI-013).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const debug = args.includes("--debug");
  const run: Runner = (action) => async (...commanderArgs) => {
    const { args: positional, options, command } = splitArguments(commanderArgs);
    const globals = command.optsWithGlobals<GlobalOptions>();
    // Plain paths are local files for the one-shot commands; the REPL explores an in-memory store (CLI-022).
    const fallback = command.name() === "repl" ? "memory" : "local";
    const session = await Session.open({ config: globals.config, store: globals.store, env: io.env, cwd: io.cwd, fallback });
    try {
      await action(new CommandContext(io, session, globals), positional, options as never);
    } finally {
      await session.close();
    }
  };
  const program = buildProgram(io, run);
  try {
    await program.parseAsync([...args], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    const problem = error instanceof CommanderError ? commanderProblem(error) : error;
    if (typeof problem === "number") return problem;
    const report = reportError(problem, { debug, colors: colorsFor(io.stderr, io.env, !args.includes("--no-color")) });
    if (!(problem instanceof CliError && problem.silent)) io.stderr.write(`${report.lines.join("\n")}\n`);
    return report.exitCode;
  }
}

/** A commander error: help and version exit 0; everything else is a one-line usage error (spec CLI-003). */
function commanderProblem(error: CommanderError): number | CliError {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
  if (error.code === "commander.help") return EXIT.usage;
  const message = error.message
    .replace(/^error: /, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ")
    .replace("(Did you mean", "(did you mean");
  return usageError(message);
}
