/**
 * remote-store for Node (the package's `node` export condition): everything of the universal
 * entry, plus `Registry.fromFile` and the `local` backend type with `file:` URLs.
 */
import { registerNodeSupport } from "./node/register.js";

registerNodeSupport();

export * from "./index.js";
export { LocalBackend, type LocalBackendOptions, type ResidueEntry, type OwnerState } from "./backends/local/index.js";
