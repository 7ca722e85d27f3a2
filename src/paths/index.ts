export { normalizePath, normalizeFilePath } from "./normalize.js";
export { baseName, parentPath, joinPath, isWithin, depthOf } from "./path-parts.js";
export { compareCodePoints } from "./compare.js";
export { RootScope } from "./root-scope.js";
