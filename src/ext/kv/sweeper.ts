/**
 * The background sweep of a key-value view (spec KV-024): calls `sweep` every `interval` ms on a
 * timer that does not keep the process alive, never overlapping a sweep still running.
 */
export class Sweeper {
  private readonly timer: ReturnType<typeof setInterval>;
  private running: Promise<void> | undefined;

  constructor(interval: number, sweep: () => unknown, onError: ((error: unknown) => void) | undefined) {
    this.timer = setInterval(() => {
      if (this.running !== undefined) return;
      this.running = (async () => {
        try {
          await sweep();
        } catch (error) {
          try {
            onError?.(error);
          } catch {
            // An error handler that fails has nowhere left to report to.
          }
        } finally {
          this.running = undefined;
        }
      })();
    }, interval);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Stops the timer; the returned promise settles when a sweep in progress has finished. */
  stop(): Promise<void> {
    clearInterval(this.timer);
    return this.running ?? Promise.resolve();
  }
}
