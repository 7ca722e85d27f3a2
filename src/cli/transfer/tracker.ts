import type { Progress } from "../progress/progress.js";

/**
 * Counts the bytes and files of a transfer of several files, some in flight at once, and
 * reports them to a {@link Progress}: a finished file counts in full.
 */
export class TransferTracker {
  private filesDone = 0;
  private bytesDone = 0;
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly progress: Progress,
    private readonly filesTotal: number,
    private readonly bytesTotal: number,
  ) {}

  /** Reports the starting point. */
  start(): void {
    this.report();
  }

  /** `bytes` more of the file `key` arrived. */
  bytes(key: string, bytes: number): void {
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + bytes);
    this.bytesDone += bytes;
    this.report();
  }

  /** The file `key` of planned size `size` is complete. */
  fileDone(key: string, size: number): void {
    this.bytesDone += Math.max(0, size - (this.inFlight.get(key) ?? 0));
    this.inFlight.delete(key);
    this.filesDone++;
    this.report();
  }

  /** Ends the report. */
  stop(): void {
    this.progress.stop();
  }

  private report(): void {
    this.progress.update({ filesDone: this.filesDone, filesTotal: this.filesTotal, bytesDone: this.bytesDone, bytesTotal: Math.max(this.bytesTotal, this.bytesDone) });
  }
}
