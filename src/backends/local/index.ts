export { LocalBackend, type LocalBackendOptions } from "./local-backend.js";
export type { ResidueEntry } from "./residue-report.js";
export type { OwnerState } from "./owner.js";
