import { randomBytes } from "node:crypto";
import type { ChecksumAlgorithm, ChecksumType, StoredChecksum } from "../checksums.js";
import { S3Error } from "../errors.js";
import type { ObjectSettings } from "../object-headers.js";
import type { PartStorage } from "./part-storage.js";

/** A part as UploadPart stored it (spec S3S-121). */
export interface PartRecord {
  readonly partNumber: number;
  readonly size: number;
  /** The part's hex MD5 (its ETag without quotes). */
  readonly etag: string;
  readonly checksum: StoredChecksum | undefined;
  readonly lastModified: Date;
  /** The part storage's reference. */
  readonly token: string;
}

/** An open multipart upload (spec S3S-120). */
export interface UploadRecord {
  readonly id: string;
  readonly bucket: string;
  readonly key: string;
  /** The target path below the bucket. */
  readonly path: string;
  readonly initiated: Date;
  readonly settings: ObjectSettings;
  readonly checksumAlgorithm: ChecksumAlgorithm | undefined;
  readonly checksumType: ChecksumType | undefined;
  readonly parts: Map<number, PartRecord>;
  readonly storage: PartStorage;
}

/** The server's open multipart uploads, by id (spec S3S-120..S3S-128). */
export class UploadTable {
  private readonly uploads = new Map<string, UploadRecord>();
  private readonly busy = new Map<string, Promise<unknown>>();

  /** A fresh, unguessable upload id. */
  newId(): string {
    return randomBytes(24).toString("base64url");
  }

  add(record: UploadRecord): void {
    this.uploads.set(record.id, record);
  }

  /** The open upload `id` of this bucket and key; `NoSuchUpload` otherwise. */
  get(id: string | undefined, bucket: string, key: string): UploadRecord {
    const record = id === undefined ? undefined : this.uploads.get(id);
    if (record === undefined || record.bucket !== bucket || record.key !== key) throw new S3Error("NoSuchUpload", undefined, { details: { UploadId: id ?? "" } });
    return record;
  }

  /** Ends an upload: its id is unknown from now on. */
  remove(id: string): void {
    this.uploads.delete(id);
  }

  /** The open uploads of a bucket. */
  inBucket(bucket: string): UploadRecord[] {
    return [...this.uploads.values()].filter((record) => record.bucket === bucket);
  }

  /** Every open upload (for closing the server). */
  all(): UploadRecord[] {
    return [...this.uploads.values()];
  }

  /**
   * Runs `section` (a completion or abort) alone for upload `id`: a second one waits, then finds
   * the upload ended (spec S3S-128).
   */
  async exclusive<T>(id: string, section: () => Promise<T>): Promise<T> {
    const previous = this.busy.get(id) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(section);
    this.busy.set(id, mine);
    try {
      return await mine;
    } finally {
      if (this.busy.get(id) === mine) this.busy.delete(id);
    }
  }
}
