import { mkdir, realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import * as nodePath from "node:path";
import { BackendUnavailable, InvalidPath } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { LOCAL_BACKEND_NAME, hasErrno, mapFsError } from "./errno.js";
import { ignore } from "./fs-step.js";
import { Journal, type TempNames } from "./journal.js";
import { currentOwner, type Owner } from "./owner.js";
import { RESERVED_PREFIX, isReservedName } from "./reserved.js";
import { sweepResidue } from "./sweep.js";


/** What a path points at, following symbolic links that stay inside the root. */
export type EntryKind = "file" | "folder" | "other" | "missing";

/** The outcome of resolving a backend path against the real root (spec LOC-012). */
export interface Resolved {
  /** The backend-relative path. */
  readonly path: string;
  /** The real root joined with the path's segments (symbolic links not resolved). */
  readonly lexical: string;
  /** The fully resolved location, when the path exists inside the root. */
  readonly real: string | undefined;
  /** What is there. `"missing"` also for a path below a file and for an escaping path. */
  readonly kind: EntryKind;
  /** `stat` of `real`, when it exists. */
  readonly stats: Stats | undefined;
  /** The path (or its deepest existing ancestor) resolves outside the root. */
  readonly escapes: boolean;
  /** Missing, and the deepest existing ancestor is not a folder. */
  readonly belowFile: boolean;
}

/**
 * The root folder of a local backend: prepares it on first use (and sweeps the residue of gone
 * processes, spec LOC-133), maps backend paths to local paths, checks that every resolved location
 * stays inside it, and names temp entries through the backend's journal (LOC-132).
 */
export class LocalRoot implements TempNames {
  private readonly configured: string;
  private realRoot: string | undefined;
  private prefix = "";
  private pending: Promise<string> | undefined;
  private prepared: Journal | undefined;
  private closed = false;

  /** @param configured the absolute root the user configured. */
  constructor(configured: string) {
    this.configured = configured;
  }

  /**
   * Validates the segments of a backend path (spec LOC-010, LOC-011) and returns them.
   * @throws `InvalidPath` for an empty, `.` or `..` segment, a NUL, or a reserved name.
   */
  segments(path: string): string[] {
    if (path === "") return [];
    const segments = path.split("/");
    for (const segment of segments) {
      if (segment === "" || segment === "." || segment === ".." || segment.includes("\0") || hasWindowsSeparator(segment)) {
        throw new InvalidPath(`Not a normalised backend path: ${quotePath(path)}`, { path, backend: LOCAL_BACKEND_NAME });
      }
      if (isReservedName(segment)) {
        throw new InvalidPath(`Names starting with ${quotePath(RESERVED_PREFIX)} are reserved by the local backend: ${quotePath(path)}`, {
          path,
          backend: LOCAL_BACKEND_NAME,
        });
      }
    }
    return segments;
  }

  /**
   * Creates the root when missing and resolves it, once (spec LOC-002, LOC-003). A failure is
   * not remembered: the next operation tries again.
   * @param path the operation's path, for the error.
   */
  async ready(path: string): Promise<string> {
    if (this.realRoot !== undefined) return this.realRoot;
    this.pending ??= this.prepare().finally(() => {
      this.pending = undefined;
    });
    try {
      return await this.pending;
    } catch (error) {
      throw rootError(error, path);
    }
  }

  /** The real root; only valid after {@link ready}. */
  get real(): string {
    if (this.realRoot === undefined) throw new Error("internal: local root used before it was prepared");
    return this.realRoot;
  }

  /** The backend's journal (spec LOC-132); only valid after {@link ready}. */
  get journal(): Journal {
    if (this.prepared === undefined) throw new Error("internal: local root used before it was prepared");
    return this.prepared;
  }

  /** This process, as the owner of what the backend makes (spec LOC-130); only valid after {@link ready}. */
  get owner(): Owner {
    return this.journal.owner;
  }

  /** A fresh temp path in real folder `folder`, recorded in the journal first (spec LOC-130, LOC-132). */
  temp(folder: string): Promise<string> {
    return this.journal.temp(folder);
  }

  /** The backend is closing: its journal goes once no operation runs (spec LOC-091, LOC-132). */
  async close(): Promise<void> {
    this.closed = true;
    await this.prepared?.close();
  }

  /** The local path of backend path segments, below the real root (no link resolution). */
  lexical(segments: readonly string[]): string {
    return segments.length === 0 ? this.real : nodePath.join(this.real, ...segments);
  }

  /** True when a real (link-free) location is the root or lies below it. */
  contains(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.prefix);
  }

  /**
   * Resolves a backend path: realpath of the path, or of its deepest existing ancestor when
   * it is missing, checked against the root (spec LOC-012).
   * @param errorPath the operation's path, for errors (defaults to the resolved path).
   * @throws a mapped error for anything but a missing path (e.g. `ENAMETOOLONG` → `InvalidPath`).
   */
  async resolve(segments: readonly string[], errorPath?: string): Promise<Resolved> {
    const path = errorPath ?? segments.join("/");
    const lexical = this.lexical(segments);
    const base = { path: segments.join("/"), lexical };
    try {
      const real = await realpath(lexical);
      if (!this.contains(real)) return { ...base, real: undefined, kind: "missing", stats: undefined, escapes: true, belowFile: false };
      const stats = await stat(real);
      return { ...base, real, kind: kindOf(stats), stats, escapes: false, belowFile: false };
    } catch (error) {
      if (!hasErrno(error, "ENOENT", "ENOTDIR")) throw mapFsError(error, path);
    }
    for (let depth = segments.length - 1; depth >= 0; depth--) {
      let real: string;
      let stats: Stats;
      try {
        real = await realpath(this.lexical(segments.slice(0, depth)));
        stats = await stat(real);
      } catch (error) {
        if (hasErrno(error, "ENOENT", "ENOTDIR")) continue;
        throw mapFsError(error, path);
      }
      const escapes = !this.contains(real);
      return { ...base, real: undefined, kind: "missing", stats: undefined, escapes, belowFile: !escapes && !stats.isDirectory() };
    }
    return { ...base, real: undefined, kind: "missing", stats: undefined, escapes: false, belowFile: false };
  }

  /**
   * The real folder that holds the entry of `resolved` (its parent, links resolved), so that
   * a removal or rename acts on the entry itself and never on what a link points to.
   * `undefined` when that folder is missing or outside the root.
   */
  async parentOf(resolved: Resolved, segments: readonly string[], errorPath: string): Promise<string | undefined> {
    if (segments.length <= 1) return this.real;
    if (resolved.real === resolved.lexical) return nodePath.dirname(resolved.lexical);
    const parent = await this.resolve(segments.slice(0, -1), errorPath);
    return parent.kind === "folder" ? parent.real : undefined;
  }

  private async prepare(): Promise<string> {
    try {
      await mkdir(this.configured, { recursive: true });
    } catch (error) {
      if (!hasErrno(error, "EEXIST", "ENOTDIR")) throw error;
      throw new RootNotAFolder(error);
    }
    const real = await realpath(this.configured);
    if (!(await stat(real)).isDirectory()) throw new RootNotAFolder(undefined);
    const owner = await currentOwner();
    await sweepResidue({ realRoot: real, self: owner }).catch(ignore);
    this.prepared = new Journal({ realRoot: real, owner });
    if (this.closed) await this.prepared.close();
    this.prefix = real.endsWith(nodePath.sep) ? real : real + nodePath.sep;
    this.realRoot = real;
    return real;
  }
}

/** The kind of a `stat` result. */
export function kindOf(stats: Stats): EntryKind {
  if (stats.isFile()) return "file";
  if (stats.isDirectory()) return "folder";
  return "other";
}

class RootNotAFolder extends Error {
  constructor(cause: unknown) {
    super("root is not a folder", cause === undefined ? undefined : { cause });
  }
}

function rootError(error: unknown, path: string): Error {
  if (error instanceof RootNotAFolder) {
    return new BackendUnavailable(`The local backend's root is not a folder (while accessing ${quotePath(path)})`, {
      path,
      backend: LOCAL_BACKEND_NAME,
      cause: error.cause,
    });
  }
  return mapFsError(error, path);
}

function hasWindowsSeparator(segment: string): boolean {
  return nodePath.sep === "\\" && (segment.includes("\\") || segment.includes(":"));
}
