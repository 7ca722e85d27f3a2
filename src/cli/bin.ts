#!/usr/bin/env node
/**
 * The `remote-store` executable (package `bin`, built to `dist/cli.js`): runs {@link main} and
 * exits with its code (spec CLI-034). `--version` is answered before the command line (commander,
 * every command, the library) is loaded (spec PKG-007).
 */
import { packageVersion } from "./package-version.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { main } = await import("./main.js");
  const code = await main(args);
  process.exitCode = code;
  // Leave time to flush output, but never hang on a handle something left open.
  setTimeout(() => process.exit(code), 250).unref();
}
