import { readFileSync } from "node:fs";
import * as nodePath from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The version of the `remote-store` package this CLI belongs to, from the nearest `package.json`
 * named `remote-store` above this module (the same from `src/cli/` under tsx and from `dist/`).
 */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let dir = nodePath.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(nodePath.join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (manifest.name === "remote-store" && typeof manifest.version === "string") return (cached = manifest.version);
    } catch {
      // no package.json here: keep looking
    }
    const parent = nodePath.dirname(dir);
    if (parent === dir) return (cached = "0.0.0");
    dir = parent;
  }
}
