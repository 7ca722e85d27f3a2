import type { Location } from "../session/location.js";

/**
 * Where a source named `name` lands (spec CLI-045): inside the destination when it is a store
 * root, ends with a separator, or is an existing folder; otherwise the destination itself.
 * `name` is `""` for a store root source (its contents go into the destination).
 */
export async function resolveDestination(destination: Location, name: string): Promise<Location> {
  if (name === "") return destination;
  const into = destination.folderHint || destination.path === "" || (await destination.run(() => destination.store.isFolder(destination.path)));
  return into ? destination.child(name) : destination;
}
