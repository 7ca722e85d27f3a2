
import { Store } from "../../store/store.js";
import { describeType } from "../../shared/checks/objects.js";

/** `TypeError` naming `argName` unless `value` is a `Store`. */
export function checkStore(value: unknown, argName = "store"): Store {
  if (!(value instanceof Store)) throw new TypeError(`${argName} must be a Store, got ${describeType(value)}`);
  return value;
}

/** `TypeError` naming `argName` unless `value` is a function (or absent). */
export function functionOption<T extends (...args: never[]) => unknown>(value: unknown, argName: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") throw new TypeError(`${argName} must be a function, got ${describeType(value)}`);
  return value as T;
}
