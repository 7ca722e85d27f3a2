import type { Backend } from "../contract/backend.js";
import { isRemoteStoreError } from "../errors/remote-store-error.js";
import { isNormalPath } from "../paths/is-normal-path.js";
import type { Registry } from "../registry/index.js";
import { borrowedStore } from "../registry/borrowed-store.js";
import type { Store } from "../store/store.js";
import { S3Error } from "./errors.js";

/** A bucket as ListBuckets shows it. */
export interface BucketEntry {
  readonly name: string;
  readonly createdAt: Date;
}

/** Where buckets come from (spec S3S-010..S3S-013). */
export interface BucketSource {
  /** `backend`: buckets are top-level folders; `fixed`: a set of stores by name. */
  readonly mode: "backend" | "fixed";
  /** Every bucket, in name order. */
  list(): Promise<BucketEntry[]>;
  /** The store of a bucket, or `undefined` when there is no such bucket. */
  open(name: string): Promise<Store | undefined>;
  /** Creates a bucket; `false` when it already existed. */
  create(name: string): Promise<boolean>;
  /** Deletes an empty bucket (`BucketNotEmpty` otherwise); the caller has checked for open uploads. */
  remove(name: string): Promise<void>;
}

/** True for a name that can address a bucket in a path: one normal path segment. */
function isAddressable(name: string): boolean {
  return name !== "" && !name.includes("/") && isNormalPath(name) && name.length <= 255;
}

/** True for a name that follows S3's bucket naming rules (spec S3S-010): 3-63 characters of a-z 0-9 . -, no `..`, not an IP address. */
export function isValidBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes("..") && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}

/** S3's bucket naming rules for CreateBucket (spec S3S-010); `InvalidBucketName` otherwise. */
export function checkBucketName(name: string): void {
  if (!isValidBucketName(name)) throw new S3Error("InvalidBucketName", undefined, { details: { BucketName: name } });
}

/**
 * `backend` mode (spec S3S-010, S3S-011): each bucket is a top-level folder of `backend`. The
 * bucket stores are children of one Store over the backend; `root` is that store.
 */
export class FolderBuckets implements BucketSource {
  readonly mode = "backend";
  /** A Store over the whole backend (not owning it). */
  readonly root: Store;
  private readonly created = new Map<string, Date>();
  private readonly children = new Map<string, Store>();
  private readonly startedAt: Date;
  private readonly clock: () => Date;

  constructor(backend: Backend, options: { readonly clock: () => Date; readonly startedAt: Date }) {
    this.root = borrowedStore(backend, "");
    this.clock = options.clock;
    this.startedAt = options.startedAt;
  }

  async list(): Promise<BucketEntry[]> {
    const folders = await this.root.listFolders("").toArray();
    return folders.map((folder) => ({ name: folder.name, createdAt: this.created.get(folder.name) ?? this.startedAt }));
  }

  async open(name: string): Promise<Store | undefined> {
    if (!isAddressable(name) || !(await this.root.isFolder(name))) return undefined;
    let store = this.children.get(name);
    if (store === undefined) {
      store = this.root.child(name);
      this.children.set(name, store);
    }
    return store;
  }

  async create(name: string): Promise<boolean> {
    checkBucketName(name);
    if (await this.root.isFolder(name)) return false;
    try {
      await this.root.createFolder(name);
    } catch (error) {
      if (isRemoteStoreError(error, "ALREADY_EXISTS")) return false;
      if (isRemoteStoreError(error, "INVALID_PATH")) throw new S3Error("InvalidBucketName", `A file named ${JSON.stringify(name)} is in the way of the bucket's folder.`, { details: { BucketName: name } });
      throw error;
    }
    this.created.set(name, this.clock());
    return true;
  }

  async remove(name: string): Promise<void> {
    try {
      await this.root.deleteFolder(name);
    } catch (error) {
      if (isRemoteStoreError(error, "DIRECTORY_NOT_EMPTY")) throw new S3Error("BucketNotEmpty", undefined, { details: { BucketName: name }, cause: error });
      if (isRemoteStoreError(error, "NOT_FOUND")) throw new S3Error("NoSuchBucket", undefined, { details: { BucketName: name }, cause: error });
      throw error;
    }
    this.created.delete(name);
    this.children.delete(name);
  }
}

/** `buckets` and `registry` mode (spec S3S-012): a fixed set of stores by name. */
export class FixedBuckets implements BucketSource {
  readonly mode = "fixed";
  private readonly names: readonly string[];
  private readonly stores = new Map<string, Store>();
  private readonly resolve: (name: string) => Store;
  private readonly startedAt: Date;

  private constructor(names: readonly string[], resolve: (name: string) => Store, startedAt: Date) {
    for (const name of names) if (!isAddressable(name)) throw new TypeError(`bucket name ${JSON.stringify(name)} cannot be used in a path: it must be one path segment of at most 255 characters`);
    this.names = [...names].sort();
    this.resolve = resolve;
    this.startedAt = startedAt;
  }

  /** The stores of `buckets`, under their names. */
  static ofStores(buckets: Readonly<Record<string, Store>>, startedAt: Date): FixedBuckets {
    return new FixedBuckets(Object.keys(buckets), (name) => buckets[name] as Store, startedAt);
  }

  /** Every store of a registry, under its name (each created on first use). */
  static ofRegistry(registry: Registry, startedAt: Date): FixedBuckets {
    return new FixedBuckets(registry.storeNames, (name) => registry.getStore(name), startedAt);
  }

  async list(): Promise<BucketEntry[]> {
    return this.names.map((name) => ({ name, createdAt: this.startedAt }));
  }

  async open(name: string): Promise<Store | undefined> {
    if (!this.names.includes(name)) return undefined;
    let store = this.stores.get(name);
    if (store === undefined) {
      store = this.resolve(name);
      this.stores.set(name, store);
    }
    return store;
  }

  async create(name: string): Promise<boolean> {
    if (this.names.includes(name)) return false;
    throw new S3Error("NotImplemented", "This server serves a fixed set of buckets: CreateBucket cannot add one.");
  }

  async remove(_name: string): Promise<void> {
    throw new S3Error("NotImplemented", "This server serves a fixed set of buckets: DeleteBucket cannot remove one.");
  }
}
