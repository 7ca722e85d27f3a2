import { inspect } from "node:util";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { Colors } from "../io.js";
import { displayedMessage, displayedPath } from "../session/location.js";
import { CliError } from "./cli-errors.js";
import { EXIT, EXIT_CODES } from "./exit-codes.js";

/** The lines to print for an error and the exit code (spec CLI-033/034). */
export interface ErrorReport {
  readonly lines: readonly string[];
  readonly exitCode: number;
}

/** The exit code of any error (spec CLI-034). */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (isRemoteStoreError(error)) return EXIT_CODES[error.code] ?? EXIT.unexpected;
  return EXIT.unexpected;
}

/**
 * `remote-store: <CODE>: <location>: <message>` — one line per error (one per issue for a
 * `ConfigError`), without a stack unless `debug` (spec CLI-033).
 */
export function reportError(error: unknown, options: { debug: boolean; colors: Colors }): ErrorReport {
  const { colors } = options;
  const line = (label: string, text: string): string => `remote-store: ${colors.red(colors.bold(label))}: ${text}`;
  const lines: string[] = [];
  if (error instanceof CliError) {
    lines.push(line(error.label, error.message), ...error.details);
  } else if (isRemoteStoreError(error, "CONFIG_INVALID")) {
    const issues = (error as unknown as { issues?: readonly string[] }).issues ?? [error.message];
    for (const issue of issues) lines.push(line(error.code, issue));
  } else if (isRemoteStoreError(error)) {
    const path = displayedPath(error);
    lines.push(line(error.code, `${path === undefined ? "" : `${path}: `}${oneLine(displayedMessage(error))}`));
  } else {
    const message = error instanceof Error ? error.message : String(error);
    lines.push(line("ERROR", `${oneLine(message)}${options.debug ? "" : " (run with --debug for the stack)"}`));
  }
  if (options.debug) lines.push(...debugLines(error));
  return { lines, exitCode: exitCodeOf(error) };
}

/** The stack and the chain of causes (`--debug`). */
function debugLines(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    const text = current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : inspect(current);
    lines.push(depth === 0 ? text : `caused by: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, "; ");
}
