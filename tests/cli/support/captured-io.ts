import type { CliIo, CliOutput } from "../../../src/cli/io.js";

/** A stream that keeps what is written to it. */
export function sink(): CliOutput & { text: string } {
  const out = {
    text: "",
    write(chunk: string | Uint8Array) {
      out.text += typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
      return true;
    },
    once: () => out,
  };
  return out;
}

/** The process surroundings of an in-process `main` run in `dir`, with stdout and stderr kept. */
export function capturedIo(dir: string): CliIo & { stdout: ReturnType<typeof sink>; stderr: ReturnType<typeof sink> } {
  return { stdout: sink(), stderr: sink(), stdin: process.stdin, env: { HOME: dir }, cwd: dir };
}
