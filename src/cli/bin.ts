#!/usr/bin/env node
/**
 * The `remote-store` executable (package `bin`, built to `dist/cli.js`): runs {@link main} and
 * exits with its code (spec CLI-034).
 */
import { main } from "./main.js";

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Leave time to flush output, but never hang on a handle something left open.
setTimeout(() => process.exit(code), 250).unref();
