export { exportTree, type ExportTreeOptions } from "./export-tree.js";
export { importTree, type ImportTreeOptions } from "./import-tree.js";
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type SnapshotFile, type SnapshotFolder } from "./snapshot-format.js";
