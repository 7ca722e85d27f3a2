/** Reads a config file as text; rejects with a `ConfigError` naming the file on any problem. */
export type ConfigFileReader = (path: string) => Promise<string>;

let reader: ConfigFileReader | undefined;

/**
 * Installs the file reader `Registry.fromFile` uses (spec REG-031). The Node entry installs one
 * based on `node:fs/promises`; other runtimes may install their own.
 */
export function setConfigFileReader(fn: ConfigFileReader | undefined): void {
  if (fn !== undefined && typeof fn !== "function") throw new TypeError(`reader must be a function, got ${typeof fn}`);
  reader = fn;
}

/** The installed file reader, if any. */
export function configFileReader(): ConfigFileReader | undefined {
  return reader;
}
