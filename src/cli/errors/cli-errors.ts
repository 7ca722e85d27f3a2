import { EXIT } from "./exit-codes.js";

/**
 * An error the CLI itself raises (not the library): it carries the label printed in the error
 * line (`USAGE`, `INTERRUPTED`, …) and the exit code (spec CLI-033/034).
 */
export class CliError extends Error {
  /** The word printed after `remote-store: `. */
  readonly label: string;
  /** The process exit code. */
  readonly exitCode: number;
  /** Extra lines printed after the first one. */
  readonly details: readonly string[];
  /** Already reported: print nothing, only exit with the code. */
  readonly silent: boolean;

  constructor(label: string, exitCode: number, message: string, options: { details?: readonly string[]; cause?: unknown; silent?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CliError";
    this.label = label;
    this.exitCode = exitCode;
    this.details = options.details ?? [];
    this.silent = options.silent ?? false;
  }
}

/** Ends the command with `exitCode` after its problem was already printed. */
export function exitSilently(exitCode: number): CliError {
  return new CliError("EXIT", exitCode, `exit ${exitCode}`, { silent: true });
}

/** Bad command-line usage: exit code 2. */
export function usageError(message: string): CliError {
  return new CliError("USAGE", EXIT.usage, message);
}

/** Ctrl-C stopped the command: exit code 130. */
export function interruptedError(): CliError {
  return new CliError("INTERRUPTED", EXIT.interrupted, "stopped by Ctrl-C");
}

/** The command finished but some items failed (exit code 13); the failures were already printed. */
export function failuresError(message: string): CliError {
  return new CliError("FAILED", EXIT.failures, message);
}
