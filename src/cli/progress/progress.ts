import { createRequire } from "node:module";
import type cliProgressModule from "cli-progress";
import type { CliOutput } from "../io.js";
import { formatDuration, humanSize } from "../format/size.js";

/** Where a long job stands (spec CLI-060). */
export interface ProgressState {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

/** Reports progress on stderr; a no-op when progress is off. */
export interface Progress {
  /** The new state (cheap: output is throttled). */
  update(state: ProgressState): void;
  /** Ends the report (a last line or the finished bar). Idempotent. */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** The command, shown first (`put`, `sync`). */
  readonly label: string;
  readonly stream: CliOutput;
  /** False with `--no-progress`. */
  readonly enabled: boolean;
  /** What the files count: `files` (default) or `cases` (doctor). */
  readonly unit?: string;
  /** Milliseconds between plain lines (default 1000). */
  readonly intervalMs?: number;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress report (spec CLI-060): a cli-progress bar on a terminal, plain lines otherwise —
 * one at the first update, then at most one per interval, and one at the end.
 */
export function createProgress(options: ProgressOptions): Progress {
  if (!options.enabled) return NONE;
  return options.stream.isTTY === true ? new BarProgress(options) : new LineProgress(options);
}

/** `1.5 MiB / 200.0 MiB  1%  0/1 files  12.0 MiB/s  ETA 16s`. */
export function describeProgress(state: ProgressState, elapsedMs: number, unit: string): string {
  const parts: string[] = [];
  const rate = elapsedMs > 0 ? (state.bytesDone * 1000) / elapsedMs : 0;
  if (state.bytesTotal > 0 || unit === "files") {
    const percent = state.bytesTotal > 0 ? Math.floor((state.bytesDone * 100) / state.bytesTotal) : 100;
    parts.push(`${humanSize(state.bytesDone)} / ${humanSize(state.bytesTotal)}`, `${percent}%`);
  }
  parts.push(`${state.filesDone}/${state.filesTotal} ${unit}`);
  if (state.bytesTotal > 0) {
    parts.push(`${humanSize(Math.round(rate))}/s`);
    parts.push(`ETA ${rate > 0 ? formatDuration((state.bytesTotal - state.bytesDone) / rate) : "?"}`);
  }
  return parts.join("  ");
}

class LineProgress implements Progress {
  private readonly started = Date.now();
  private lastLine = 0;
  private last: ProgressState | undefined;
  private printed = false;
  private stopped = false;

  constructor(private readonly options: ProgressOptions) {}

  update(state: ProgressState): void {
    this.last = state;
    const now = Date.now();
    if (this.printed && now - this.lastLine < (this.options.intervalMs ?? 1000)) return;
    this.print(state, now);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.last !== undefined) this.print(this.last, Date.now());
  }

  private print(state: ProgressState, now: number): void {
    this.printed = true;
    this.lastLine = now;
    this.options.stream.write(`${this.options.label}  ${describeProgress(state, now - this.started, this.options.unit ?? "files")}\n`);
  }
}

class BarProgress implements Progress {
  private readonly bar: cliProgressModule.SingleBar;
  private readonly started = Date.now();
  private running = false;

  constructor(private readonly options: ProgressOptions) {
    const cliProgress = loadCliProgress();
    this.bar = new cliProgress.SingleBar({
      stream: options.stream as NodeJS.WritableStream,
      format: `${options.label} {bar} {text}`,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      fps: 8,
      gracefulExit: false,
    }, cliProgress.Presets.shades_classic);
  }

  update(state: ProgressState): void {
    const [value, total] = state.bytesTotal > 0 ? [state.bytesDone, state.bytesTotal] : [state.filesDone, Math.max(state.filesTotal, 1)];
    const payload = { text: describeProgress(state, Date.now() - this.started, this.options.unit ?? "files") };
    if (!this.running) {
      this.running = true;
      this.bar.start(total, value, payload);
      return;
    }
    this.bar.setTotal(total);
    this.bar.update(value, payload);
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.bar.stop();
  }
}

/** cli-progress, loaded only when a bar is shown (a terminal): scripts never pay for it. */
function loadCliProgress(): typeof cliProgressModule {
  return createRequire(import.meta.url)("cli-progress") as typeof cliProgressModule;
}
