import type { WatchEvent } from "../../contract/watch.js";
import { humanSize } from "./size.js";

/**
 * One line for a change event (spec CLI-059): `<type> <kind> <path>`, the old path of a move
 * (`moved file new.txt (from old.txt)`), and a file's size. `shown` renders a store path.
 */
export function eventLine(event: WatchEvent, shown: (path: string) => string): string {
  if (event.type === "overflow") return `overflow ${event.dropped} events dropped (re-read the folder)`;
  const from = event.from === undefined ? "" : ` (from ${shown(event.from)})`;
  const size = event.size === undefined ? "" : ` ${humanSize(event.size)}`;
  return `${event.type} ${event.kind} ${shown(event.path)}${from}${size}`;
}

/** The event as a JSON line's value (spec CLI-059): `modifiedAt` as an ISO string, absent fields left out. */
export function eventJson(event: WatchEvent): Record<string, unknown> {
  if (event.type === "overflow") return { type: "overflow", dropped: event.dropped };
  const { type, kind, path, from, size, modifiedAt } = event;
  return { type, kind, path, ...(from === undefined ? {} : { from }), ...(size === undefined ? {} : { size }), ...(modifiedAt === undefined ? {} : { modifiedAt: modifiedAt.toISOString() }) };
}
