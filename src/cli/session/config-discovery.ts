import { access } from "node:fs/promises";
import * as nodePath from "node:path";
import { ConfigError } from "../../errors/classes.js";

/** The file names looked for in the working directory (spec CLI-010). */
export const CONFIG_FILE_NAMES: readonly string[] = [
  "remote-store.config.json",
  "remote-store.config.yaml",
  "remote-store.config.yml",
  "remote-store.config.toml",
];

/** Where the config comes from. */
export interface ConfigChoice {
  /** Absolute path of the config file, or `undefined` when there is none. */
  readonly path: string | undefined;
  /** How it was found: `--config`, `REMOTE_STORE_CONFIG`, `working directory`, or `none`. */
  readonly source: "--config" | "REMOTE_STORE_CONFIG" | "working directory" | "none";
}

/**
 * Finds the config file (spec CLI-010): `--config`, then `REMOTE_STORE_CONFIG`, then the one
 * `remote-store.config.{json,yaml,yml,toml}` in `cwd`. Several candidates → `ConfigError`.
 */
export async function discoverConfig(options: { explicit: string | undefined; env: Readonly<Record<string, string | undefined>>; cwd: string }): Promise<ConfigChoice> {
  if (options.explicit !== undefined) return { path: nodePath.resolve(options.cwd, options.explicit), source: "--config" };
  const fromEnv = options.env.REMOTE_STORE_CONFIG;
  if (fromEnv !== undefined && fromEnv !== "") return { path: nodePath.resolve(options.cwd, fromEnv), source: "REMOTE_STORE_CONFIG" };
  const found: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = nodePath.join(options.cwd, name);
    if (await access(candidate).then(() => true, () => false)) found.push(candidate);
  }
  if (found.length > 1) {
    const names = found.map((file) => nodePath.basename(file)).join(", ");
    const issue = `${options.cwd}: several config files (${names}); keep one, or choose with --config`;
    throw new ConfigError(issue, { issues: [issue] });
  }
  return found.length === 1 ? { path: found[0], source: "working directory" } : { path: undefined, source: "none" };
}

/** `remote-store.config.{json,yaml,yml,toml}`, for messages. */
export function configNamesHint(): string {
  return "remote-store.config.{json,yaml,yml,toml}";
}
