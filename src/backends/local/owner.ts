import { createHash } from "node:crypto";
import { readFile, readlink } from "node:fs/promises";
import { hostname } from "node:os";
import { hasErrno } from "./errno.js";

/** The process that made a temp entry, a journal or an upload's latest manifest (spec LOC-130). */
export interface Owner {
  /** The host name, as given (temp names carry it shortened, {@link hostLabel}). */
  readonly host: string;
  /** 12 hex digits: the host name and, on Linux, the PID namespace — where `pid` means something. */
  readonly hostId: string;
  readonly pid: number;
  /** The process instance: boot id prefix and start time on Linux (`[0-9a-f]{8}[0-9a-z]+`), else `"0"`. */
  readonly start: string;
}

/** What is known of an owner from this process (spec LOC-131). */
export type OwnerState = "alive" | "other-host" | "gone" | "unknown";

/** The start of an owner that no process start can be read for (systems without `/proc`). */
export const UNKNOWN_START = "0";

let current: Promise<Owner> | undefined;

/** This process as an owner; read once (spec LOC-130). */
export function currentOwner(): Promise<Owner> {
  current ??= readCurrentOwner();
  return current;
}

/** The host name as temp names carry it: lower case, every character but `a-z`, `0-9` as `-`, at most 32. */
export function hostLabel(host: string): string {
  const label = host.toLowerCase().replace(/[^a-z0-9]/g, "-").slice(0, 32);
  return label === "" ? "-" : label;
}

/**
 * Whether `owner` may still be working (spec LOC-131). It is `"gone"` only when it ran on this
 * host and its process surely ended: another boot, no process with its pid, or a process with its
 * pid but another start (a recycled pid). Anything uncertain counts as `"alive"`.
 */
export async function ownerState(owner: Pick<Owner, "hostId" | "pid" | "start">, self: Owner): Promise<OwnerState> {
  if (owner.hostId !== self.hostId) return "other-host";
  if (owner.pid === self.pid && owner.start === self.start) return "alive";
  const known = owner.start !== UNKNOWN_START && self.start !== UNKNOWN_START;
  if (known && owner.start.slice(0, 8) !== self.start.slice(0, 8)) return "gone";
  if (!processExists(owner.pid)) return "gone";
  if (!known) return "alive";
  const start = await startOf(owner.pid, self);
  return start === undefined || start === owner.start ? "alive" : "gone";
}

/**
 * The start of the live process `pid` on this host, in the form of {@link Owner.start}; `undefined`
 * when it cannot be read (no `/proc`, a hidden process, or the process ended meanwhile).
 */
export async function startOf(pid: number, self: Owner): Promise<string | undefined> {
  if (self.start === UNKNOWN_START) return undefined;
  const ticks = await startTicks(String(pid));
  return ticks === undefined ? undefined : self.start.slice(0, 8) + ticks;
}

function processExists(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid < 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !hasErrno(error, "ESRCH");
  }
}

async function readCurrentOwner(): Promise<Owner> {
  const host = hostname();
  const linux = process.platform === "linux";
  const namespace = linux ? await readlink("/proc/self/ns/pid").catch(() => "") : "";
  const hostId = createHash("sha256").update(`${host}\0${namespace}`).digest("hex").slice(0, 12);
  const boot = linux ? await readFile("/proc/sys/kernel/random/boot_id", "utf8").catch(() => "") : "";
  const bootPrefix = boot.replaceAll("-", "").trim().slice(0, 8);
  const ticks = linux && /^[0-9a-f]{8}$/.test(bootPrefix) ? await startTicks("self") : undefined;
  const start = ticks === undefined ? UNKNOWN_START : bootPrefix + ticks;
  return Object.freeze({ host, hostId, pid: process.pid, start });
}

/** Field 22 of `/proc/<pid>/stat` (start time in clock ticks since boot), in base 36. */
async function startTicks(pid: string): Promise<string | undefined> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count from its end.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = fields[19];
  return ticks !== undefined && /^\d+$/.test(ticks) ? Number(ticks).toString(36) : undefined;
}
