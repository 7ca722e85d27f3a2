import * as nodePath from "node:path";
import type { Backend } from "../../contract/backend.js";
import { LocalBackend, type ResidueEntry } from "../../backends/local/index.js";

/** One residue entry as `doctor` reports it (spec CLI-058): `path` is the local path. */
export interface DoctorResidue {
  readonly path: string;
  readonly kind: ResidueEntry["kind"];
  readonly size: number;
  readonly state: ResidueEntry["state"];
  readonly owner?: { readonly host: string; readonly pid: number };
  readonly target?: string;
  readonly startedAt?: Date;
}

/**
 * What a local backend holds besides the store's data, after its opening removed the residue of
 * gone processes (spec CLI-058, LOC-133, LOC-135); `[]` for any other backend.
 */
export async function residueOf(backend: Backend): Promise<DoctorResidue[]> {
  if (!(backend instanceof LocalBackend)) return [];
  const found = await backend.findResidue();
  return found.map((entry) => ({ ...entry, path: nodePath.join(backend.root, ...entry.path.split("/")) }));
}

/** `RESIDUE <local path> (<kind>, <size> bytes, <state>[, host <h>, pid <p>][, upload of <target>])`. */
export function residueLine(entry: DoctorResidue): string {
  const parts = [entry.kind, `${entry.size} bytes`, entry.state];
  if (entry.owner !== undefined) parts.push(`host ${entry.owner.host}`, `pid ${entry.owner.pid}`);
  if (entry.target !== undefined) parts.push(`upload of ${entry.target}`);
  return `RESIDUE ${entry.path} (${parts.join(", ")})`;
}
