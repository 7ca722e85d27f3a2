/** Options of {@link ManualClock}. */
export interface ManualClockOptions {
  /** The first time the clock reads (a `Date` or epoch milliseconds). Default 2026-01-01T00:00:00.000Z. */
  readonly start?: Date | number;
}

/** The time a {@link ManualClock} starts at when none is given: 2026-01-01T00:00:00.000Z. */
export const MANUAL_CLOCK_START = Date.UTC(2026, 0, 1);

/**
 * A clock that only moves when told to (spec FIX-020), for deterministic modification times:
 * `new MemoryBackend({ clock: clock.now })`, then `clock.advance(1000)` instead of sleeping.
 * `now` is bound, so it can be handed over on its own.
 */
export class ManualClock {
  private time: number;

  constructor(options: ManualClockOptions = {}) {
    this.time = checkedTime(options.start ?? MANUAL_CLOCK_START, "start");
  }

  /** The current time as a new `Date`. */
  readonly now = (): Date => new Date(this.time);

  /** The current time in epoch milliseconds. */
  get millis(): number {
    return this.time;
  }

  /** Moves the clock forward by `ms` (a non-negative finite number). */
  advance(ms: number): void {
    if (typeof ms !== "number") throw new TypeError(`ms must be a number, got ${typeof ms}`);
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a non-negative finite number, got ${ms}`);
    this.time += ms;
  }

  /** Sets the clock to `time` (a `Date` or epoch milliseconds); it may move backwards. */
  set(time: Date | number): void {
    this.time = checkedTime(time, "time");
  }
}

function checkedTime(value: Date | number, name: string): number {
  const time = value instanceof Date ? value.getTime() : value;
  if (typeof time !== "number") throw new TypeError(`${name} must be a Date or a number of milliseconds`);
  if (!Number.isFinite(time)) throw new RangeError(`${name} must be a valid time`);
  return time;
}
