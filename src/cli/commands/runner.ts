import type { Command } from "commander";
import type { CommandContext } from "../context.js";

/** What a command does, given the context, its positional arguments and its options. */
export type CommandAction<O> = (ctx: CommandContext, args: readonly unknown[], options: O) => Promise<void>;

/**
 * Wraps a command action for commander: builds the context (loading the config, spec CLI-011)
 * and closes the session afterwards (spec CLI-012).
 */
export type Runner = <O>(action: CommandAction<O>) => (...commanderArgs: unknown[]) => Promise<void>;

/** Splits commander's action arguments into positionals, options and the command. */
export function splitArguments(commanderArgs: readonly unknown[]): { args: unknown[]; options: unknown; command: Command } {
  const command = commanderArgs[commanderArgs.length - 1] as Command;
  const options = commanderArgs[commanderArgs.length - 2];
  return { args: commanderArgs.slice(0, -2), options, command };
}
