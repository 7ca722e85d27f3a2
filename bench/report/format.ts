/** Three significant digits, with a thousands separator for large values. */
export function sig3(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en");
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** A duration given in milliseconds, in the most readable unit. */
export function duration(ms: number): string {
  if (ms >= 1000) return `${sig3(ms / 1000)} s`;
  if (ms >= 1) return `${sig3(ms)} ms`;
  if (ms >= 0.001) return `${sig3(ms * 1000)} µs`;
  return `${sig3(ms * 1e6)} ns`;
}

/** A byte count. */
export function byteCount(bytes: number): string {
  return `${sig3(bytes)} B`;
}

/** A ratio such as `12.3×`. */
export function ratio(value: number): string {
  return `${sig3(value)}×`;
}

/** Megabytes (2^20 bytes) per second. */
export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / 2 ** 20 / (ms / 1000);
}
