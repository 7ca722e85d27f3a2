import type { PartInfo } from "../../contract/backend-extensions.js";
import type { WriteResult } from "../../contract/models.js";
import { MultipartUpload, type MultipartContext } from "../multipart-upload.js";
import { rejection } from "../rejection.js";
import type { Store } from "../store.js";
import type { CallTarget } from "./call.js";
import { LayerCall } from "./call.js";
import { UPLOAD_DISPATCH } from "./dispatch.js";
import type { StoreCall, StoreLayer } from "./layer.js";
import type { StoreOperation, UploadOperation } from "./operations.js";

type P<K extends keyof MultipartUpload> = MultipartUpload[K] extends (...args: infer A) => unknown ? A : never;

/** The store a wrapped upload belongs to: its layer and the wrapped store itself. */
interface UploadOwner {
  readonly layer: StoreLayer;
  readonly wrapped: Store;
}

function unused(): never {
  throw new Error("internal: a wrapped upload passes every call to the inner handle");
}

/** A context the base class never uses: every method of the wrapped handle is overridden. */
const NO_CONTEXT: MultipartContext = { backend: { name: "wrapped" } as MultipartContext["backend"], scope: undefined as never, call: unused, gate: unused };

/**
 * The handle `startMultipartUpload` resolves to on a wrapped store (spec WRAP-006): a
 * `MultipartUpload` whose `uploadPart`, `listParts`, `complete` and `abort` pass through the
 * store's layer as `uploadPart`, `listParts`, `completeMultipartUpload` and `abortMultipartUpload`.
 */
export class WrappedUpload extends MultipartUpload implements CallTarget {
  constructor(
    private readonly innerUpload: MultipartUpload,
    private readonly owner: UploadOwner,
  ) {
    super(NO_CONTEXT, innerUpload.uploadId, innerUpload.path);
  }

  /** @internal */
  get wrapped(): Store {
    return this.owner.wrapped;
  }

  /** @internal */
  get uploadPath(): string {
    return this.path;
  }

  override uploadPart(...args: P<"uploadPart">): Promise<PartInfo> {
    return this.promised("uploadPart", args);
  }

  override listParts(): Promise<PartInfo[]> {
    return this.promised("listParts", []);
  }

  override complete(...args: P<"complete">): Promise<WriteResult> {
    return this.promised("completeMultipartUpload", args);
  }

  override abort(): Promise<void> {
    return this.promised("abortMultipartUpload", []);
  }

  /** @internal */
  invoke(operation: StoreOperation, args: readonly unknown[]): unknown {
    return UPLOAD_DISPATCH[operation as UploadOperation](this.innerUpload, args as never[]);
  }

  private promised<T>(operation: UploadOperation, args: readonly unknown[]): Promise<T> {
    try {
      const layer = this.owner.layer;
      const result = layer.intercept === undefined ? this.invoke(operation, args) : layer.intercept(new LayerCall(this, operation, args) as unknown as StoreCall);
      return Promise.resolve(result as T | Promise<T>);
    } catch (error) {
      return rejection(error);
    }
  }
}
