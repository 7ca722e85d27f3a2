import type { CompletedPart, S3Client } from "@aws-sdk/client-s3";
import type { PartList } from "./calls.js";

/** One server's side of a sequence: its client, its bucket, and the ids and part ETags of its uploads. */
export interface Side {
  readonly name: string;
  readonly client: S3Client;
  readonly bucket: string;
  /** Upload ids by creation index. */
  readonly uploads: string[];
  /** The key of each upload, by creation index. */
  readonly uploadKeys: string[];
  /** The checksum algorithm each upload was created with, by creation index. */
  readonly uploadAlgorithms: (string | undefined)[];
  /** Per upload index, the ETag (and checksum, if any) each uploaded part number answered. */
  readonly parts: Map<number, Map<number, UploadedPart>>;
}

/** What an UploadPart answered. */
export interface UploadedPart {
  readonly etag: string;
  readonly size: number;
  /** The part's checksum value, for an upload created with an algorithm. */
  readonly checksum?: string;
}

/** A fresh side for `bucket`. */
export function newSide(name: string, client: S3Client, bucket: string): Side {
  return { name, client, bucket, uploads: [], uploadKeys: [], uploadAlgorithms: [], parts: new Map() };
}

/** The creation index of the upload a call names on this side (counting back from the newest); `-1`, or none created yet: an id that never existed. */
export function uploadIndex(side: Side, upload: number): number {
  return upload < 0 || side.uploads.length === 0 ? -1 : side.uploads.length - 1 - (upload % side.uploads.length);
}

/** An upload id that never existed. */
export const NEVER_AN_UPLOAD = "2~neverCreatedUploadIdForTheDifferential";
/** An ETag no object has. */
export const BOGUS_ETAG = '"0123456789abcdef0123456789abcdef"';
/** The parts uploaded so far to an upload, by part number. */
export function partsOf(side: Side, index: number): Map<number, UploadedPart> {
  let parts = side.parts.get(index);
  if (parts === undefined) side.parts.set(index, (parts = new Map<number, UploadedPart>()));
  return parts;
}

/** The key an upload was created for (remembered from its creation), or a stand-in for a missing one. */
export function uploadKey(side: Side, index: number): string {
  return side.uploadKeys[index] ?? "no-such-upload.txt";
}

/** The parts a CompleteMultipartUpload lists (spec S3S-T05's part list kinds). */
export function partList(side: Side, index: number, kind: PartList): CompletedPart[] {
  const uploaded = [...partsOf(side, index)].sort(([a], [b]) => a - b).map(([PartNumber, part]) => ({ PartNumber, ETag: part.etag }));
  switch (kind) {
    case "reversed":
      return [...uploaded].reverse();
    case "missing":
      return [...uploaded, { PartNumber: 9, ETag: BOGUS_ETAG }];
    case "wrong-etag":
      return uploaded.map((part, i) => (i === 0 ? { ...part, ETag: BOGUS_ETAG } : part));
    case "none":
      return [];
    case "duplicate":
      return uploaded.length === 0 ? [] : [uploaded[0] as CompletedPart, ...uploaded];
    case "first-only":
      return uploaded.slice(0, 1);
    default:
      return uploaded;
  }
}


/**
 * What AWS would refuse in the part list a CompleteMultipartUpload sends (with parts of at least
 * one byte required, as both servers are configured): each applicable error code. AWS documents
 * no order among them, so when several apply, any one of them is AWS's answer.
 */
export function partListProblems(side: Side, index: number, kind: PartList): Set<string> {
  const listed = partList(side, index, kind);
  const uploaded = partsOf(side, index);
  const problems = new Set<string>();
  if (listed.length === 0) problems.add("MalformedXML");
  if (listed.some((part, i) => i > 0 && (part.PartNumber ?? 0) <= (listed[i - 1]?.PartNumber ?? 0))) problems.add("InvalidPartOrder");
  if (listed.some((part) => uploaded.get(part.PartNumber ?? 0)?.etag !== part.ETag)) problems.add("InvalidPart");
  if (listed.some((part, i) => i < listed.length - 1 && (uploaded.get(part.PartNumber ?? 0)?.size ?? 1) < 1)) problems.add("EntityTooSmall");
  return problems;
}
