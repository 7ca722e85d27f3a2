import type { MultipartUploadInfo } from "../../contract/backend-extensions.js";
import type { Entry, FileInfo, FolderEntry, FolderInfo, WriteResult } from "../../contract/models.js";
import { describeType, isObject } from "../../shared/checks/objects.js";
import { Listing } from "../listing.js";
import type { MultipartUpload } from "../multipart-upload.js";
import { rejection } from "../rejection.js";
import { Store } from "../store.js";
import type { Watcher } from "../watch/watch-types.js";
import { LayerCall, shownPath, type CallTarget } from "./call.js";
import { STORE_DISPATCH } from "./dispatch.js";
import type { StoreCall, StoreLayer } from "./layer.js";
import type { StoreMethodOperation, StoreOperation } from "./operations.js";
import { WrappedUpload } from "./wrapped-upload.js";

type P<K extends keyof Store> = Store[K] extends (...args: infer A) => unknown ? A : never;

/**
 * A `Store` whose every call passes through a {@link StoreLayer} before it reaches `inner`
 * (spec WRAP-*). It is a `Store` (`instanceof Store`), so it goes wherever one does; its
 * `backend` and `rootPath` are the inner store's. `wrapStore(inner, layer)` makes one;
 * wrappers with their own members (`cache`, `withFaults`) extend it.
 */
export class WrappedStore extends Store implements CallTarget {
  /** The store the calls go on to. */
  readonly inner: Store;
  /** The layer every call passes through. */
  readonly layer: StoreLayer;

  constructor(inner: Store, layer: StoreLayer) {
    if (!(inner instanceof Store)) throw new TypeError(`store must be a Store, got ${describeType(inner)}`);
    checkLayer(layer);
    super({ backend: inner.backend, rootPath: inner.rootPath });
    this.inner = inner;
    this.layer = layer;
  }

  /** @internal The wrapped store of a call (itself). */
  get wrapped(): Store {
    return this;
  }

  override supports(...args: P<"supports">): boolean {
    return this.layer.intercept === undefined ? this.inner.supports(...args) : (this.through("supports", args) as boolean);
  }

  override exists(...args: P<"exists">): Promise<boolean> {
    return this.layer.intercept === undefined ? this.inner.exists(...args) : this.promised("exists", args);
  }

  override isFile(...args: P<"isFile">): Promise<boolean> {
    return this.layer.intercept === undefined ? this.inner.isFile(...args) : this.promised("isFile", args);
  }

  override isFolder(...args: P<"isFolder">): Promise<boolean> {
    return this.layer.intercept === undefined ? this.inner.isFolder(...args) : this.promised("isFolder", args);
  }

  override read(...args: P<"read">): Promise<ReadableStream<Uint8Array>> {
    return this.layer.intercept === undefined ? this.inner.read(...args) : this.promised("read", args);
  }

  override readBytes(...args: P<"readBytes">): Promise<Uint8Array> {
    return this.layer.intercept === undefined ? this.inner.readBytes(...args) : this.promised("readBytes", args);
  }

  override readText(...args: P<"readText">): Promise<string> {
    return this.layer.intercept === undefined ? this.inner.readText(...args) : this.promised("readText", args);
  }

  override write(...args: P<"write">): Promise<WriteResult> {
    return this.layer.intercept === undefined ? this.inner.write(...args) : this.promised("write", args);
  }

  override writeText(...args: P<"writeText">): Promise<WriteResult> {
    return this.layer.intercept === undefined ? this.inner.writeText(...args) : this.promised("writeText", args);
  }

  override writeAtomic(...args: P<"writeAtomic">): Promise<WriteResult> {
    return this.layer.intercept === undefined ? this.inner.writeAtomic(...args) : this.promised("writeAtomic", args);
  }

  override delete(...args: P<"delete">): Promise<void> {
    return this.layer.intercept === undefined ? this.inner.delete(...args) : this.promised("delete", args);
  }

  override deleteFolder(...args: P<"deleteFolder">): Promise<void> {
    return this.layer.intercept === undefined ? this.inner.deleteFolder(...args) : this.promised("deleteFolder", args);
  }

  override listFiles(...args: P<"listFiles">): Listing<FileInfo> {
    return this.layer.intercept === undefined ? this.inner.listFiles(...args) : this.listing("listFiles", args);
  }

  override listFolders(...args: P<"listFolders">): Listing<FolderEntry> {
    return this.layer.intercept === undefined ? this.inner.listFolders(...args) : this.listing("listFolders", args);
  }

  override iterChildren(...args: P<"iterChildren">): Listing<Entry> {
    return this.layer.intercept === undefined ? this.inner.iterChildren(...args) : this.listing("iterChildren", args);
  }

  override glob(...args: P<"glob">): Listing<FileInfo> {
    return this.layer.intercept === undefined ? this.inner.glob(...args) : this.listing("glob", args);
  }

  override getFileInfo(...args: P<"getFileInfo">): Promise<FileInfo> {
    return this.layer.intercept === undefined ? this.inner.getFileInfo(...args) : this.promised("getFileInfo", args);
  }

  override getFolderInfo(...args: P<"getFolderInfo">): Promise<FolderInfo> {
    return this.layer.intercept === undefined ? this.inner.getFolderInfo(...args) : this.promised("getFolderInfo", args);
  }

  override move(...args: P<"move">): Promise<void> {
    return this.layer.intercept === undefined ? this.inner.move(...args) : this.promised("move", args);
  }

  override copy(...args: P<"copy">): Promise<void> {
    return this.layer.intercept === undefined ? this.inner.copy(...args) : this.promised("copy", args);
  }

  override createFolder(...args: P<"createFolder">): Promise<void> {
    return this.layer.intercept === undefined ? this.inner.createFolder(...args) : this.promised("createFolder", args);
  }

  override moveFolder(...args: P<"moveFolder">): Promise<void> {
    return this.layer.intercept === undefined ? this.inner.moveFolder(...args) : this.promised("moveFolder", args);
  }

  override copyFolder(...args: P<"copyFolder">): Promise<void> {
    return this.layer.intercept === undefined ? this.inner.copyFolder(...args) : this.promised("copyFolder", args);
  }

  override startMultipartUpload(...args: P<"startMultipartUpload">): Promise<MultipartUpload> {
    return this.promised("startMultipartUpload", args);
  }

  override listMultipartUploads(): Promise<MultipartUploadInfo[]> {
    return this.layer.intercept === undefined ? this.inner.listMultipartUploads() : this.promised("listMultipartUploads", []);
  }

  /** A child of the wrapped store, wrapped in the layer's `child(sub)` layer (spec WRAP-005). */
  override child(...args: P<"child">): Store {
    const child = this.through("child", args);
    if (!(child instanceof Store)) throw new TypeError(`the ${this.layerName()} layer's child must be a Store, got ${describeType(child)}`);
    return child;
  }

  override url(...args: P<"url">): Promise<string> {
    return this.layer.intercept === undefined ? this.inner.url(...args) : this.promised("url", args);
  }

  /** Watches the inner store's folder (through the layer as `watch`, spec WRAP-011). */
  override watch(...args: P<"watch">): Watcher {
    if (this.layer.intercept === undefined) return this.inner.watch(...args);
    const watcher = this.through("watch", args);
    if (!isObject(watcher) || typeof (watcher as { close?: unknown }).close !== "function") {
      throw new TypeError(`the ${this.layerName()} layer's watch must return a Watcher, got ${describeType(watcher)}`);
    }
    return watcher as Watcher;
  }

  /** Closes the inner store (through the layer). */
  override close(): Promise<void> {
    return this.layer.intercept === undefined ? this.inner.close() : this.promised("close", []);
  }

  /** `name(inner)`, e.g. `cache(Store(backend=memory, rootPath=""))`. */
  override toString(): string {
    return `${this.layerName()}(${this.inner.toString()})`;
  }

  /** @internal Runs `operation` on the inner store; wraps what `child` and `startMultipartUpload` return. */
  invoke(operation: StoreOperation, args: readonly unknown[]): unknown {
    const dispatch = STORE_DISPATCH[operation as StoreMethodOperation] as (inner: Store, args: unknown[]) => unknown;
    if (operation === "child") {
      const child = dispatch(this.inner, args as unknown[]) as Store;
      const sub = shownPath(args[0]) as string;
      return this.wrapChild(child, this.layer.child === undefined ? this.layer : this.layer.child(sub), sub);
    }
    if (operation === "startMultipartUpload") {
      return (dispatch(this.inner, args as unknown[]) as Promise<MultipartUpload>).then((upload) => new WrappedUpload(upload, this));
    }
    return dispatch(this.inner, args as unknown[]);
  }

  /**
   * The wrapped store `child(sub)` returns around the inner child: by default a `WrappedStore`
   * with `layer`. Subclasses return their own class.
   */
  protected wrapChild(innerChild: Store, layer: StoreLayer, sub: string): Store {
    void sub;
    return new WrappedStore(innerChild, layer);
  }

  private through(operation: StoreOperation, args: readonly unknown[]): unknown {
    const layer = this.layer;
    if (layer.intercept === undefined) return this.invoke(operation, args);
    return layer.intercept(new LayerCall(this, operation, args) as unknown as StoreCall);
  }

  private promised<T>(operation: StoreOperation, args: readonly unknown[]): Promise<T> {
    try {
      return Promise.resolve(this.through(operation, args) as T | Promise<T>);
    } catch (error) {
      return rejection(error);
    }
  }

  private listing<T>(operation: StoreOperation, args: readonly unknown[]): Listing<T> {
    const result = this.through(operation, args);
    if (!(result instanceof Listing)) throw new TypeError(`the ${this.layerName()} layer's ${operation} must return a Listing, got ${describeType(result)}`);
    return result as Listing<T>;
  }

  private layerName(): string {
    return this.layer.name ?? "wrapped";
  }
}

function checkLayer(layer: unknown): asserts layer is StoreLayer {
  if (!isObject(layer)) throw new TypeError(`layer must be an object, got ${describeType(layer)}`);
  const { intercept, child, name } = layer as { intercept?: unknown; child?: unknown; name?: unknown };
  if (intercept !== undefined && typeof intercept !== "function") throw new TypeError(`layer.intercept must be a function, got ${describeType(intercept)}`);
  if (child !== undefined && typeof child !== "function") throw new TypeError(`layer.child must be a function, got ${describeType(child)}`);
  if (name !== undefined && typeof name !== "string") throw new TypeError(`layer.name must be a string, got ${describeType(name)}`);
}
