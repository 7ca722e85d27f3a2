
import { Store } from "../store/store.js";
import { resolveBackendEntry } from "./backend-entry.js";
import { createBackend } from "./create-backend.js";
import { IssueList } from "./issues.js";
import { collectSecrets, collectUrlSecrets } from "../shared/secrets.js";
import { describeType } from "../shared/checks/objects.js";

/**
 * A Store from one URL (spec REG-045): `openStore("memory://")`, `openStore("memory://name/dir")`,
 * `openStore("file:///data")` (Node). The URL's path part is the store's `rootPath`; query
 * parameters are options. The store owns its backend: `store.close()` closes it. Each call
 * creates a new backend.
 *
 * @throws `ConfigError` for a bad URL (issues located at `url`); `TypeError` for a non-string
 */
export function openStore(url: string): Store {
  if (typeof url !== "string") throw new TypeError(`url must be a string, got ${describeType(url)}`);
  const issues = new IssueList();
  const resolved = resolveBackendEntry(url, ["url"], issues, new Set());
  issues.throwIfAny("openStore");
  const secrets = collectSecrets(resolved!.options);
  collectUrlSecrets(url, secrets);
  const backend = createBackend(resolved!, { source: "openStore", location: "url", secrets });
  return new Store({ backend, rootPath: resolved!.basePath });
}
