
import { booleanOption, optionsObject } from "../../store/options.js";
import { functionOption } from "../internal/arguments.js";
import { concurrencyOption } from "../internal/bounded.js";
import { PathFilter, patternsOption } from "./path-filter.js";
import type { SyncCompare, SyncOptions, SyncProgress } from "./types.js";
import { describeType } from "../../shared/checks/objects.js";

/** Validated `syncStores` options (spec XFER-020). */
export interface SyncSettings {
  readonly compare: SyncCompare;
  readonly dryRun: boolean;
  readonly deleteExtra: boolean;
  readonly filter: PathFilter;
  readonly concurrency: number;
  readonly modifyWindow: number;
  readonly onProgress: ((progress: SyncProgress) => void) | undefined;
}

const COMPARES: readonly SyncCompare[] = ["size-mtime", "checksum"];

/** Checks every option before any I/O: `TypeError` for wrong types, `RangeError` for values out of range. */
export function syncSettings(options: SyncOptions | undefined): SyncSettings {
  const o = optionsObject(options, ["compare", "dryRun", "deleteExtra", "include", "exclude", "concurrency", "modifyWindow", "onProgress", "watch"]);
  const compare = o.compare ?? "size-mtime";
  if (typeof compare !== "string") throw new TypeError(`compare must be a string, got ${describeType(compare)}`);
  if (!COMPARES.includes(compare)) throw new RangeError(`compare must be one of ${COMPARES.join(", ")}, got ${JSON.stringify(compare)}`);
  const modifyWindow = o.modifyWindow ?? 0;
  if (typeof modifyWindow !== "number") throw new TypeError(`modifyWindow must be a number, got ${describeType(modifyWindow)}`);
  if (!Number.isFinite(modifyWindow) || modifyWindow < 0) throw new RangeError(`modifyWindow must be a non-negative finite number, got ${modifyWindow}`);
  return {
    compare,
    dryRun: booleanOption(o.dryRun, "dryRun"),
    deleteExtra: booleanOption(o.deleteExtra, "deleteExtra"),
    filter: new PathFilter(patternsOption(o.include, "include"), patternsOption(o.exclude, "exclude") ?? []),
    concurrency: concurrencyOption(o.concurrency),
    modifyWindow,
    onProgress: functionOption<(progress: SyncProgress) => void>(o.onProgress, "onProgress"),
  };
}
