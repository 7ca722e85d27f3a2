/**
 * Everything a backend may declare (spec CAP-001). Gate capabilities make a Store method
 * available; quality capabilities (`atomicMove`, `rangeRead`) never disable a method but
 * tell the truth about how it behaves.
 */
export const CAPABILITIES = [
  "read",
  "write",
  "delete",
  "list",
  "move",
  "copy",
  "atomicWrite",
  "atomicMove",
  "metadata",
  "userMetadata",
  "glob",
  "rangeRead",
  "url",
  "createFolder",
  "moveFolder",
  "atomicMoveFolder",
  "copyFolder",
  "multipart",
  "setModifiedAt",
  "watch",
] as const;

/** One capability name. */
export type Capability = (typeof CAPABILITIES)[number];

/** A read-only set of declared capabilities. */
export type CapabilitySet = ReadonlySet<Capability>;

/** Builds a frozen capability set; unknown names are a `TypeError`. */
export function capabilitySet(capabilities: Iterable<Capability>): CapabilitySet {
  const set = new Set<Capability>();
  for (const capability of capabilities) {
    if (!isCapability(capability)) throw new TypeError(`Unknown capability: ${String(capability)}`);
    set.add(capability);
  }
  return new FrozenSet(set);
}

/** True when `name` is a capability this library knows. */
export function isCapability(name: unknown): name is Capability {
  return typeof name === "string" && (CAPABILITIES as readonly string[]).includes(name);
}

class FrozenSet<T> extends Set<T> {
  private readonly sealed: boolean;
  constructor(values: Iterable<T>) {
    super(values);
    this.sealed = true;
    Object.freeze(this);
  }
  override add(value: T): this {
    if (this.sealed) throw new TypeError("A capability set is read-only");
    return super.add(value);
  }
  override delete(_value: T): boolean {
    throw new TypeError("A capability set is read-only");
  }
  override clear(): void {
    throw new TypeError("A capability set is read-only");
  }
}
