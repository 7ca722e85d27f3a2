import { InvalidArgumentError, Option } from "commander";

/** Parses an integer of at least `min` (commander argument parser; bad values are usage errors, spec CLI-003). */
export function integerAtLeast(min: number): (value: string) => number {
  return (value: string) => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
      throw new InvalidArgumentError(`expected an integer of at least ${min}`);
    }
    return number;
  };
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Collects repeatable `key=value` pairs. */
export function collectPair(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const equals = value.indexOf("=");
  if (equals <= 0) throw new InvalidArgumentError(`expected key=value`);
  return { ...(previous ?? {}), [value.slice(0, equals)]: value.slice(equals + 1) };
}

/** `--human` / `--no-human`: sizes for people or exact bytes (spec CLI-030). */
export function humanOptions(): Option[] {
  return [
    new Option("--human", "sizes for people (1.5 KiB); the default on a terminal"),
    new Option("--no-human", "exact byte counts; the default when not on a terminal"),
  ];
}

/** `--json` (spec CLI-032). */
export function jsonOption(): Option {
  return new Option("--json", "print one JSON document (for scripts)");
}

/** The help text that lists examples, for `addHelpText("after", …)`. */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}
