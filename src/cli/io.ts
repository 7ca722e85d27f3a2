import pc from "picocolors";

/** A stream the CLI writes to. */
export interface CliOutput {
  write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean;
  once(event: "drain", listener: () => void): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** The process surroundings of one CLI run; `main` uses the real process by default. */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The real process. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** The colour functions of picocolors, switched on or off. */
export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colour only on a terminal, never with `NO_COLOR` (any value) or `--no-color` (spec CLI-031).
 */
export function colorsFor(stream: CliOutput, env: CliIo["env"], allowed: boolean): Colors {
  const enabled = allowed && stream.isTTY === true && env.NO_COLOR === undefined;
  return pc.createColors(enabled);
}

/** Writes `chunk` and waits until the stream can take more (backpressure). */
export async function writeAll(stream: CliOutput, chunk: string | Uint8Array): Promise<void> {
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve) => stream.once("drain", resolve));
}
