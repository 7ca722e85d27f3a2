import { isRemoteStoreError } from "../errors/remote-store-error.js";
import { observe } from "../ext/observe/observe.js";
import type { StoreEvent } from "../ext/observe/types.js";
import type { Store } from "../store/store.js";
import type { CliOutput } from "./io.js";

/** One line of `--trace` (spec CLI-004): `trace: <operation> <path>[ -> <to>] <ms> ms[ <n> B][ <n> items][ <CODE>]`. */
export function traceLine(event: StoreEvent): string {
  const parts = ["trace:", event.operation];
  if (event.path !== undefined) parts.push(JSON.stringify(event.path));
  if (event.to !== undefined) parts.push("->", JSON.stringify(event.to));
  parts.push(`${event.durationMs.toFixed(2)} ms`);
  if (event.bytes !== undefined) parts.push(`${event.bytes} B`);
  if (event.items !== undefined) parts.push(`${event.items} items`);
  if (event.error !== undefined) parts.push(isRemoteStoreError(event.error) ? event.error.code : event.error.name);
  return parts.join(" ");
}

/** What `--trace` does to every store a command opens: observe it, one line per operation on `stderr`. */
export function tracer(stderr: CliOutput): (store: Store) => Store {
  const onEvent = (event: StoreEvent): void => void stderr.write(`${traceLine(event)}\n`);
  return (store) => observe(store, { onEvent });
}
