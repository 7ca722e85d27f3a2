import { capabilityGatingCases } from "./capability-gating.js";
import { childCases } from "./child.js";
import { closeCases } from "./close.js";
import { concurrencyCases } from "./concurrency.js";
import { containmentCases } from "./containment.js";
import { contentTypeCases } from "./content-type.js";
import { copyFolderCases } from "./copy-folder.js";
import { copyCases } from "./copy.js";
import { createFolderCases } from "./create-folder.js";
import { deleteFolderCases } from "./delete-folder.js";
import { deleteCases } from "./delete.js";
import { globCases } from "./glob.js";
import { identityCases } from "./identity-and-lifecycle.js";
import { infoCases } from "./info.js";
import { listingOrderCases } from "./listing-order.js";
import { listingCases } from "./listing.js";
import { metadataCases } from "./metadata.js";
import { moveFolderCases } from "./move-folder.js";
import { moveCases } from "./move.js";
import { multipartCases } from "./multipart.js";
import { pathCases } from "./paths.js";
import { probeCases } from "./probes.js";
import { promiseDisciplineCases } from "./promise-discipline.js";
import { quotaCases } from "./quota.js";
import { rangeReadCases } from "./range-read.js";
import { readCases } from "./read.js";
import { snapshotCases } from "./snapshots.js";
import { storeRootCases } from "./store-root.js";
import { streamCases } from "./streams.js";
import { timestampCases } from "./timestamps.js";
import type { ConformanceCase } from "./types.js";
import { urlCases } from "./url.js";
import { watchCases } from "./watch.js";
import { writeAtomicCases } from "./write-atomic.js";
import { writeContentCases } from "./write-content.js";
import { writeCases } from "./write.js";

/** Every conformance case, in clause-id order (spec/conformance.md). Frozen. */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = Object.freeze(
  [
    ...identityCases,
    ...probeCases,
    ...pathCases,
    ...storeRootCases,
    ...readCases,
    ...rangeReadCases,
    ...writeCases,
    ...writeContentCases,
    ...writeAtomicCases,
    ...contentTypeCases,
    ...metadataCases,
    ...timestampCases,
    ...deleteCases,
    ...deleteFolderCases,
    ...listingCases,
    ...listingOrderCases,
    ...globCases,
    ...moveCases,
    ...copyCases,
    ...infoCases,
    ...quotaCases,
    ...closeCases,
    ...concurrencyCases,
    ...containmentCases,
    ...childCases,
    ...urlCases,
    ...streamCases,
    ...capabilityGatingCases,
    ...promiseDisciplineCases,
    ...createFolderCases,
    ...moveFolderCases,
    ...copyFolderCases,
    ...multipartCases,
    ...snapshotCases,
    ...watchCases,
  ].sort((a, b) => a.id.localeCompare(b.id)),
);
