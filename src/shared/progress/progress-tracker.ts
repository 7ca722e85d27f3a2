/** Where a transfer of several files stands. */
export interface TransferProgress {
  /** Files finished (successfully or not). */
  readonly filesDone: number;
  /** Files planned. */
  readonly filesTotal: number;
  /** Bytes transferred; a finished file counts in full. */
  readonly bytesDone: number;
  /** Bytes planned (never less than `bytesDone`). */
  readonly bytesTotal: number;
}

/**
 * Counts the progress of a transfer of several files, some in flight at once (spec ARCH-001:
 * the library's one progress counter; XFER-032, CLI-060): `bytesDone` never decreases, a finished
 * file counts in full whether it succeeded or not, and with the file's planned size given,
 * `bytesDone` never exceeds `bytesTotal`.
 */
export class ProgressTracker {
  private filesDone = 0;
  private bytesDone = 0;
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly filesTotal: number,
    private readonly bytesTotal: number,
    private readonly report: ((progress: TransferProgress) => void) | undefined,
  ) {}

  /** Reports the starting point (nothing done). */
  start(): void {
    this.emit();
  }

  /** `bytes` more of the file `key` arrived; with `planned`, no more than its planned size counts. */
  bytes(key: string, bytes: number, planned?: number): void {
    const counted = this.inFlight.get(key) ?? 0;
    const added = planned === undefined ? bytes : Math.min(bytes, planned - counted);
    if (added <= 0) return;
    this.inFlight.set(key, counted + added);
    this.bytesDone += added;
    this.emit();
  }

  /** The file `key` of planned size `planned` is finished; what was not counted yet counts now. */
  fileDone(key: string, planned: number): void {
    this.bytesDone += Math.max(0, planned - (this.inFlight.get(key) ?? 0));
    this.inFlight.delete(key);
    this.filesDone++;
    this.emit();
  }

  private emit(): void {
    this.report?.({ filesDone: this.filesDone, filesTotal: this.filesTotal, bytesDone: this.bytesDone, bytesTotal: Math.max(this.bytesTotal, this.bytesDone) });
  }
}
