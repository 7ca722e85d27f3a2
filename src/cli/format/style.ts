import type { Colors } from "../io.js";

/** How plain output looks (spec CLI-030/031): on a terminal or for a script. */
export interface OutputStyle {
  /** stdout is a terminal: align columns with spaces (else one tab between columns). */
  readonly tty: boolean;
  /** Sizes for people (`1.5 KiB`) rather than exact byte counts. */
  readonly human: boolean;
  /** Colour functions (no-ops when colour is off). */
  readonly colors: Colors;
}

/** A date for people (local `2026-03-01 14:05`) or scripts (ISO 8601). */
export function formatTime(date: Date | undefined, human: boolean): string {
  if (date === undefined) return "-";
  if (!human) return date.toISOString();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
