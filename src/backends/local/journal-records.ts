import { parseJsonObject } from "./json-object.js";
import type { Owner } from "./owner.js";
import { RESERVED_PREFIX } from "./reserved.js";

/** The reserved folder, at the real root, that holds one journal per backend with work in flight (spec LOC-132). */
export const JOURNALS_FOLDER = `${RESERVED_PREFIX}-journals`;

/**
 * One line of a journal (spec LOC-132). Paths are relative to the real root, `/`-separated, `""`
 * for the root itself.
 * - `dir`: a folder the backend puts temp entries in;
 * - `mk`: a folder operation `op` created (after its `mkdir`);
 * - `aside`: operation `op` moves folder `to` aside to temp name `p` (before the rename);
 * - `end`: operation `op` is over, its folders are kept or already removed.
 */
export type JournalRecord =
  | { readonly t: "dir"; readonly p: string }
  | { readonly t: "mk"; readonly op: number; readonly p: string }
  | { readonly t: "aside"; readonly op: number; readonly p: string; readonly to: string }
  | { readonly t: "end"; readonly op: number };

/** What a gone owner's journal leaves to be undone (spec LOC-133). */
export interface UnfinishedWork {
  /** Folders that may hold the owner's temp entries. */
  readonly folders: readonly string[];
  /** Folders that unfinished operations created, deepest first. */
  readonly created: readonly string[];
  /** Folders that unfinished operations moved aside, with the names they are to replace. */
  readonly asides: readonly { readonly p: string; readonly to: string }[];
}

/** The first line of a journal: its owner, for people and for `findResidue`. */
export function headerLine(owner: Owner, createdAt: number): string {
  return `${JSON.stringify({ v: 1, host: owner.host, hostId: owner.hostId, pid: owner.pid, start: owner.start, createdAt })}\n`;
}

/** Records as journal lines. */
export function recordLines(records: readonly JournalRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join("");
}

/**
 * Reads a journal: what its operations left unfinished. Lines that are not records (the header,
 * a line cut short by the crash, anything malformed) are passed over.
 */
export function unfinishedWork(text: string): UnfinishedWork {
  const folders = new Set<string>();
  const created: { p: string; op: number }[] = [];
  const asides: { p: string; to: string; op: number }[] = [];
  const ended = new Set<number>();
  for (const line of text.split("\n")) {
    const record = parseRecord(line);
    if (record === undefined) continue;
    if (record.t === "dir") folders.add(record.p);
    else if (record.t === "mk") created.push(record);
    else if (record.t === "aside") asides.push(record);
    else ended.add(record.op);
  }
  const open = <T extends { op: number }>(items: T[]): T[] => items.filter((item) => !ended.has(item.op));
  return {
    folders: [...folders],
    created: open(created)
      .map((record) => record.p)
      .reverse()
      .sort((a, b) => depth(b) - depth(a)),
    asides: open(asides).map(({ p, to }) => ({ p, to })),
  };
}

function parseRecord(line: string): JournalRecord | undefined {
  const r = parseJsonObject(line);
  if (r === undefined) return undefined;
  const op = typeof r.op === "number" && Number.isSafeInteger(r.op) ? r.op : undefined;
  if (r.t === "dir" && isRelative(r.p)) return { t: "dir", p: r.p };
  if (r.t === "mk" && op !== undefined && isRelative(r.p) && r.p !== "") return { t: "mk", op, p: r.p };
  if (r.t === "aside" && op !== undefined && isRelative(r.p) && isRelative(r.to) && r.p !== "" && r.to !== "") return { t: "aside", op, p: r.p, to: r.to };
  if (r.t === "end" && op !== undefined) return { t: "end", op };
  return undefined;
}

/** A path below the root in the journal's form: no empty, `.` or `..` segment, no NUL. */
function isRelative(path: unknown): path is string {
  if (typeof path !== "string") return false;
  return path === "" || path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== ".." && !segment.includes("\0"));
}

function depth(path: string): number {
  return path.split("/").length;
}
