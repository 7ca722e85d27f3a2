import * as nodePath from "node:path";
import { LocalBackend } from "../../backends/local/index.js";
import { ConfigError } from "../../errors/classes.js";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import { parseFileUrl } from "../../backends/local/local-type.js";
import { normalizePath } from "../../paths/index.js";
import { openStore } from "../../registry/index.js";
import { Store } from "../../store/store.js";

/** A URL location opened: the store at the backend root, the path in it, and how to show paths. */
export interface OpenedUrl {
  readonly store: Store;
  readonly path: string;
  readonly prefix: string;
}

/**
 * Opens URL locations (spec CLI-023), sharing one backend per named memory backend and per
 * file-system root, and closes every backend it opened.
 */
export class UrlStores {
  private readonly shared = new Map<string, Store>();
  private readonly owned: Store[] = [];

  constructor(private readonly cwd: string) {}

  /** Opens `url`. @throws `ConfigError` for a bad URL (exit code 3). */
  open(url: string): OpenedUrl {
    return /^file:/i.test(url) ? this.openFile(url) : this.openOther(url);
  }

  /** Closes every backend opened here. */
  async close(): Promise<void> {
    const stores = this.owned.splice(0);
    this.shared.clear();
    for (const store of stores) await store.close().catch(() => undefined);
  }

  private openFile(url: string): OpenedUrl {
    let root: string;
    try {
      const parts = parseFileUrl(url);
      const { root: given, ...rest } = parts.options as { root: string } & Record<string, unknown>;
      const unknown = Object.keys(rest);
      if (unknown.length > 0) throw new ConfigError(`unknown option`, { issues: [`the CLI's file URLs take no options (got ${unknown.join(", ")})`] });
      root = given;
    } catch (error) {
      throw locate(error, url);
    }
    return this.openPath(root);
  }

  /** Opens a plain local path (absolute, or relative to the working directory) as a file location (spec CLI-022). */
  openPath(localPath: string): OpenedUrl {
    const absolute = nodePath.resolve(this.cwd, localPath);
    const fsRoot = nodePath.parse(absolute).root;
    const relative = nodePath.relative(fsRoot, absolute).split(nodePath.sep).join("/");
    let store = this.shared.get(`file:${fsRoot}`);
    if (store === undefined) {
      store = new Store({ backend: new LocalBackend({ root: fsRoot }) });
      this.shared.set(`file:${fsRoot}`, store);
      this.owned.push(store);
    }
    return { store, path: normalizePath(relative), prefix: fsRoot };
  }

  private openOther(url: string): OpenedUrl {
    const parsed = safeUrl(url);
    const key = parsed === undefined || parsed.host === "" ? undefined : `${parsed.protocol}//${parsed.host}${parsed.search}`;
    const prefix = parsed === undefined ? "" : `${parsed.protocol}//${parsed.host}/`;
    let opened: Store;
    try {
      opened = openStore(url);
    } catch (error) {
      throw locate(error, url);
    }
    const existing = key === undefined ? undefined : this.shared.get(key);
    if (existing !== undefined) {
      void opened.close();
      return { store: existing, path: opened.rootPath, prefix };
    }
    this.owned.push(opened);
    const store = opened.rootPath === "" ? opened : new Store({ backend: opened.backend });
    if (key !== undefined) this.shared.set(key, store);
    return { store, path: opened.rootPath, prefix };
  }
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A URL problem as a `ConfigError` whose issues start with the URL (spec CLI-033). */
function locate(error: unknown, url: string): unknown {
  if (!isRemoteStoreError(error, "CONFIG_INVALID")) return error;
  const issues = (error as unknown as { issues: readonly string[] }).issues.map((issue) => `${url}: ${issue.replace(/^url: /, "")}`);
  return new ConfigError(issues.join("; "), { issues, cause: error });
}
