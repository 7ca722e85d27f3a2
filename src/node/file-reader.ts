import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { configError } from "../registry/issues.js";

/**
 * Reads a config file as UTF-8 text for `Registry.fromFile` (spec REG-031). Every problem is a
 * `ConfigError` naming the file: not found, a directory, not readable, not UTF-8.
 */
export async function readConfigFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw configError(path, [`${path}: ${readProblem(path, error)}`], { cause: error });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw configError(path, [`${path}: is not UTF-8 text (save the file as UTF-8)`], { cause: error });
  }
}

function readProblem(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return `file not found (looked for ${resolve(path)})`;
    case "ENOTDIR":
      return `file not found (a part of the path is not a folder)`;
    case "EISDIR":
      return "is a folder, not a config file";
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied";
    default:
      return `cannot be read (${typeof code === "string" ? code : String((error as { message?: unknown } | null)?.message ?? error)})`;
  }
}
