import fc from "fast-check";

/**
 * The raw S3 calls of the serveS3-vs-moto differential (spec S3S-T05), as plain data, and the
 * fast-check arbitraries that make random sequences of them. Keys are chosen so that no tree
 * conflict can arise (folder segments have no dot, file names always have one; no key ends in
 * `/`), so every difference seen is a difference in S3 behaviour, not one of serveS3's documented
 * tree deviations (S3S-090..S3S-093).
 */

/**
 * Every key a sequence can touch: few enough that calls keep meeting keys written before, with
 * folders at several depths, spaces, `+&=`, and characters of two, three and four UTF-8 bytes.
 * Folder segments have no dot and every file name has one, so `a` and `a/x.txt` never clash.
 */
export const KEYS: readonly string[] = ["x.txt", "ab.txt", "a/x.txt", "a/ab.txt", "a/b/y.bin", "a/b/z.txt", "a/sp ace/q+1&=.txt", "c/日本.txt", "c/x.txt", "é/🙂.txt"];

/** Bodies by index: empty, short, medium and one of 3,000 patterned bytes (ranges, ETags). */
export const BODIES: readonly Uint8Array[] = [
  new Uint8Array(0),
  new TextEncoder().encode("hello"),
  new TextEncoder().encode("hello world, this is S3"),
  Uint8Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) % 256),
  new TextEncoder().encode("x"),
];

/** Checksum algorithms moto computes correctly without optional Python packages (see deviations M4). */
export type ChecksumAlgorithm = "CRC32" | "SHA1" | "SHA256" | "CRC32C" | "CRC64NVME";

/** A checksum sent with a body: computed by the SDK, or a wrong value. */
export interface ChecksumChoice {
  readonly algorithm: ChecksumAlgorithm;
  readonly wrong: boolean;
}

/**
 * An ETag a condition names: the last one written for the key, or a never-seen one. (`*` is used
 * only as `If-None-Match: *` on writes: AWS documents no other use of it.)
 */
export type EtagRef = "last" | "bogus";

/** A date far before or far after every object's time, so both servers judge it alike. */
export type DateRef = "past" | "future";

/** GET/HEAD conditions. */
export interface Conditions {
  readonly ifMatch?: EtagRef;
  readonly ifNoneMatch?: EtagRef;
  readonly ifModifiedSince?: DateRef;
  readonly ifUnmodifiedSince?: DateRef;
}

/** The headers a PUT, copy or upload may set besides the body. */
export interface ObjectAttributes {
  readonly metadata?: Readonly<Record<string, string>>;
  readonly contentType?: string;
  readonly cacheControl?: string;
  readonly contentDisposition?: string;
}

/** How a CompleteMultipartUpload lists the parts uploaded so far. */
export type PartList = "all" | "reversed" | "missing" | "wrong-etag" | "none" | "duplicate" | "first-only";

/** One raw call. `upload` counts back from the newest upload created so far (0 = the newest, modulo their count), or is -1 for an id that never existed. */
export type Call =
  | ({ readonly op: "put"; readonly key: string; readonly body: number; readonly checksum?: ChecksumChoice; readonly ifNoneMatch?: boolean; readonly ifMatch?: EtagRef } & ObjectAttributes)
  | { readonly op: "get" | "head"; readonly key: string; readonly range?: string; readonly conditions?: Conditions; readonly checksumMode?: boolean }
  | ({ readonly op: "copy"; readonly source: string; readonly key: string; readonly directive?: "COPY" | "REPLACE"; readonly sourceIfMatch?: EtagRef; readonly ifNoneMatch?: boolean } & ObjectAttributes)
  | { readonly op: "delete"; readonly key: string }
  | { readonly op: "delete-many"; readonly keys: readonly string[]; readonly quiet: boolean }
  | { readonly op: "list-v2"; readonly prefix?: string; readonly delimiter?: string; readonly maxKeys?: number; readonly startAfter?: string; readonly onePage?: boolean }
  | { readonly op: "list-v1"; readonly prefix?: string; readonly delimiter?: string; readonly maxKeys?: number; readonly marker?: string }
  | ({ readonly op: "create-upload"; readonly key: string; readonly checksumAlgorithm?: "CRC32" | "SHA256" } & ObjectAttributes)
  | { readonly op: "upload-part"; readonly upload: number; readonly partNumber: number; readonly body: number }
  | { readonly op: "list-parts"; readonly upload: number; readonly maxParts?: number; readonly partNumberMarker?: number }
  | { readonly op: "list-uploads"; readonly prefix?: string }
  | { readonly op: "complete"; readonly upload: number; readonly parts: PartList; readonly ifNoneMatch?: boolean }
  | { readonly op: "abort"; readonly upload: number }
  | { readonly op: "race-put"; readonly key: string; readonly body: number }
  | { readonly op: "race-complete"; readonly key: string; readonly body: number }
  | { readonly op: "presigned-get"; readonly key: string; readonly tamper: boolean };

/** Mostly one of a few keys (so that reads, copies and conditions meet objects written before), sometimes any. */
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KEYS.slice(0, 4)) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });
const body = fc.nat({ max: BODIES.length - 1 });
const etagRef = fc.constantFrom<EtagRef>("last", "last", "bogus");
const dateRef = fc.constantFrom<DateRef>("past", "future");
const upload = fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.nat({ max: 5 }) }, { weight: 1, arbitrary: fc.constant(-1) });
const prefix = fc.constantFrom("", "a", "a/", "a/b/", "é", "c/x", "🙂", "nothing/");
const delimiter = fc.constantFrom("/", "/", ".", "b");

const attributes: fc.Arbitrary<ObjectAttributes> = fc.record(
  {
    metadata: fc.constantFrom<Record<string, string>>({}, { color: "blue" }, { a: "1", "two-words": "x y z" }),
    contentType: fc.constantFrom("text/plain", "application/json; charset=utf-8", "image/png"),
    cacheControl: fc.constantFrom("no-cache", "max-age=60"),
    contentDisposition: fc.constant('attachment; filename="f.txt"'),
  },
  { requiredKeys: [] },
);

const checksum: fc.Arbitrary<ChecksumChoice> = fc.record({
  algorithm: fc.constantFrom<ChecksumAlgorithm>("CRC32", "SHA1", "SHA256", "CRC32C", "CRC64NVME"),
  wrong: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const conditions: fc.Arbitrary<Conditions> = fc.record({ ifMatch: etagRef, ifNoneMatch: etagRef, ifModifiedSince: dateRef, ifUnmodifiedSince: dateRef }, { requiredKeys: [] });
/** Ranges AWS documents (one range of bytes; several ranges are not supported and answer the whole object). */
const range = fc.constantFrom("bytes=0-3", "bytes=2-", "bytes=-4", "bytes=0-0", "bytes=5-2999", "bytes=100-200", "bytes=4000-", "bytes=-0", "bytes=0-1,3-4");

/**
 * A PutObject: body, optional checksum (sometimes wrong), attributes, and a condition — never
 * with a wrong checksum, since AWS does not document whether a failed condition or a bad checksum
 * is reported first.
 */
const put = fc
  .record({ op: fc.constant("put" as const), key, body, checksum: checksum, condition: fc.constantFrom("none", "none", "if-none-match", "if-match"), ifMatch: etagRef }, { requiredKeys: ["op", "key", "body", "condition", "ifMatch"] })
  .chain(({ condition, ifMatch, ...rest }) =>
    attributes.map((extra) => {
      const plain = condition === "none" || rest.checksum?.wrong === true;
      return { ...rest, ...extra, ...(plain ? {} : condition === "if-none-match" ? { ifNoneMatch: true } : { ifMatch }) };
    }),
  );

/**
 * A CompleteMultipartUpload; `If-None-Match: *` only with a valid part list, since AWS does not
 * document whether a failed condition or a bad part list is reported first.
 */
const complete: fc.Arbitrary<Call> = fc
  .record({ op: fc.constant("complete" as const), upload, parts: fc.constantFrom<PartList>("all", "all", "all", "reversed", "missing", "wrong-etag", "none", "duplicate", "first-only"), ifNoneMatch: fc.boolean() })
  .map(({ ifNoneMatch, ...rest }) => (ifNoneMatch && rest.parts === "all" ? { ...rest, ifNoneMatch } : rest));

/**
 * Drops a start-after/marker that lies inside a prefix the delimiter rolls up (`a/b/x.txt` with
 * delimiter `/` and prefix `a/`): AWS does not document whether that rolled-up prefix is listed
 * again, and the emulators differ.
 */
function documentedStart<T extends { readonly prefix?: string; readonly delimiter?: string }>(field: "startAfter" | "marker"): (call: T) => T {
  return (call) => {
    const start = (call as Record<string, unknown>)[field];
    const prefix = call.prefix ?? "";
    if (typeof start !== "string" || call.delimiter === undefined || !start.startsWith(prefix) || !start.slice(prefix.length).includes(call.delimiter)) return call;
    const { [field]: _dropped, ...rest } = call as Record<string, unknown>;
    return rest as T;
  };
}

/** The kinds of calls, weighted towards writes and reads so that sequences build up content. */
const choices: fc.WeightedArbitrary<Call>[] = [
  { weight: 8, arbitrary: put },
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom("get" as const, "head" as const), key, range: range, conditions: conditions, checksumMode: fc.boolean() }, { requiredKeys: ["op", "key"] }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("copy" as const), source: key, key, directive: fc.constantFrom("COPY" as const, "REPLACE" as const), sourceIfMatch: etagRef, ifNoneMatch: fc.boolean() }, { requiredKeys: ["op", "source", "key"] }).chain((copy) => attributes.map((extra) => ({ ...copy, ...extra }))) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete-many" as const), keys: fc.uniqueArray(key, { minLength: 1, maxLength: 4 }), quiet: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("list-v2" as const), prefix, delimiter, maxKeys: fc.integer({ min: 0, max: 5 }), startAfter: fc.oneof(key, prefix) }, { requiredKeys: ["op"] }).map(documentedStart("startAfter")) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("list-v1" as const), prefix, delimiter, maxKeys: fc.integer({ min: 1, max: 5 }), marker: key }, { requiredKeys: ["op"] }).map(documentedStart("marker")) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("create-upload" as const), key, checksumAlgorithm: fc.constantFrom("CRC32" as const, "SHA256" as const) }, { requiredKeys: ["op", "key"] }).chain((create) => attributes.map((extra) => ({ ...create, ...extra }))) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant("upload-part" as const), upload, partNumber: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 10_001) }), body }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("list-parts" as const), upload, maxParts: fc.integer({ min: 1, max: 3 }), partNumberMarker: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: ["op", "upload"] }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("list-uploads" as const), prefix }, { requiredKeys: ["op"] }) },
  { weight: 2, arbitrary: complete },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("abort" as const), upload }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom("race-put" as const, "race-complete" as const), key, body }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("presigned-get" as const), key, tamper: fc.boolean() }) },
];

/** One random call, weighted towards writes and reads so that sequences build up content. */
export const call: fc.Arbitrary<Call> = fc.oneof(...choices);

/** A random sequence of up to `max` calls. */
export function sequences(max: number): fc.Arbitrary<Call[]> {
  return fc.array(call, { minLength: 1, maxLength: max, size: "max" });
}
