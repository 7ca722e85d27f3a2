import { EXIT_CODE_TABLE } from "./errors/exit-codes.js";
import { configNamesHint } from "./session/config-discovery.js";

/** The epilogue of `remote-store --help` (spec CLI-001): locations, config and exit codes. */
export function helpEpilogue(): string {
  const codes = EXIT_CODE_TABLE.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join("\n");
  return `
Locations:
  reports:2026/q1.csv     the configured store "reports", path 2026/q1.csv ("reports:" = its root)
  s3://bucket/prefix      an S3 bucket (?endpoint=…&region=…; credentials from the environment)
  memory://name/path      a memory backend: it lives only as long as the command (or the REPL)
  file:///abs/path        a local path (also file:./relative)
  ./data.csv, /tmp/x      a plain path: a local file, as in every file tool
  A plain path goes to --store when given, else to the configured store "default", else to the
  local file system. The REPL starts in memory://default (in-memory, empty).

Config:
  --config <file>, else $REMOTE_STORE_CONFIG, else ${configNamesHint()}
  in the working directory. \${VAR} and \${VAR:-default} come from the environment.

Exit codes:
${codes}

Start with:  remote-store repl        (or npm start in a clone)
`;
}
