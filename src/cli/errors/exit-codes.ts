import type { ErrorCode } from "../../errors/remote-store-error.js";

/** The exit code of each library error code (spec CLI-034). */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = Object.freeze({
  CONFIG_INVALID: 3,
  NOT_FOUND: 4,
  ALREADY_EXISTS: 5,
  INVALID_PATH: 6,
  DIRECTORY_NOT_EMPTY: 7,
  PERMISSION_DENIED: 8,
  CAPABILITY_NOT_SUPPORTED: 9,
  BACKEND_UNAVAILABLE: 10,
  QUOTA_EXCEEDED: 11,
  INVALID_ARGUMENT: 12,
});

/** Exit codes that do not come from a library error code (spec CLI-034). */
export const EXIT = Object.freeze({
  ok: 0,
  unexpected: 1,
  usage: 2,
  failures: 13,
  interrupted: 130,
});

/** The rows of the documented exit-code table, for `--help` (spec CLI-001, CLI-034). */
export const EXIT_CODE_TABLE: readonly (readonly [number, string])[] = [
  [0, "success"],
  [1, "unexpected error (not a library error)"],
  [2, "usage: unknown command or option, missing or bad argument"],
  [3, "CONFIG_INVALID: config missing or invalid, unknown store, bad URL"],
  [4, "NOT_FOUND (also a local path that does not exist)"],
  [5, "ALREADY_EXISTS: destination exists (use --force)"],
  [6, "INVALID_PATH: bad path or wrong kind (a folder without -r)"],
  [7, "DIRECTORY_NOT_EMPTY"],
  [8, "PERMISSION_DENIED"],
  [9, "CAPABILITY_NOT_SUPPORTED: the backend cannot do this"],
  [10, "BACKEND_UNAVAILABLE"],
  [11, "QUOTA_EXCEEDED (also a full local disk)"],
  [12, "INVALID_ARGUMENT (e.g. a bad snapshot file)"],
  [13, "finished with failures (sync errors, doctor problems)"],
  [130, "interrupted (Ctrl-C)"],
];
