import { rmdirSync, unlinkSync } from "node:fs";
import { appendFile, mkdir, rmdir, unlink, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { hasErrno } from "./errno.js";
import { ignore } from "./fs-step.js";
import { JOURNALS_FOLDER, headerLine, recordLines, type JournalRecord } from "./journal-records.js";
import type { Owner } from "./owner.js";
import { taggedName, tempName } from "./temp-name.js";

/** Options of {@link Journal}. */
export interface JournalOptions {
  /** The real root (links resolved) the journal belongs to. */
  readonly realRoot: string;
  /** Whose work it records: this process, except in tests that play a process that is gone. */
  readonly owner: Owner;
}

/**
 * What one operation records, so that the sweep can finish it after a crash (spec LOC-132,
 * LOC-133). Paths are real local paths below the root. Nothing is written until the first
 * record; {@link end} writes only when something was recorded.
 */
export interface JournalOperation {
  /** Folder `folder` was just created by this operation (for a parent of its target). */
  created(folder: string): Promise<void>;
  /** Folder `target` is about to be renamed to the temp name `aside` (LOC-112). */
  aside(aside: string, target: string): Promise<void>;
  /** The operation is over: its folders are kept, or already removed. */
  end(): Promise<void>;
}

/** Where temp entries get their names: the journal, which first records the folder. */
export interface TempNames {
  /** A fresh temp path in real folder `folder`, owned by this process and findable after a crash. */
  temp(folder: string): Promise<string>;
}

/** Folder records an idle journal may hold before it is dropped and begun again (spec LOC-132). */
const MAX_FOLDERS = 256;

/** Errors that say the journal can never be written here (a read-only root, the folder name taken). */
const PERMANENT = ["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST", "EISDIR"];

/**
 * The journal of one backend (spec LOC-132): a file `.remote-store-journals/<owner>.<random>` at
 * the real root that says where this backend's temp entries are, which folders its unfinished
 * operations created, and which folders they moved aside. Appends are serialised; the file is
 * created with the first record and removed when the backend is closed and idle, when it is idle
 * with more than 256 folder records, and when the process exits with nothing running. A journal
 * that cannot be written is given up: the backend works without one.
 */
export class Journal implements TempNames {
  /** Whose work this is. */
  readonly owner: Owner;
  private readonly realRoot: string;
  private readonly folder: string;
  private readonly file: string;
  private readonly folders = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private exists = false;
  private disabled = false;
  private closed = false;
  private active = 0;
  private operations = 0;

  constructor(options: JournalOptions) {
    this.owner = options.owner;
    this.realRoot = options.realRoot;
    this.folder = nodePath.join(options.realRoot, JOURNALS_FOLDER);
    this.file = nodePath.join(this.folder, taggedName(options.owner));
  }

  /** Runs one operation of the backend; when the last one ends, an idle journal may go. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      if (this.active === 0 && (this.closed || this.folders.size > MAX_FOLDERS)) await this.removeIfIdle();
    }
  }

  /** @inheritDoc */
  async temp(folder: string): Promise<string> {
    const p = this.relative(folder);
    if (p !== undefined && !this.folders.has(p)) {
      await this.append(() => (this.folders.has(p) ? [] : [{ t: "dir", p }]), () => this.folders.add(p));
    }
    return nodePath.join(folder, tempName(this.owner));
  }

  /** A new operation's records (see {@link JournalOperation}). */
  operation(): JournalOperation {
    let op = 0;
    const record = async (make: (op: number) => JournalRecord | undefined): Promise<void> => {
      if (op === 0) op = ++this.operations;
      const id = op;
      await this.append(() => {
        const made = make(id);
        return made === undefined ? [] : [made];
      });
    };
    return {
      created: (folder) => record((id) => this.withPath(folder, (p) => ({ t: "mk", op: id, p }))),
      aside: (aside, target) =>
        record((id) => this.withPath(aside, (p) => this.withPath(target, (to) => ({ t: "aside", op: id, p, to })))),
      end: async () => {
        if (op !== 0) await this.append(() => [{ t: "end", op }]);
      },
    };
  }

  /** Marks the backend closed; the journal goes now, or when the last running operation ends. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.active === 0) await this.removeIfIdle();
  }

  /** At process exit: removes the file when nothing runs (a running operation's records must stay). */
  removeAtExit(): void {
    if (!this.exists || this.active > 0) return;
    try {
      unlinkSync(this.file);
      rmdirSync(this.folder);
    } catch {
      // The folder holds other journals, or the file is gone already.
    }
  }

  /** Appends the records `make` returns at its turn; failures are swallowed (the work goes on untracked). */
  private append(make: () => JournalRecord[], recorded?: () => void): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.disabled) return;
      const records = make();
      if (records.length === 0) return;
      try {
        await this.write(recordLines(records));
        recorded?.();
      } catch (error) {
        if (hasErrno(error, ...PERMANENT)) this.disabled = true;
      }
    });
    this.queue = run.catch(ignore);
    return run;
  }

  private async write(lines: string): Promise<void> {
    if (this.exists) {
      try {
        return await appendFile(this.file, lines);
      } catch (error) {
        // Someone removed the journals folder: begin a new journal.
        if (!hasErrno(error, "ENOENT")) throw error;
        this.exists = false;
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await mkdir(this.folder).catch((error: unknown) => {
          if (!hasErrno(error, "EEXIST")) throw error;
        });
        await writeFile(this.file, headerLine(this.owner, Date.now()) + lines, { flag: "w" });
        this.exists = true;
        removeAtExit(this);
        return;
      } catch (error) {
        // A closing backend removed the emptied folder between our mkdir and our file: again.
        if (attempt < 3 && hasErrno(error, "ENOENT")) continue;
        throw error;
      }
    }
  }

  private removeIfIdle(): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.active > 0) return;
      this.folders.clear();
      if (!this.exists) return;
      this.exists = false;
      OPEN_JOURNALS.delete(this);
      await unlink(this.file).catch(ignore);
      await rmdir(this.folder).catch(ignore);
    });
    this.queue = run.catch(ignore);
    return run;
  }

  /** `folder` relative to the real root, `/`-separated; `undefined` outside it (never recorded). */
  private relative(folder: string): string | undefined {
    const relative = nodePath.relative(this.realRoot, folder);
    if (relative === ".." || relative.startsWith(`..${nodePath.sep}`) || nodePath.isAbsolute(relative)) return undefined;
    return relative.split(nodePath.sep).join("/");
  }

  private withPath(local: string, make: (p: string) => JournalRecord | undefined): JournalRecord | undefined {
    const p = this.relative(local);
    return p === undefined ? undefined : make(p);
  }
}

/** Journals with a file on disk, removed at process exit when idle (spec LOC-132). */
const OPEN_JOURNALS = new Set<Journal>();
let exitListener = false;

/** Registers `journal` for removal at process exit; the listener is added with the first one. */
function removeAtExit(journal: Journal): void {
  if (!exitListener) {
    exitListener = true;
    process.once("exit", () => {
      for (const open of OPEN_JOURNALS) open.removeAtExit();
    });
  }
  OPEN_JOURNALS.add(journal);
}
