import { ConfigError } from "../../errors/classes.js";

/**
 * The error a URL parser throws: a `ConfigError` whose issues have no location yet (the
 * registry prefixes the entry's location).
 */
export function urlError(problems: readonly string[]): ConfigError {
  return new ConfigError(problems.join("; "), { issues: problems });
}

/** Parses a URL, or adds a problem and returns `undefined`. */
export function parseUrl(text: string, problems: string[]): URL | undefined {
  try {
    return new URL(text);
  } catch {
    problems.push("is not a valid URL");
    return undefined;
  }
}

/** Query parameters as string options (spec REG-041); a parameter given twice is a problem. */
export function queryOptions(url: URL, problems: string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(options, key)) {
      problems.push(`query parameter "${key}" is given more than once`);
      continue;
    }
    Object.defineProperty(options, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return options;
}

/** Percent-decodes a URL part, or adds a problem and returns `undefined`. */
export function decodePart(part: string, what: string, problems: string[]): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    problems.push(`the ${what} has an invalid percent-escape`);
    return undefined;
  }
}
