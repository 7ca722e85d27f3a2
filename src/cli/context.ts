import { MemoryBackend } from "../backends/memory/memory-backend.js";
import type { Location } from "./session/location.js";
import type { Session } from "./session/session.js";
import { colorsFor, writeAll, type CliIo, type Colors } from "./io.js";
import type { OutputStyle } from "./format/style.js";
import { createProgress, type Progress } from "./progress/progress.js";
import { Interrupt } from "./progress/interrupt.js";

/** The global options (spec CLI-002). */
export interface GlobalOptions {
  readonly config?: string;
  readonly store?: string;
  readonly debug: boolean;
  readonly color: boolean;
  readonly progress: boolean;
}

/** What every command gets: the process surroundings, the session and output helpers. */
export class CommandContext {
  constructor(
    readonly io: CliIo,
    readonly session: Session,
    readonly globals: GlobalOptions,
  ) {}

  /** Colours for stdout (spec CLI-031). */
  get colors(): Colors {
    return colorsFor(this.io.stdout, this.io.env, this.globals.color);
  }

  /** How plain output looks; `human` overrides the terminal's default (spec CLI-030). */
  style(human?: boolean): OutputStyle {
    const tty = this.io.stdout.isTTY === true;
    return { tty, human: human ?? tty, colors: this.colors };
  }

  /** Prints lines on stdout. */
  async print(lines: string | readonly string[]): Promise<void> {
    const all = typeof lines === "string" ? [lines] : lines;
    if (all.length === 0) return;
    await writeAll(this.io.stdout, `${all.join("\n")}\n`);
  }

  /** Prints one JSON document on stdout (spec CLI-032). */
  async printJson(value: unknown): Promise<void> {
    await writeAll(this.io.stdout, `${JSON.stringify(value, null, 2)}\n`);
  }

  /** A progress report on stderr (spec CLI-060). */
  progress(label: string, unit?: string): Progress {
    return createProgress({ label, stream: this.io.stderr, enabled: this.globals.progress, ...(unit === undefined ? {} : { unit }) });
  }

  /**
   * Resolves a location the command writes to (spec CLI-025): when its store keeps its data in
   * memory, says once on stderr that what is written there ends with the process.
   */
  async destination(spec: string): Promise<Location> {
    const location = this.session.location(spec);
    if (location.store.backend instanceof MemoryBackend && !this.warnedVolatile.has(location.store.backend)) {
      this.warnedVolatile.add(location.store.backend);
      const where = location.display(location.path) || spec;
      await writeAll(this.io.stderr, `remote-store: warning: ${where} is an in-memory store; what this command writes there is gone when the command ends\n`);
    }
    return location;
  }

  private readonly warnedVolatile = new WeakSet<object>();

  /** Starts Ctrl-C handling for a command that writes (spec CLI-061). */
  interrupt(): Interrupt {
    return Interrupt.install(this.io.stderr);
  }
}
