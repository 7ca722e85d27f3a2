/**
 * What the registry says about a built-in type that the loaded entries do not offer (spec
 * REG-024): `local` needs the Node flavour of the core entry, `s3` its own entry. The core entries
 * register these hints.
 */
export const LOCAL_TYPE_HINT = Object.freeze({ type: "local", scheme: "file", advice: "needs Node: import remote-store under Node to register it" });

/** The hint for the `s3` type, registered by `import "remote-store/s3"` (spec REG-024). */
export const S3_TYPE_HINT = Object.freeze({ type: "s3", scheme: "s3", advice: 'is registered by import "remote-store/s3", before building the registry' });
