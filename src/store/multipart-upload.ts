import type { BackendContent } from "../contract/backend.js";
import type { Capability } from "../contract/capabilities.js";
import type { MultipartOperations, PartInfo } from "../contract/backend-extensions.js";
import { InvalidArgument, NotFound } from "../errors/classes.js";
import { quotePath } from "../errors/quote-path.js";
import type { WriteResult } from "../contract/models.js";
import type { RootScope } from "../paths/root-scope.js";
import { prepareContent, type WriteContent } from "./content.js";
import { freezeWriteResult } from "./results.js";
import { isObject } from "../shared/checks/objects.js";

/** Highest part number, as on S3. */
export const MAX_PART_NUMBER = 10_000;

/** A part reference for `complete`. */
export interface PartReference {
  readonly partNumber: number;
  readonly etag: string;
}

/** What a `MultipartUpload` needs from its Store. */
export interface MultipartContext {
  readonly backend: MultipartOperations & { readonly name: string };
  readonly scope: RootScope;
  /** Runs a backend call, rewriting errors to store-relative paths and checking the store is open. */
  call<T>(operation: () => Promise<T>): Promise<T>;
  /** Throws `CapabilityNotSupported` (or `BackendUnavailable` once closed) unless the store may use `capability`. */
  gate(capability: Capability): void;
}

/**
 * A multipart upload in progress (spec MP-*). Parts may arrive in any order and be re-uploaded
 * (the last one wins); nothing is visible at `path` until `complete`. After `complete` or
 * `abort` every call rejects with `NotFound`.
 */
export class MultipartUpload {
  /** The backend's id of this upload. */
  readonly uploadId: string;
  /** The store-relative target path. */
  readonly path: string;
  private readonly context: MultipartContext;
  private ended: "completed" | "aborted" | undefined;

  /** @internal Created by `Store.startMultipartUpload`. */
  constructor(context: MultipartContext, uploadId: string, path: string) {
    this.context = context;
    this.uploadId = uploadId;
    this.path = path;
  }

  /** Uploads (or replaces) one part; `partNumber` is an integer in 1..10,000. */
  async uploadPart(partNumber: number, content: WriteContent): Promise<PartInfo> {
    this.assertActive();
    checkPartNumber(partNumber, this.path);
    const body: BackendContent = prepareContent(content).content;
    return this.context.call(() => this.context.backend.uploadPart(this.uploadId, partNumber, body));
  }

  /** The parts uploaded so far, in part-number order. */
  async listParts(): Promise<PartInfo[]> {
    this.assertActive();
    return this.context.call(() => this.context.backend.listParts(this.uploadId));
  }

  /**
   * Assembles the parts in part-number order into the file (all uploaded parts when `parts` is
   * omitted). Unknown or stale etags, duplicates and bad numbers → `InvalidArgument`, nothing changed.
   */
  async complete(parts?: readonly PartReference[]): Promise<WriteResult> {
    this.assertActive();
    const list = parts === undefined ? await this.listParts() : checkPartList(parts, this.path);
    if (list.length === 0) throw new InvalidArgument(`An upload needs at least one part: ${quotePath(this.path)}`, { path: this.path });
    const references = list.map(({ partNumber, etag }) => ({ partNumber, etag }));
    const result = await this.context.call(() => this.context.backend.completeMultipartUpload(this.uploadId, references));
    this.ended = "completed";
    return freezeWriteResult(result, this.context.scope);
  }

  /** Discards the upload and its parts. */
  async abort(): Promise<void> {
    this.assertActive();
    await this.context.call(() => this.context.backend.abortMultipartUpload(this.uploadId));
    this.ended = "aborted";
  }

  private assertActive(): void {
    if (this.ended !== undefined) {
      throw new NotFound(`Upload ${this.uploadId} was ${this.ended}: ${quotePath(this.path)}`, { path: this.path });
    }
  }
}

function checkPartNumber(partNumber: unknown, path: string): void {
  if (typeof partNumber !== "number" || !Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw new InvalidArgument(`Part numbers are integers from 1 to ${MAX_PART_NUMBER}, got ${String(partNumber)}: ${quotePath(path)}`, { path });
  }
}

function checkPartList(parts: unknown, path: string): PartReference[] {
  if (!Array.isArray(parts)) throw new TypeError("parts must be an array of { partNumber, etag }");
  const seen = new Set<number>();
  return parts.map((part: unknown) => {
    if (!isObject(part)) throw new TypeError("parts must be an array of { partNumber, etag }");
    const { partNumber, etag } = part as { partNumber?: unknown; etag?: unknown };
    checkPartNumber(partNumber, path);
    if (typeof etag !== "string") throw new TypeError(`etag of part ${String(partNumber)} must be a string`);
    if (seen.has(partNumber as number)) throw new InvalidArgument(`Part ${String(partNumber)} is listed twice: ${quotePath(path)}`, { path });
    seen.add(partNumber as number);
    return { partNumber: partNumber as number, etag };
  });
}
