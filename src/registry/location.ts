/** One step of a location: a table key or an array index. */
export type LocationSegment = string | number;

/** A location inside a config, as a list of keys and indexes from the config root. */
export type Location = readonly LocationSegment[];

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Formats a location as shown in issues (spec REG-011): dotted plain keys, quoted other keys,
 * `[n]` for array items, `config` for the root.
 */
export function formatLocation(location: Location): string {
  if (location.length === 0) return "config";
  let text = "";
  for (const segment of location) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** `location: message`, the form of every issue. */
export function issueAt(location: Location, message: string): string {
  return `${formatLocation(location)}: ${message}`;
}
