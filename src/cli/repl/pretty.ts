import { inspect } from "node:util";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { Entry, FileInfo, FolderInfo, WriteResult } from "../../contract/models.js";
import { Listing } from "../../store/listing.js";
import { Store } from "../../store/store.js";
import type { Colors } from "../io.js";
import { formatSize, humanSize, plural } from "../format/size.js";
import { formatTime } from "../format/style.js";
import { renderTable } from "../format/table.js";
import { isRecord } from "../../shared/checks/objects.js";

/** How values are shown. */
export interface PrettyOptions {
  readonly colors: Colors;
  /** Pass colours to `util.inspect` too. */
  readonly inspectColors: boolean;
  /** Show stacks of library errors. */
  readonly debug: boolean;
}

const hasKeysWithin = (value: Record<string, unknown>, allowed: readonly string[]): boolean => Object.keys(value).every((key) => allowed.includes(key));

/** True for a `FileInfo` or `FolderEntry` as the Store returns them. */
export function isEntry(value: unknown): value is Entry {
  if (!isRecord(value) || typeof value.path !== "string" || typeof value.name !== "string") return false;
  if (value.kind === "folder") return hasKeysWithin(value, ["kind", "path", "name"]);
  return value.kind === "file" && typeof value.size === "number" && value.modifiedAt instanceof Date;
}

/** True for a `FolderInfo`. */
export function isFolderInfo(value: unknown): value is FolderInfo {
  return isRecord(value) && typeof value.path === "string" && typeof value.fileCount === "number" && typeof value.totalSize === "number" && hasKeysWithin(value, ["path", "fileCount", "totalSize", "modifiedAt"]);
}

/** True for a `WriteResult`. */
export function isWriteResult(value: unknown): value is WriteResult {
  return isRecord(value) && typeof value.path === "string" && typeof value.size === "number" && hasKeysWithin(value, ["path", "size", "modifiedAt", "contentType", "metadata"]);
}

/** Entries as an aligned table with a header (spec CLI-072). */
export function entriesTable(entries: readonly Entry[], colors: Colors): string {
  const rows = entries.map((entry) => [
    entry.kind,
    entry.kind === "file" ? humanSize(entry.size) : "-",
    entry.kind === "file" ? formatTime(entry.modifiedAt, true) : "-",
    entry.kind === "folder" ? colors.blue(colors.bold(`${entry.path}/`)) : entry.path,
  ]);
  const header = ["kind", "size", "modified", "path"].map((title) => colors.dim(title));
  const lines = renderTable([header, ...rows], { tty: true, align: ["left", "right", "left", "left"] });
  return [...lines, colors.dim(`(${entries.length} ${entries.length === 1 ? "entry" : "entries"})`)].join("\n");
}

function metadataText(metadata: Readonly<Record<string, string>> | undefined): string {
  return metadata === undefined ? "" : `  {${Object.entries(metadata).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")}}`;
}

function fileText(file: FileInfo, colors: Colors): string {
  return `${colors.dim("FileInfo")} ${file.path}  ${humanSize(file.size)}  ${file.contentType ?? ""}  ${formatTime(file.modifiedAt, true)}${metadataText(file.metadata)}`;
}

/**
 * The REPL's text for the library's values (spec CLI-072), or `undefined` to leave a value to
 * `util.inspect`.
 */
export function prettyValue(value: unknown, options: PrettyOptions): string | undefined {
  const { colors } = options;
  if (isRemoteStoreError(value)) {
    const head = `${value.name} [${value.code}]: ${value.message}`;
    return options.debug && typeof value.stack === "string" ? `${head}\n${value.stack.split("\n").slice(1).join("\n")}` : head;
  }
  if (value instanceof Store) {
    return `${value.toString()}\n${colors.dim(`capabilities: ${[...value.backend.capabilities].join(", ")}`)}`;
  }
  if (value instanceof Listing) {
    return colors.dim("Listing (async iterable): use `await …toArray()`, `for await (const x of …)`, or .ls");
  }
  if (Array.isArray(value) && value.length > 0 && value.every(isEntry)) return entriesTable(value, colors);
  if (isEntry(value)) return value.kind === "file" ? fileText(value, colors) : `${colors.dim("FolderEntry")} ${colors.blue(`${value.path}/`)}`;
  if (isFolderInfo(value)) {
    const newest = value.modifiedAt === undefined ? "no files" : `newest ${formatTime(value.modifiedAt, true)}`;
    return `${colors.dim("FolderInfo")} ${JSON.stringify(value.path)}  ${plural(value.fileCount, "file")}, ${formatSize(value.totalSize, true)}, ${newest}`;
  }
  if (isWriteResult(value)) {
    const time = value.modifiedAt === undefined ? "" : `  ${formatTime(value.modifiedAt, true)}`;
    return `${colors.dim("WriteResult")} ${value.path}  ${humanSize(value.size)}  ${value.contentType ?? ""}${time}${metadataText(value.metadata)}`;
  }
  return undefined;
}

/** A REPL `writer`: the library's values readably, everything else as Node's REPL shows it. */
export function createWriter(options: PrettyOptions): ((value: unknown) => string) & { options: object } {
  const inspectOptions = { ...inspect.defaultOptions, colors: options.inspectColors, depth: 4, showProxy: false };
  const writer = (value: unknown): string => prettyValue(value, options) ?? inspect(value, inspectOptions);
  return Object.assign(writer, { options: inspectOptions });
}
