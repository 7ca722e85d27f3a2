import type { Call, Conditions } from "./calls.js";
import type { Outcome } from "./send.js";
import { partListProblems, type Side } from "./side.js";

/**
 * Where moto 5.2.1 departs from AWS S3, as found by the differential (spec S3S-T05) or known
 * from moto's source (../../shared/reference/s3-wire.md §10). The differential never lowers its
 * expectations to moto's: for each of these, moto gets AWS's equivalent request, or is not asked
 * and AWS's documented answer stands in for its answer, or its answer is corrected to what AWS
 * documents — and serveS3 must give AWS's answer. Each use is counted and reported by id.
 */
export const MOTO_DEVIATIONS = {
  "checksum-unverified": "moto checks no x-amz-checksum-* value (never BadDigest): AWS answers 400 BadDigest and stores nothing (responses.py _get_checksum: 'TODO: AWS computes the provided value and verifies')",
  "checksum-type-missing": "moto answers no x-amz-checksum-type on PutObject, nor on GetObject/HeadObject of an object stored by PutObject: AWS documents FULL_OBJECT for every PutObject (PutObjectOutput.ChecksumType)",
  "get-conditions-out-of-order": "moto evaluates If-Unmodified-Since even when If-Match is present, and If-Modified-Since even when If-None-Match is present (responses.py _get_key): AWS ignores the date when the ETag condition is present (GetObjectRequest.IfMatch, .IfNoneMatch: 'If-Match true and If-Unmodified-Since false → 200'), so moto gets the ETag condition alone",
  "copy-source-if-match-ignored": "moto ignores x-amz-copy-source-if-match on CopyObject (responses.py honours only -if-none-match): AWS answers 412 PreconditionFailed when the source's ETag differs",
  "complete-accepts-unordered-parts": "moto completes an upload whose part list is not in ascending order (descending, or a part named twice): AWS answers 400 InvalidPartOrder",
  "list-parts-pages-by-index": "moto's ListParts reads part-number-marker as an index into the uploaded parts (models.py list_parts slices partlist[marker:marker+max]) and calls a page truncated only when more parts exist than the last part's number (is_truncated): AWS lists the parts numbered above the marker and truncates after max-parts, so moto is asked for every part and the page is cut as AWS documents",
  "list-v1-next-marker-without-delimiter": "moto's ListObjects (v1) answers NextMarker (an opaque token) without a delimiter: AWS answers NextMarker only when a delimiter was given (ListObjectsOutput.NextMarker)",
  "list-parts-checksum-missing": "moto's ListParts gives no part checksums: AWS lists each part's checksum (Part.ChecksumCRC32, …), the value moto itself answered to that UploadPart",
  "multipart-checksum-as-full-object": "moto answers GetObject/HeadObject (checksum mode) of an object completed by multipart with ChecksumType FULL_OBJECT and the upload's composite value without its -<parts> suffix: AWS answers ChecksumType COMPOSITE and the value with -<parts> (checking-object-integrity: CRC32 and SHA-256 uploads are composite), as moto's own CompleteMultipartUpload value would be",
  "complete-checksum-missing": "moto's CompleteMultipartUpload answer has no checksum (responses.py _key_response_post): AWS answers the upload's COMPOSITE checksum, the checksum of the parts' binary checksums with -<parts>",
  "whole-object-range-keeps-checksum": "moto keeps the checksum headers on a 206 whose range covers the whole object and drops them on every other range (responses.py _handle_range_header): AWS documents no checksum for ranged reads, and serveS3 sends none on any 206 (S3S-061), so a 206 is compared without checksums",
  "quiet-delete-lists-deleted": "moto lists every deleted key in a Quiet DeleteObjects answer: AWS's quiet mode answers only the errors (Delete.Quiet)",
  "list-v1-marker-not-echoed": "moto's ListObjects (v1) omits Marker: AWS echoes the Marker that was sent (ListObjectsOutput.Marker)",
  "list-v1-prefixes-unpaged": "moto's ListObjects (v1) applies marker and max-keys to keys only and always lists every common prefix (models.py list_objects): AWS pages keys and common prefixes together, so moto gets the same page as a ListObjectsV2 with start-after",
  "list-v2-start-after-first-page-only": "moto's ListObjectsV2 echoes StartAfter only on the first page: AWS echoes it whenever it was sent (ListObjectsV2Output.StartAfter)",
  "unknown-upload-500": "moto answers 500 (a KeyError in models.py upload_part / complete_multipart_upload) to UploadPart and CompleteMultipartUpload with an upload id it does not hold: AWS answers 404 NoSuchUpload",
  "part-number-below-one": "moto answers 404 NoSuchUpload to UploadPart with part number 0 (models.py set_part): AWS answers 400 InvalidArgument for a part number outside 1..10,000",
  "list-uploads-prefix-not-echoed": "moto's ListMultipartUploads omits Prefix (it honours prefix only, answers a fixed Initiated time and ignores max-uploads, markers and delimiter): AWS echoes the Prefix",
  "list-uploads-in-creation-order": "moto lists multipart uploads in creation order: AWS sorts them by key, then by initiation time (ListMultipartUploads)",
  "copy-ignores-if-none-match": "moto ignores If-None-Match: * on CopyObject: AWS answers 412 PreconditionFailed when the destination exists",
  "concurrent-conditional-put-both-win": "moto lets two concurrent PutObject calls with If-None-Match: * to one new key both succeed: AWS lets exactly one win (the other 412, or 409 ConditionalRequestConflict), so moto gets them one after the other",
  "concurrent-conditional-complete-both-win": "moto lets two concurrent CompleteMultipartUpload calls with If-None-Match: * to one new key both succeed: AWS lets exactly one win, so moto gets them one after the other",
  "presigned-signature-unverified": "moto does not verify presigned signatures: AWS answers a tampered URL with 403 SignatureDoesNotMatch",
} as const;

/** The id of a moto deviation. */
export type MotoDeviation = keyof typeof MOTO_DEVIATIONS;

/** What the differential knows of moto's state, to decide what AWS would do. */
export interface Reference {
  /** The upload index the call names (`-1`: none). */
  readonly upload: number;
  /** Upload indexes that moto created and that were neither completed nor aborted. */
  readonly liveUploads: ReadonlySet<number>;
  /** moto's side: its uploads and parts. */
  readonly side: Side;
  /** The last ETag written per key, which a condition's `last` names. */
  readonly lastEtags: ReadonlyMap<string, string>;
  /** The object moto holds at `key` (its ETag and size), if any. */
  head(key: string): Promise<{ readonly etag: string; readonly size: number } | undefined>;
}

/** How moto takes part in one call. */
export type MotoPlan =
  /**
   * Send this call (the original, or AWS's equivalent for moto), turn the answer back into the
   * original call's shape, and compare; answers that both lie in `equivalent` agree (AWS documents
   * no order among those errors, or leaves the case open) — with `orMoto`, moto's own answer is
   * one of them.
   */
  | { readonly kind: "send"; readonly call: Call; readonly serialRaces: boolean; readonly deviation?: MotoDeviation; readonly convert?: (outcomes: readonly Outcome[]) => Outcome[]; readonly equivalent?: readonly (readonly Outcome[])[]; readonly orMoto?: boolean }
  /** Do not ask moto: AWS's documented answer — any of the alternatives, none of which changes anything — stands for it. */
  | { readonly kind: "answer"; readonly alternatives: readonly (readonly Outcome[])[]; readonly deviation?: MotoDeviation; readonly reason: string };

const validPart = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 10_000;
const errors = (codes: Iterable<string>, status = 400): Outcome[][] => [...codes].map((code) => [{ status, code }]);

/** Decides how moto takes part in `call` (spec S3S-T05). */
export async function planForMoto(call: Call, reference: Reference): Promise<MotoPlan> {
  const send = (changed: Call = call, deviation?: MotoDeviation): MotoPlan => ({ kind: "send", call: changed, serialRaces: false, ...(deviation === undefined ? {} : { deviation }) });
  const answer = (outcome: Outcome, deviation: MotoDeviation): MotoPlan => ({ kind: "answer", alternatives: [[outcome]], deviation, reason: MOTO_DEVIATIONS[deviation] });
  switch (call.op) {
    case "put":
      return call.checksum?.wrong === true ? answer({ status: 400, code: "BadDigest" }, "checksum-unverified") : send();
    case "get":
    case "head": {
      const conditions = awsConditions(call.conditions);
      const plan = conditions === call.conditions ? send() : send({ ...call, ...(conditions === undefined ? {} : { conditions }) }, "get-conditions-out-of-order");
      // A suffix range of an empty object: AWS does not document it (serveS3 answers 416, moto the empty object).
      // A HEAD error has no body, so the SDK names that 416 `Unknown` instead of `InvalidRange`.
      if (call.range?.startsWith("bytes=-") === true && (await reference.head(call.key))?.size === 0) return { ...plan, equivalent: [[{ status: 416, code: call.op === "head" ? "Unknown" : "InvalidRange" }]], orMoto: true } as MotoPlan;
      return plan;
    }
    case "upload-part":
      if (!reference.liveUploads.has(reference.upload)) {
        if (!validPart(call.partNumber)) return { kind: "answer", alternatives: errors(["InvalidArgument"]).concat([[{ status: 404, code: "NoSuchUpload" }]]), reason: "a bad part number of an unknown upload: AWS does not document which error comes first" };
        return answer({ status: 404, code: "NoSuchUpload" }, "unknown-upload-500");
      }
      return call.partNumber < 1 ? answer({ status: 400, code: "InvalidArgument" }, "part-number-below-one") : send();
    case "complete": {
      if (!reference.liveUploads.has(reference.upload)) return answer({ status: 404, code: "NoSuchUpload" }, "unknown-upload-500");
      const problems = partListProblems(reference.side, reference.upload, call.parts);
      const alternatives = errors(problems).concat(call.ifNoneMatch === true && (await reference.head(reference.side.uploadKeys[reference.upload] ?? "")) !== undefined ? [[{ status: 412, code: "PreconditionFailed" }]] : []);
      if (problems.has("InvalidPartOrder")) return { kind: "answer", alternatives, deviation: "complete-accepts-unordered-parts", reason: MOTO_DEVIATIONS["complete-accepts-unordered-parts"] };
      return alternatives.length > 1 ? { kind: "send", call, serialRaces: false, equivalent: alternatives } : send();
    }
    case "presigned-get":
      return call.tamper ? answer({ status: 403, code: "SignatureDoesNotMatch" }, "presigned-signature-unverified") : send();
    case "copy":
      return planCopy(call, reference);
    case "list-parts":
      if (call.partNumberMarker === undefined && call.maxParts === undefined) return send();
      return { kind: "send", call: { op: "list-parts", upload: call.upload }, serialRaces: false, deviation: "list-parts-pages-by-index", convert: (outcomes) => outcomes.map((o) => partsPage(call, o)) };
    case "list-v1":
      return call.delimiter === undefined ? send() : { kind: "send", call: v2Equivalent(call), serialRaces: false, deviation: "list-v1-prefixes-unpaged", convert: (outcomes) => outcomes.map((o) => asV1(call, o)) };
    case "race-put":
      return { kind: "send", call, serialRaces: true, deviation: "concurrent-conditional-put-both-win" };
    case "race-complete":
      return { kind: "send", call, serialRaces: true, deviation: "concurrent-conditional-complete-both-win" };
    default:
      return send();
  }
}

/** GET/HEAD conditions as AWS evaluates them: a date condition is ignored beside its ETag condition. */
function awsConditions(conditions: Conditions | undefined): Conditions | undefined {
  if (conditions === undefined) return undefined;
  const dropUnmodified = conditions.ifMatch !== undefined && conditions.ifUnmodifiedSince !== undefined;
  const dropModified = conditions.ifNoneMatch !== undefined && conditions.ifModifiedSince !== undefined;
  if (!dropUnmodified && !dropModified) return conditions;
  const { ifUnmodifiedSince, ifModifiedSince, ...rest } = conditions;
  return { ...rest, ...(dropUnmodified ? {} : { ifUnmodifiedSince }), ...(dropModified ? {} : { ifModifiedSince }) };
}

type Copy = Extract<Call, { op: "copy" }>;

/**
 * CopyObject: moto honours neither `If-None-Match: *` nor `x-amz-copy-source-if-match`, so their
 * failures are AWS's 412 (moto is not asked); when they hold, moto gets the copy without them.
 */
async function planCopy(call: Copy, reference: Reference): Promise<MotoPlan> {
  if (call.ifNoneMatch !== true && call.sourceIfMatch === undefined) return { kind: "send", call, serialRaces: false };
  const deviation: MotoDeviation = call.ifNoneMatch === true ? "copy-ignores-if-none-match" : "copy-source-if-match-ignored";
  const source = await reference.head(call.source);
  const destinationExists = call.ifNoneMatch === true && (await reference.head(call.key)) !== undefined;
  const { ifNoneMatch: _inm, sourceIfMatch: _sim, ...plain } = call;
  if (source === undefined) {
    if (!destinationExists) return { kind: "send", call: plain, serialRaces: false, deviation };
    return { kind: "answer", alternatives: [[{ status: 404, code: "NoSuchKey" }], [{ status: 412, code: "PreconditionFailed" }]], deviation, reason: "a missing source copied with If-None-Match: * over an existing key: AWS does not document which error comes first" };
  }
  const named = call.sourceIfMatch === "last" ? reference.lastEtags.get(call.source) : undefined;
  const sourceFails = call.sourceIfMatch !== undefined && named !== source.etag;
  if (destinationExists || sourceFails) {
    // A copy onto itself without REPLACE is refused too; AWS does not document which error comes first.
    const selfCopy = call.source === call.key && call.directive !== "REPLACE" ? [[{ status: 400, code: "InvalidRequest" }]] : [];
    return { kind: "answer", alternatives: [[{ status: 412, code: "PreconditionFailed" }], ...selfCopy], deviation, reason: MOTO_DEVIATIONS[deviation] };
  }
  return { kind: "send", call: plain, serialRaces: false, deviation };
}

/** The ListParts page AWS answers, cut from the list of every part: numbers above the marker, at most max-parts of them. */
function partsPage(call: Extract<Call, { op: "list-parts" }>, outcome: Outcome): Outcome {
  if (outcome.value === undefined) return outcome;
  const all = (outcome.value as { parts: { PartNumber: number }[] }).parts.filter((part) => part.PartNumber > (call.partNumberMarker ?? 0));
  const max = call.maxParts ?? 1000;
  const page = all.slice(0, max);
  const truncated = all.length > max;
  return { ...outcome, value: { parts: page, IsTruncated: truncated, ...(truncated ? { NextPartNumberMarker: String(page.at(-1)?.PartNumber) } : {}), MaxParts: max } };
}

type ListV1 = Extract<Call, { op: "list-v1" }>;

function v2Equivalent(call: ListV1): Call {
  return { op: "list-v2", onePage: true, ...pickDefined({ prefix: call.prefix, delimiter: call.delimiter, maxKeys: call.maxKeys, startAfter: call.marker }) };
}

/** A ListObjectsV2 page in ListObjects (v1) form: Marker echoed, NextMarker (with a delimiter) the page's last key or prefix. */
function asV1(call: ListV1, outcome: Outcome): Outcome {
  if (outcome.value === undefined) return outcome;
  const { KeyCount: _count, StartAfter: _start, ...page } = outcome.value as { contents: [string][]; prefixes: string[]; IsTruncated?: boolean; KeyCount?: number; StartAfter?: string };
  const last = [...page.contents.map(([key]) => key), ...page.prefixes].sort().at(-1);
  return { ...outcome, value: { ...page, ...pickDefined({ Marker: call.marker, NextMarker: page.IsTruncated === true ? last : undefined }) } };
}

function pickDefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** What a correction may need to know. */
export interface CorrectionContext {
  /** AWS's checksum of the upload a CompleteMultipartUpload completes. */
  readonly completeChecksum?: Readonly<Record<string, string>> | undefined;
  /** The checksum moto answered to each UploadPart of the upload a ListParts lists, by part number. */
  readonly partChecksums?: ReadonlyMap<number, string | undefined> | undefined;
  /** The checksum algorithm of that upload. */
  readonly uploadAlgorithm?: string | undefined;
}

/** Corrects moto's answers where they depart from AWS's documented answer, naming each correction. */
export function correctMoto(call: Call, outcomes: readonly Outcome[], context: CorrectionContext, found: (deviation: MotoDeviation) => void): Outcome[] {
  return outcomes.map((outcome) => {
    const value = outcome.value as Record<string, unknown> | undefined;
    if (value === undefined) return outcome;
    const patched = { ...value };
    const checksumOf = (): boolean => Object.keys(patched).some((name) => name.startsWith("Checksum") && name !== "ChecksumType");
    const correct = (deviation: MotoDeviation, change: () => void): void => {
      change();
      found(deviation);
    };
    if ((call.op === "get" || call.op === "head") && outcome.status === 206 && checksumOf()) {
      correct("whole-object-range-keeps-checksum", () => {
        for (const name of Object.keys(patched)) if (name.startsWith("Checksum")) delete patched[name];
      });
    }
    const parts = /-(\d+)"$/.exec(typeof patched.ETag === "string" ? patched.ETag : "")?.[1];
    if ((call.op === "get" || call.op === "head") && outcome.status === 200 && parts !== undefined && patched.ChecksumType !== "COMPOSITE") {
      const names = Object.keys(patched).filter((name) => name.startsWith("Checksum") && name !== "ChecksumType" && typeof patched[name] === "string" && !(patched[name]).includes("-"));
      if (names.length > 0) {
        correct("multipart-checksum-as-full-object", () => {
          for (const name of names) patched[name] = `${patched[name] as string}-${parts}`;
          patched.ChecksumType = "COMPOSITE";
        });
      }
    }
    const hasChecksum = checksumOf();
    const singlePut = (): boolean => Object.entries(patched).some(([name, v]) => name.startsWith("Checksum") && typeof v === "string" && !v.includes("-"));
    if ((call.op === "put" || call.op === "get" || call.op === "head") && hasChecksum && patched.ChecksumType === undefined && singlePut()) correct("checksum-type-missing", () => (patched.ChecksumType = "FULL_OBJECT"));
    if (call.op === "complete" && !hasChecksum && context.completeChecksum !== undefined) correct("complete-checksum-missing", () => Object.assign(patched, context.completeChecksum));
    if (call.op === "delete-many" && call.quiet && (patched.deleted as unknown[]).length > 0) correct("quiet-delete-lists-deleted", () => (patched.deleted = []));
    if (call.op === "list-v1" && call.marker !== undefined && patched.Marker === undefined) correct("list-v1-marker-not-echoed", () => (patched.Marker = call.marker));
    if (call.op === "list-v1" && call.delimiter === undefined && patched.NextMarker !== undefined) correct("list-v1-next-marker-without-delimiter", () => delete patched.NextMarker);
    if (call.op === "list-v2" && call.startAfter !== undefined && patched.StartAfter === undefined) correct("list-v2-start-after-first-page-only", () => (patched.StartAfter = call.startAfter));
    if (call.op === "list-uploads" && call.prefix !== undefined && call.prefix !== "" && patched.Prefix === undefined) correct("list-uploads-prefix-not-echoed", () => (patched.Prefix = call.prefix));
    if (call.op === "list-parts" && context.uploadAlgorithm !== undefined) {
      const element = `Checksum${context.uploadAlgorithm}`;
      const parts = patched.parts as Record<string, unknown>[];
      if (parts.some((part) => part[element] === undefined)) {
        correct("list-parts-checksum-missing", () => (patched.parts = parts.map((part) => ({ ...part, [element]: context.partChecksums?.get(part.PartNumber as number) }))));
      }
    }
    if (call.op === "list-uploads") {
      const uploads = patched.uploads as { Key: string; upload: number }[];
      const sorted = [...uploads].sort((a, b) => Buffer.compare(Buffer.from(a.Key), Buffer.from(b.Key)) || a.upload - b.upload);
      if (JSON.stringify(sorted) !== JSON.stringify(uploads)) correct("list-uploads-in-creation-order", () => (patched.uploads = sorted));
    }
    return { ...outcome, value: patched };
  });
}

/**
 * What is compared, on both sides alike: an absent and an empty `Prefix` or `Marker` are the
 * same listing (`<Prefix></Prefix>`, `<Prefix/>` or no element), and `NextPartNumberMarker` is
 * compared on truncated ListParts pages only — the only ones AWS documents it for.
 */
export function canonical(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.map((outcome) => {
    const value = outcome.value as Record<string, unknown> | undefined;
    if (value === undefined) return outcome;
    const rest = { ...value };
    if (rest.Prefix === "") delete rest.Prefix;
    if (rest.Marker === "") delete rest.Marker;
    if ("parts" in rest && rest.IsTruncated !== true) delete rest.NextPartNumberMarker;
    return { ...outcome, value: rest };
  });
}
