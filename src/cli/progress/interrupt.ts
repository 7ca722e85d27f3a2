import { interruptedError } from "../errors/cli-errors.js";
import type { CliOutput } from "../io.js";
import { EXIT } from "../errors/exit-codes.js";

/**
 * Ctrl-C handling for commands that write (spec CLI-061): the first SIGINT aborts `signal` (work
 * in flight fails at its next chunk, so nothing partial is left); a second one exits at once.
 */
export class Interrupt implements Disposable {
  private readonly controller = new AbortController();
  private readonly listener: () => void;

  private constructor(stderr: CliOutput) {
    this.listener = () => {
      if (this.controller.signal.aborted) {
        process.exit(EXIT.interrupted);
      }
      if (stderr.isTTY === true) stderr.write("\nremote-store: stopping (press Ctrl-C again to quit at once)\n");
      this.controller.abort(interruptedError());
    };
    process.on("SIGINT", this.listener);
  }

  /** Starts listening for SIGINT until {@link Interrupt.dispose}. */
  static install(stderr: CliOutput): Interrupt {
    return new Interrupt(stderr);
  }

  /** Aborted on the first Ctrl-C; its reason is the CLI's interrupt error (exit code 130). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Throws the interrupt error once Ctrl-C was pressed. */
  check(): void {
    if (this.controller.signal.aborted) throw interruptedError();
  }

  /** Stops listening; Ctrl-C kills the process again. */
  dispose(): void {
    process.off("SIGINT", this.listener);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
