// The layers of src/ (spec/architecture.md, ARCH-001..ARCH-003), enforced by eslint-plugin-boundaries.
// A file may import its own layer and the layers below it; a backend, only the foundation and
// itself. From the bottom: foundation, backends, store, registry, extensions, entries, apps (the CLI).
// Each layer is a list of folders (below the project root), matched whole; `src` itself holds the entries.
const BACKENDS = ["memory", "local", "s3"];

/** Layers from the bottom up; an element type per folder group. */
export const LAYERS = [
  { type: "foundation", folders: ["src/errors", "src/paths", "src/shared", "src/contract"] },
  ...BACKENDS.map((name) => ({ type: `backend-${name}`, folders: [`src/backends/${name}`] })),
  { type: "store", folders: ["src/store", "src/snapshot"] },
  { type: "registry", folders: ["src/registry"] },
  { type: "extension", folders: ["src/ext", "src/testing", "src/node", "src/s3-server"] },
  { type: "app", folders: ["src/cli"] },
  // Last, so that it only takes what no folder above claimed: the entry files in src/ itself.
  { type: "entry", folders: ["src"] },
];

const backendTypes = BACKENDS.map((name) => `backend-${name}`);
const above = {
  foundation: ["foundation"],
  store: ["foundation", ...backendTypes, "store"],
  registry: ["foundation", ...backendTypes, "store", "registry"],
  extension: ["foundation", ...backendTypes, "store", "registry", "extension"],
  entry: ["foundation", ...backendTypes, "store", "registry", "extension", "entry"],
  app: ["foundation", ...backendTypes, "store", "registry", "extension", "entry", "app"],
};
for (const type of backendTypes) above[type] = ["foundation", type];

/** `boundaries/elements`: each layer's folders, matched from the project root. */
export const elements = LAYERS.flatMap(({ type, folders }) => folders.map((pattern) => ({ type, pattern, partialMatch: false })));

/** `boundaries/dependencies`: nothing is allowed but what a layer may import. */
export const dependencies = {
  default: "disallow",
  policies: Object.entries(above).map(([from, to]) => ({
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: to } } } },
  })),
};
