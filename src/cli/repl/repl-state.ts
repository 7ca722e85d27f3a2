import { NotFound } from "../../errors/classes.js";
import { quotePath } from "../../errors/quote-path.js";
import { joinPath, normalizePath, parentPath } from "../../paths/index.js";
import type { Store } from "../../store/store.js";
import { Location } from "../session/location.js";
import type { Session } from "../session/session.js";

/**
 * Where the REPL is (spec CLI-071): a store root (`home` at the start) and a folder in it. `store`
 * in the REPL's scope is the store rooted at that folder.
 */
export class ReplState {
  private base: Location;
  private cwd = "";

  constructor(
    private readonly session: Session,
    private readonly home: Location,
  ) {
    this.base = home;
  }

  /** The store rooted at the current folder. */
  get store(): Store {
    return this.cwd === "" ? this.base.store : this.base.store.child(this.cwd);
  }

  /** The current folder as a location (for messages and `.save`). */
  get here(): Location {
    return this.base.at(this.cwd);
  }

  /** The prompt text: the current location. */
  get label(): string {
    return this.base.display(this.cwd);
  }

  /** A path argument of a dot-command: a location when it has a `:`, else a path below the current folder. */
  resolve(arg: string): Location {
    if (arg.includes(":")) return this.session.location(arg);
    return this.base.at(joinPath(this.cwd, normalizePath(arg)));
  }

  /** `.cd` (spec CLI-071): no argument → home; `/` → the store's root; `..` → up; `name:path` or a URL → there; else a folder below. */
  async cd(arg: string): Promise<void> {
    const target = arg.trim();
    if (target === "") return this.moveTo(this.home, "");
    if (target === "/") return this.moveTo(this.base, "");
    if (target.includes(":")) {
      const location = this.session.location(target);
      return this.moveTo(location.at(""), await this.checkedFolder(location));
    }
    let path = this.cwd;
    for (const segment of target.replaceAll("\\", "/").split("/")) {
      if (segment === "..") path = parentPath(path);
      else if (segment !== "" && segment !== ".") path = joinPath(path, normalizePath(segment));
    }
    this.moveTo(this.base, await this.checkedFolder(this.base.at(path)));
  }

  private moveTo(base: Location, cwd: string): void {
    this.base = base;
    this.cwd = cwd;
  }

  private async checkedFolder(location: Location): Promise<string> {
    const isFolder = await location.run(() => location.store.isFolder(location.path));
    if (!isFolder) throw location.label(new NotFound(`No such folder: ${quotePath(location.path)}`, { path: location.path }));
    return location.path;
  }
}

/** The REPL's home location: the default store (or `store` argument) shown with its origin (spec CLI-073). */
export function homeLocation(session: Session, spec: string): Location {
  if (spec !== "") {
    const location = session.storeLocation(spec).folder();
    return new Location({ store: location.store, path: "", spec, folderHint: true, prefix: location.prefix, rootLabel: location.display() });
  }
  const root = session.defaultStoreRoot();
  const origin = session.defaultStoreInfo.origin;
  const prefix = /[:/]$/.test(origin) ? origin : `${origin}/`;
  return new Location({ store: root.store, path: "", spec: "", folderHint: true, prefix, rootLabel: prefix });
}
