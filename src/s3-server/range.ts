import { S3Error } from "./errors.js";

/** An inclusive byte range of an object. */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * The range a `Range` header asks of an object of `size` bytes (spec S3S-073): `undefined` for
 * the whole object (no header, or one that is not a single byte range: S3 ignores those); the
 * span, with its end clamped; `InvalidRange` (416) when it starts at or past the end.
 */
export function requestedRange(header: string | undefined, size: number): ByteSpan | undefined {
  if (header === undefined) return undefined;
  const m = SINGLE_RANGE.exec(header.trim());
  if (m === null) return undefined;
  const [first, last] = [m[1] as string, m[2] as string];
  if (first === "" && last === "") return undefined;
  let span: ByteSpan | undefined;
  if (first === "") {
    const suffix = Number(last);
    span = suffix === 0 || size === 0 ? undefined : { start: Math.max(size - suffix, 0), end: size - 1 };
  } else {
    const start = Number(first);
    const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
    if (last !== "" && Number(last) < start) return undefined;
    span = start >= size ? undefined : { start, end };
  }
  if (span === undefined) {
    throw new S3Error("InvalidRange", undefined, { details: { RangeRequested: header, ActualObjectSize: String(size) }, headers: { "content-range": `bytes */${size}` } });
  }
  return span;
}

/** Parses `x-amz-copy-source-range: bytes=a-b` (both ends required) against a source of `size` bytes (spec S3S-122). */
export function copySourceRange(header: string | undefined, size: number): ByteSpan | undefined {
  if (header === undefined) return undefined;
  const m = /^bytes=(\d+)-(\d+)$/.exec(header.trim());
  const [start, end] = m === null ? [Number.NaN, Number.NaN] : [Number(m[1]), Number(m[2])];
  if (!(start <= end && end < size)) {
    throw new S3Error("InvalidArgument", `The x-amz-copy-source-range ${JSON.stringify(header)} must be bytes=first-last within the source's ${size} bytes.`, { details: { ArgumentName: "x-amz-copy-source-range" } });
  }
  return { start, end };
}
