import { execFile, spawnSync } from "node:child_process";

/** True when the `mkfifo` tool is available (it is on every Linux and macOS). */
export const canMakeFifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).error === undefined;

/** Creates a FIFO with the `mkfifo` tool. */
export function mkfifo(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("mkfifo", [path], (error) => (error === null ? resolve() : reject(new Error(`mkfifo failed: ${error.message}`))));
  });
}
