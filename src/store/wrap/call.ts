import { isNormalPath } from "../../paths/is-normal-path.js";
import { normalizePath } from "../../paths/normalize.js";
import type { Store } from "../store.js";
import type { StoreOperation } from "./operations.js";

/** What a call runs on: a wrapped store, or the wrapped handle of an upload. */
export interface CallTarget {
  /** The wrapped store the call belongs to. */
  readonly wrapped: Store;
  /** The upload's path, for the calls of an upload handle. */
  readonly uploadPath?: string;
  /** Runs `operation` with `args` on the inner store (or handle). */
  invoke(operation: StoreOperation, args: readonly unknown[]): unknown;
}

/** Where each operation's paths are in its arguments. */
type PathPlace = "query" | "file" | "pair" | "upload" | "none";

const PLACES: Readonly<Record<StoreOperation, PathPlace>> = {
  supports: "none", glob: "none", listMultipartUploads: "none", close: "none",
  exists: "query", isFile: "query", isFolder: "query", listFiles: "query", listFolders: "query", iterChildren: "query", getFolderInfo: "query", watch: "query",
  read: "file", readBytes: "file", readText: "file", write: "file", writeText: "file", writeAtomic: "file",
  delete: "file", deleteFolder: "file", getFileInfo: "file", createFolder: "file", startMultipartUpload: "file", url: "file", child: "file",
  move: "pair", copy: "pair", moveFolder: "pair", copyFolder: "pair",
  uploadPart: "upload", listParts: "upload", completeMultipartUpload: "upload", abortMultipartUpload: "upload",
};

const UNSET = Symbol("unset");

/** `raw` normalised, or `undefined` when it is not a path the Store would accept. */
export function normalOrUndefined(raw: unknown): string | undefined {
  if (isNormalPath(raw)) return raw;
  if (typeof raw !== "string") return undefined;
  try {
    return normalizePath(raw);
  } catch {
    return undefined;
  }
}

/** A path as a layer sees it: normalised when it can be, as given otherwise, `undefined` for a non-string. */
export function shownPath(raw: unknown): string | undefined {
  return normalOrUndefined(raw) ?? (typeof raw === "string" ? raw : undefined);
}

/** One call on a wrapped store (the runtime form of {@link CallOf}); paths are worked out on first read. */
export class LayerCall {
  private shownPathValue: string | undefined | typeof UNSET = UNSET;

  constructor(
    private readonly target: CallTarget,
    readonly operation: StoreOperation,
    readonly args: readonly unknown[],
  ) {}

  /** The wrapped store the call was made on. */
  get store(): Store {
    return this.target.wrapped;
  }

  get path(): string | undefined {
    if (this.shownPathValue === UNSET) this.shownPathValue = this.pathOf();
    return this.shownPathValue;
  }

  get to(): string | undefined {
    return PLACES[this.operation] === "pair" ? shownPath(this.args[1]) : undefined;
  }

  next(args?: readonly unknown[]): unknown {
    return this.target.invoke(this.operation, args ?? this.args);
  }

  private pathOf(): string | undefined {
    switch (PLACES[this.operation]) {
      case "query":
        return shownPath(this.args[0] ?? "");
      case "file":
      case "pair":
        return shownPath(this.args[0]);
      case "upload":
        return this.target.uploadPath;
      default:
        return undefined;
    }
  }
}
