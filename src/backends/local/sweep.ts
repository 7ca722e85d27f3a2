import { readdir, readFile, realpath, rename, rm, rmdir, unlink } from "node:fs/promises";
import * as nodePath from "node:path";
import { ignore, present } from "./fs-step.js";
import { JOURNALS_FOLDER, unfinishedWork, type UnfinishedWork } from "./journal-records.js";
import { ownerState, type Owner } from "./owner.js";
import { isReservedName } from "./reserved.js";
import { parseTaggedName, parseTempName } from "./temp-name.js";

/** Options of {@link sweepResidue}. */
export interface SweepOptions {
  /** The real root (links resolved). */
  readonly realRoot: string;
  /** This process: the sweep never removes what a live owner may still use. */
  readonly self: Owner;
}

/**
 * Removes what processes that are gone left below the root (spec LOC-133): for every journal
 * whose owner is gone (LOC-131) it puts folders moved aside back (or removes them when they were
 * replaced), removes the owner's temp entries in every recorded folder and the parent folders its
 * unfinished operations created (while empty), then the journal. Best effort: a step that fails
 * is passed over, and the journal stays for the next sweep when it could not be read.
 */
export async function sweepResidue(options: SweepOptions): Promise<void> {
  const folder = nodePath.join(options.realRoot, JOURNALS_FOLDER);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const owner = parseTaggedName(name)?.owner;
    if (owner === undefined || (await ownerState(owner, options.self)) !== "gone") continue;
    const file = nodePath.join(folder, name);
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    await undo(options.realRoot, owner, unfinishedWork(text));
    await unlink(file).catch(ignore);
  }
  await rmdir(folder).catch(ignore);
}

async function undo(realRoot: string, owner: Owner, work: UnfinishedWork): Promise<void> {
  const kept = new Set<string>();
  for (const { p, to } of work.asides) {
    if (!(await putBack(realRoot, p, to))) kept.add(p);
  }
  for (const p of work.folders) await removeOwned(realRoot, p, owner, kept);
  for (const p of work.created) {
    const local = await inside(realRoot, p);
    if (local !== undefined) await rmdir(local).catch(ignore);
  }
}

/**
 * A folder moved aside before its replacement (LOC-112): back under its name when that is free
 * (the replacement never happened), else removed (it did). False when it must stay where it is.
 */
async function putBack(realRoot: string, p: string, to: string): Promise<boolean> {
  const aside = await inside(realRoot, p);
  const target = await inside(realRoot, to, { missingOk: true });
  if (aside === undefined || target === undefined) return false;
  try {
    if (await present(target)) await rm(aside, { recursive: true, force: true });
    else await rename(aside, target);
    return true;
  } catch {
    return false;
  }
}

/** Removes the temp entries of `owner` in folder `p` (not those in `kept`); an emptied reserved folder goes too. */
async function removeOwned(realRoot: string, p: string, owner: Owner, kept: ReadonlySet<string>): Promise<void> {
  const folder = await inside(realRoot, p);
  if (folder === undefined) return;
  const names = await readdir(folder).catch((): string[] => []);
  for (const name of names) {
    const found = parseTempName(name)?.owner;
    if (found === undefined || !sameProcess(found, owner) || kept.has(p === "" ? name : `${p}/${name}`)) continue;
    await rm(nodePath.join(folder, name), { recursive: true, force: true }).catch(ignore);
  }
  // A reserved folder below the root (a sidecar folder, the uploads folder) that this emptied goes too.
  if (p !== "" && isReservedName(p.slice(p.lastIndexOf("/") + 1))) await rmdir(folder).catch(ignore);
}

/**
 * The local path of journal path `p` when it lies inside the real root with no link on the way
 * (the journal records real paths, so anything else was changed since): `undefined` otherwise.
 * With `missingOk` only its parent must exist.
 */
async function inside(realRoot: string, p: string, options: { missingOk?: boolean } = {}): Promise<string | undefined> {
  const local = p === "" ? realRoot : nodePath.join(realRoot, ...p.split("/"));
  const checked = options.missingOk === true && p !== "" ? nodePath.dirname(local) : local;
  const real = await realpath(checked).catch(() => undefined);
  return real === checked ? local : undefined;
}

function sameProcess(a: Owner, b: Owner): boolean {
  return a.hostId === b.hostId && a.pid === b.pid && a.start === b.start;
}
