import { S3Error } from "./errors.js";
import type { RequestHeaders } from "./request-headers.js";

/** What conditions are evaluated against: the object's ETag (without quotes) and modification time. */
export interface ObjectState {
  readonly etag: string;
  readonly lastModified: Date;
}

/** An ETag without its quotes (and without a weak `W/` prefix). */
export function unquote(etag: string): string {
  const trimmed = etag.trim().replace(/^W\//, "");
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/** True when a comma-separated `If-Match`/`If-None-Match` list holds `*` or the ETag. */
export function etagListMatches(list: string, etag: string): boolean {
  return list.split(",").some((item) => {
    const candidate = item.trim();
    return candidate === "*" || unquote(candidate) === etag;
  });
}

/** An HTTP date, or `undefined` when it does not parse (then the condition is ignored). */
export function parseHttpDate(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Modification times compare at whole seconds, as HTTP dates carry them. */
function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** The outcome of the four conditions, in S3's order (spec S3S-074). */
function evaluate(names: { match: string; noneMatch: string; modified: string; unmodified: string }, headers: RequestHeaders, state: ObjectState): "ok" | "not-modified" | "failed" {
  const ifMatch = headers.get(names.match);
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, state.etag)) return "failed";
  } else {
    const unmodified = parseHttpDate(headers.get(names.unmodified));
    if (unmodified !== undefined && seconds(state.lastModified) > seconds(unmodified)) return "failed";
  }
  const ifNoneMatch = headers.get(names.noneMatch);
  if (ifNoneMatch !== undefined) {
    if (etagListMatches(ifNoneMatch, state.etag)) return "not-modified";
  } else {
    const modified = parseHttpDate(headers.get(names.modified));
    if (modified !== undefined && seconds(state.lastModified) <= seconds(modified)) return "not-modified";
  }
  return "ok";
}

/**
 * Conditional GET/HEAD (spec S3S-074): `PreconditionFailed` (412) is thrown; `true` means
 * "answer 304 Not Modified".
 */
export function notModified(headers: RequestHeaders, state: ObjectState): boolean {
  const outcome = evaluate({ match: "if-match", noneMatch: "if-none-match", modified: "if-modified-since", unmodified: "if-unmodified-since" }, headers, state);
  if (outcome === "failed") throw new S3Error("PreconditionFailed", undefined, { details: { Condition: "If-Match" } });
  return outcome === "not-modified";
}

/** CopyObject and UploadPartCopy source conditions (spec S3S-077): any failing one is `PreconditionFailed`. */
export function checkCopySourceConditions(headers: RequestHeaders, state: ObjectState): void {
  const outcome = evaluate(
    { match: "x-amz-copy-source-if-match", noneMatch: "x-amz-copy-source-if-none-match", modified: "x-amz-copy-source-if-modified-since", unmodified: "x-amz-copy-source-if-unmodified-since" },
    headers,
    state,
  );
  if (outcome !== "ok") throw new S3Error("PreconditionFailed", undefined, { details: { Condition: "x-amz-copy-source-If-*" } });
}
