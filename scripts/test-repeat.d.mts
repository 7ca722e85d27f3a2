/** Types of the parts of `scripts/test-repeat.mjs` its tests import (spec TEST-002). */
export interface RepeatOptions {
  readonly runs: number;
  readonly beside: boolean;
  readonly keep: boolean;
  readonly extra: readonly string[];
}
export function parseArguments(argv: readonly string[]): RepeatOptions;
export function failures(report: unknown, dir: string): string[];
