import type { SyncProgress } from "./types.js";

/**
 * Counts a sync's progress (spec XFER-032): `bytesDone` never decreases and never exceeds
 * `bytesTotal`, and a finished file counts in full whether it succeeded or not.
 */
export class ProgressTracker {
  private filesDone = 0;
  private bytesDone = 0;
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly filesTotal: number,
    private readonly bytesTotal: number,
    private readonly report: ((progress: SyncProgress) => void) | undefined,
  ) {}

  /** Reports the starting point (nothing done). */
  start(): void {
    this.emit();
  }

  /** `bytes` more of the file at `path` (planned size `planned`) have been copied. */
  bytes(path: string, bytes: number, planned: number): void {
    const counted = this.inFlight.get(path) ?? 0;
    const added = Math.min(bytes, planned - counted);
    if (added <= 0) return;
    this.inFlight.set(path, counted + added);
    this.bytesDone += added;
    this.emit();
  }

  /** The operation on `path` ended; its `planned` bytes now count in full. */
  fileDone(path: string, planned: number): void {
    this.bytesDone += planned - (this.inFlight.get(path) ?? 0);
    this.inFlight.delete(path);
    this.filesDone++;
    this.emit();
  }

  private emit(): void {
    this.report?.({ filesDone: this.filesDone, filesTotal: this.filesTotal, bytesDone: this.bytesDone, bytesTotal: this.bytesTotal });
  }
}
