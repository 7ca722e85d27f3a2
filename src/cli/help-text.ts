import { EXIT_CODE_TABLE } from "./errors/exit-codes.js";
import { configNamesHint } from "./session/config-discovery.js";

/** The epilogue of `remote-store --help` (spec CLI-001): locations, config and exit codes. */
export function helpEpilogue(): string {
  const codes = EXIT_CODE_TABLE.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join("\n");
  return `
Locations:
  reports:2026/q1.csv     the configured store "reports", path 2026/q1.csv ("reports:" = its root)
  memory://name/path      a memory backend (per process); memory:// alone is a fresh one
  file:///abs/path        a local path (also file:./relative)
  notes/todo.md           a path in the default store (":path" if the path has a ":")
  The default store is --store, else the configured store "default", else memory://default
  (in-memory: it starts empty in every process; use it in the REPL).

Config:
  --config <file>, else $REMOTE_STORE_CONFIG, else ${configNamesHint()}
  in the working directory. \${VAR} and \${VAR:-default} come from the environment.

Exit codes:
${codes}

Start with:  remote-store repl        (or npm start in a clone)
`;
}
