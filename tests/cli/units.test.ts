import { describe, expect, it } from "vitest";
import pc from "picocolors";
import {
  AlreadyExists,
  BackendUnavailable,
  CapabilityNotSupported,
  ConfigError,
  DirectoryNotEmpty,
  InvalidArgument,
  InvalidPath,
  NotFound,
  PermissionDenied,
  QuotaExceeded,
  MemoryBackend,
  Store,
} from "../../src/index.js";
import { interruptedError, usageError } from "../../src/cli/errors/cli-errors.js";
import { EXIT_CODE_TABLE } from "../../src/cli/errors/exit-codes.js";
import { localError } from "../../src/cli/errors/local-errors.js";
import { exitCodeOf, reportError } from "../../src/cli/errors/report-error.js";
import { formatDuration, humanSize } from "../../src/cli/format/size.js";
import { renderTable } from "../../src/cli/format/table.js";
import { describeProgress } from "../../src/cli/progress/progress.js";
import { prettyValue } from "../../src/cli/repl/pretty.js";
import { Location } from "../../src/cli/session/location.js";
import { endsWithSeparator, parseLocation } from "../../src/cli/session/parse-location.js";

const plain = pc.createColors(false);

describe("exit codes (CLI-034)", () => {
  it("CLI-034 every error kind has its own documented exit code", () => {
    const cases: [unknown, number][] = [
      [new Error("bug"), 1],
      [usageError("bad"), 2],
      [new ConfigError("x", { issues: ["x"] }), 3],
      [new NotFound("x"), 4],
      [new AlreadyExists("x"), 5],
      [new InvalidPath("x"), 6],
      [new DirectoryNotEmpty("x"), 7],
      [new PermissionDenied("x"), 8],
      [new CapabilityNotSupported("x", { capability: "write" }), 9],
      [new BackendUnavailable("x"), 10],
      [new QuotaExceeded("x"), 11],
      [new InvalidArgument("x"), 12],
      [interruptedError(), 130],
    ];
    for (const [error, code] of cases) expect(exitCodeOf(error)).toBe(code);
    expect(EXIT_CODE_TABLE.map(([code]) => code)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 130]);
  });

  it("CLI-034 local file-system errors map by errno", () => {
    const errno = (code: string): unknown => localError(Object.assign(new Error(code), { code }), "/x", "file");
    expect(exitCodeOf(errno("ENOENT"))).toBe(4);
    expect(exitCodeOf(errno("EEXIST"))).toBe(5);
    expect(exitCodeOf(errno("EISDIR"))).toBe(6);
    expect(exitCodeOf(errno("ENOTEMPTY"))).toBe(7);
    expect(exitCodeOf(errno("EACCES"))).toBe(8);
    expect(exitCodeOf(errno("ENOSPC"))).toBe(11);
    expect(exitCodeOf(errno("EIO"))).toBe(1);
  });

  it("CLI-033 CLI-024 an error line names the code, the location as typed, and the message with that location", () => {
    const store = new Store({ backend: new MemoryBackend() });
    const location = new Location({ store, path: "2026/q1.csv", spec: "reports:2026/q1.csv", folderHint: false, prefix: "reports:" });
    const error = location.label(new NotFound('File not found: "2026/q1.csv"', { path: "2026/q1.csv" }));
    expect(reportError(error, { debug: false, colors: plain }).lines).toEqual(['remote-store: NOT_FOUND: reports:2026/q1.csv: File not found: "reports:2026/q1.csv"']);
    const config = new ConfigError("2 problems", { issues: ["a: one", "b: two"] });
    expect(reportError(config, { debug: false, colors: plain }).lines).toEqual(["remote-store: CONFIG_INVALID: a: one", "remote-store: CONFIG_INVALID: b: two"]);
    const bug = reportError(new TypeError("x is not a function"), { debug: false, colors: plain });
    expect(bug.lines).toEqual(["remote-store: ERROR: x is not a function (run with --debug for the stack)"]);
    expect(reportError(new TypeError("boom"), { debug: true, colors: plain }).lines.join("\n")).toMatch(/\n\s+at /);
  });
});

describe("locations (CLI-020)", () => {
  const configured = (name: string): boolean => ["reports", "file"].includes(name);

  it("CLI-020 URLs, configured stores, the explicit default store and plain paths", () => {
    expect(parseLocation("memory://x/a", configured)).toEqual({ kind: "url", url: "memory://x/a" });
    expect(parseLocation("s3://bucket/key", configured)).toEqual({ kind: "url", url: "s3://bucket/key" });
    expect(parseLocation("reports:2026/q1.csv", configured)).toEqual({ kind: "store", name: "reports", path: "2026/q1.csv" });
    expect(parseLocation("reports:", configured)).toEqual({ kind: "store", name: "reports", path: "" });
    expect(parseLocation("file:./x", configured)).toEqual({ kind: "store", name: "file", path: "./x" });
    expect(parseLocation("file:./x", () => false)).toEqual({ kind: "url", url: "file:./x" });
    expect(parseLocation("nope:x", configured)).toEqual({ kind: "store", name: "nope", path: "x" });
    expect(parseLocation(":a:b.txt", configured)).toEqual({ kind: "default", path: "a:b.txt" });
    expect(parseLocation("notes/todo.md", configured)).toEqual({ kind: "default", path: "notes/todo.md" });
    expect(parseLocation("a b:c", configured)).toEqual({ kind: "default", path: "a b:c" });
  });

  it("CLI-045 a trailing separator or a bare store root marks a folder destination", () => {
    expect(["dir/", "dir\\", "reports:", "reports:2026/"].map(endsWithSeparator)).toEqual([true, true, true, true]);
    expect(["dir", "reports:2026", "a.txt"].map(endsWithSeparator)).toEqual([false, false, false]);
  });
});

describe("formatting (CLI-030, CLI-060, CLI-072)", () => {
  it("CLI-030 human sizes use powers of 1024 with one decimal", () => {
    expect([0, 1023, 1024, 1536, 200 * 1024 * 1024, 3 * 1024 ** 4].map(humanSize)).toEqual(["0 B", "1023 B", "1.0 KiB", "1.5 KiB", "200.0 MiB", "3.0 TiB"]);
    expect([5, 65, 3725, -1].map(formatDuration)).toEqual(["5s", "1m05s", "1h02m", "?"]);
  });

  it("CLI-030 tables align with spaces on a terminal (right-aligned where asked) and use tabs otherwise", () => {
    const rows = [
      ["file", "5 B", "a"],
      ["folder", "12.0 KiB", "bb"],
    ];
    expect(renderTable(rows, { tty: true, align: ["left", "right", "left"] })).toEqual(["file         5 B  a", "folder  12.0 KiB  bb"]);
    expect(renderTable(rows, { tty: false })).toEqual(["file\t5 B\ta", "folder\t12.0 KiB\tbb"]);
    expect(renderTable([[pc.createColors(true).blue("x"), "y"]], { tty: true })[0]).toContain("x\u001b[39m  y");
  });

  it("CLI-060 a progress line has bytes, percent, files, rate and ETA", () => {
    const line = describeProgress({ filesDone: 0, filesTotal: 2, bytesDone: 1024 * 1024, bytesTotal: 4 * 1024 * 1024 }, 1000, "files");
    expect(line).toBe("1.0 MiB / 4.0 MiB  25%  0/2 files  1.0 MiB/s  ETA 3s");
    expect(describeProgress({ filesDone: 3, filesTotal: 10, bytesDone: 0, bytesTotal: 0 }, 1000, "cases")).toBe("3/10 cases");
  });

  it("CLI-072 the REPL shows the library's models readably and leaves other values to util.inspect", () => {
    const options = { colors: plain, inspectColors: false, debug: false };
    const modifiedAt = new Date(2026, 2, 1, 14, 5);
    const file = Object.freeze({ kind: "file" as const, path: "a/b.txt", name: "b.txt", size: 2048, modifiedAt, contentType: "text/plain" });
    const folder = Object.freeze({ kind: "folder" as const, path: "a", name: "a" });
    expect(prettyValue([folder, file], options)?.split("\n")).toEqual([
      "kind       size  modified          path",
      "folder        -  -                 a/",
      "file    2.0 KiB  2026-03-01 14:05  a/b.txt",
      "(2 entries)",
    ]);
    expect(prettyValue(Object.freeze({ path: "", fileCount: 3, totalSize: 1536, modifiedAt }), options)).toBe('FolderInfo ""  3 files, 1.5 KiB, newest 2026-03-01 14:05');
    expect(prettyValue(Object.freeze({ path: "x.txt", size: 2, modifiedAt, contentType: "text/plain" }), options)).toBe("WriteResult x.txt  2 B  text/plain  2026-03-01 14:05");
    expect(prettyValue(new NotFound("File not found", { path: "x" }), options)).toBe('NotFound [NOT_FOUND]: File not found: "x"');
    expect(prettyValue({ path: "x", other: 1 }, options)).toBeUndefined();
    expect(prettyValue([1, 2], options)).toBeUndefined();
  });
});
