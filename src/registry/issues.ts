import { ConfigError } from "../errors/classes.js";
import { formatLocation, issueAt, type Location } from "./location.js";

/** Collects config problems so that all of them can be reported at once (spec REG-010). */
export class IssueList {
  private readonly items: string[] = [];
  private readonly silenced = new Set<string>();

  /** Adds `location: message`, unless the location has been {@link silence}d. */
  add(location: Location, message: string): void {
    if (this.silenced.has(formatLocation(location))) return;
    this.items.push(issueAt(location, message));
  }

  /** Drops later issues at `location` (a value already reported as broken is not judged again). */
  silence(location: Location): void {
    this.silenced.add(formatLocation(location));
  }

  /** Adds an issue that already carries its location (e.g. `file:3:5: ...`). */
  addRaw(issue: string): void {
    this.items.push(issue);
  }

  /** Adds every issue of another list. */
  addAll(issues: Iterable<string>): void {
    for (const issue of issues) this.items.push(issue);
  }

  /** Every issue so far. */
  get all(): readonly string[] {
    return this.items;
  }

  /** Number of issues so far. */
  get size(): number {
    return this.items.length;
  }

  /** Throws one `ConfigError` listing every issue, when there is any. */
  throwIfAny(source: string): void {
    if (this.items.length > 0) throw configError(source, this.items);
  }
}

/**
 * The `ConfigError` for a list of issues (spec REG-012): a header naming the source and the
 * number of problems, then one line per issue.
 */
export function configError(source: string, issues: readonly string[], options: { cause?: unknown; backend?: string } = {}): ConfigError {
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  const message = `Invalid remote-store config (${source}), ${count}:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`;
  return new ConfigError(message, { issues, cause: options.cause, backend: options.backend });
}
