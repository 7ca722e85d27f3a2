import type { EventEmitter } from "node:events";
import readline from "node:readline";
import type { REPLServer } from "node:repl";
import type { PassThrough } from "node:stream";

/**
 * Runs piped input through a REPL as a script (spec CLI-074): lines are handed over one at a
 * time, each only after the previous one (with its `await`s and dot-commands) has finished — the
 * REPL signals that by showing its prompt, which is replaced here and prints nothing. The first
 * error ends the script: `onError` reports it.
 */
export class ScriptFeeder {
  private lineDone: (() => void) | undefined;
  private finished = false;

  constructor(
    private readonly repl: REPLServer,
    private readonly input: PassThrough,
    private readonly onError: (error: unknown) => void,
  ) {
    repl.displayPrompt = () => this.release();
    const domain = (repl as unknown as { _domain?: EventEmitter })._domain;
    if (domain !== undefined) {
      domain.removeAllListeners("error");
      domain.on("error", (error: unknown) => this.fail(error));
    }
    repl.on("exit", () => this.stop());
  }

  /** Feeds every line of `source`; resolves at its end, at `.exit`, or at the first error. */
  async run(source: NodeJS.ReadableStream): Promise<void> {
    const lines = readline.createInterface({ input: source, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        if (this.finished) break;
        await new Promise<void>((resolve) => {
          this.lineDone = resolve;
          this.input.write(`${line}\n`);
        });
        if (this.finished) break;
      }
    } finally {
      lines.close();
    }
  }

  /** Ends the script because of `error` (also used by failing dot-commands). */
  fail(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.onError(error);
    this.release();
  }

  private stop(): void {
    this.finished = true;
    this.release();
  }

  private release(): void {
    const done = this.lineDone;
    this.lineDone = undefined;
    done?.();
  }
}
