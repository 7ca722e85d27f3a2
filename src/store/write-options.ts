import type { BackendWriteOptions } from "../contract/backend.js";
import type { Metadata } from "../contract/models.js";
import { validateMetadata } from "./metadata.js";
import { booleanOption, dateOption, optionsObject, stringOption } from "./options.js";
import type { WriteOptions } from "./store-options.js";

/** The options of a write, checked (types and values, ST-007), metadata as a frozen copy. */
export interface CheckedWriteOptions {
  readonly overwrite: boolean;
  readonly metadata: Metadata | undefined;
  readonly contentType: string | undefined;
  readonly modifiedAt: Date | undefined;
}

/** What omitted write options read as: shared, so that a write without options checks nothing. */
const NO_WRITE_OPTIONS: CheckedWriteOptions = Object.freeze({ overwrite: false, metadata: undefined, contentType: undefined, modifiedAt: undefined });

/** Checks `write`'s options (spec ST-007, ST-040..ST-042): a `TypeError`/`RangeError` for a wrong one. */
export function checkWriteOptions(options: WriteOptions | undefined): CheckedWriteOptions {
  if (options === undefined) return NO_WRITE_OPTIONS;
  const o = optionsObject(options, ["overwrite", "metadata", "contentType", "modifiedAt"]);
  return {
    overwrite: booleanOption(o.overwrite, "overwrite"),
    metadata: validateMetadata(o.metadata),
    contentType: stringOption(o.contentType, "contentType"),
    modifiedAt: dateOption(o.modifiedAt, "modifiedAt"),
  };
}

/** The options the backend receives (BE-006): `modifiedAt` only when given. */
export function backendWriteOptions(options: CheckedWriteOptions, contentType: string): BackendWriteOptions {
  const { overwrite, metadata, modifiedAt } = options;
  return modifiedAt === undefined ? { overwrite, contentType, metadata } : { overwrite, contentType, metadata, modifiedAt };
}
