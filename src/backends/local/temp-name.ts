import { randomBytes } from "node:crypto";
import { RESERVED_PREFIX } from "./reserved.js";
import { hostLabel, type Owner } from "./owner.js";

/** Every temp entry's name begins with this (spec LOC-040, LOC-130); so did those of earlier versions. */
export const TEMP_PREFIX = `${RESERVED_PREFIX}-tmp-`;

const TAG = "([a-z0-9-]{1,32})\\.([0-9a-f]{12})\\.([1-9]\\d{0,9})\\.([0-9a-z]{1,24})";
const TEMP = new RegExp(`^${escape(TEMP_PREFIX)}${TAG}\\.[0-9a-f]{16}$`);
const TAGGED = new RegExp(`^${TAG}\\.([0-9a-f]{16})$`);

/** `<host>.<hostId>.<pid>.<start>`: an owner in a name (spec LOC-130). */
export function ownerTag(owner: Owner): string {
  return `${hostLabel(owner.host)}.${owner.hostId}.${owner.pid}.${owner.start}`;
}

/** A fresh temp name owned by `owner`: `.remote-store-tmp-<owner tag>.<16 random hex>` (spec LOC-130). */
export function tempName(owner: Owner): string {
  return `${TEMP_PREFIX}${taggedName(owner)}`;
}

/** `<owner tag>.<16 random hex>`: a fresh name that says whose it is (temp entries, journals). */
export function taggedName(owner: Owner): string {
  return `${ownerTag(owner)}.${randomBytes(8).toString("hex")}`;
}

/** True for every temp entry's name, also one of an earlier version without an owner. */
export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

/**
 * The owner a temp name carries (its `host` as the name has it, shortened: {@link hostLabel});
 * `undefined` for any other name, and for temp names without an owner.
 */
export function parseTempName(name: string): { readonly owner: Owner } | undefined {
  const match = TEMP.exec(name);
  return match === null ? undefined : { owner: ownerOf(match) };
}

/** The owner of a name made by {@link taggedName} (`host` shortened); `undefined` for any other name. */
export function parseTaggedName(name: string): { readonly owner: Owner } | undefined {
  const match = TAGGED.exec(name);
  return match === null ? undefined : { owner: ownerOf(match) };
}

function ownerOf(match: RegExpExecArray): Owner {
  return { host: match[1] ?? "", hostId: match[2] ?? "", pid: Number(match[3]), start: match[4] ?? "" };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
