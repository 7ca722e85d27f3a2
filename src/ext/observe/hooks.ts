import { functionOption } from "../internal/arguments.js";
import { STORE_OPERATIONS } from "../../store/wrap/operations.js";
import { describeType, isObject } from "../../shared/checks/objects.js";
import type { EventHook, ObserveHooks, StoreEvent, StoreEventStart } from "./types.js";

const KEYS = new Set(["onEvent", "on", "around", "onHookError", "now"]);
const OPERATIONS: ReadonlySet<string> = new Set(STORE_OPERATIONS);

/** Checks `observe`'s hooks (spec OBS-008): an object of functions, `on` keyed by operation names. */
export function checkHooks(hooks: unknown): ObserveHooks {
  if (!isObject(hooks)) throw new TypeError(`hooks must be an object, got ${describeType(hooks)}`);
  for (const key of Object.keys(hooks)) if (!KEYS.has(key)) throw new TypeError(`hooks.${key} is not an observe hook (known: ${[...KEYS].join(", ")})`);
  const h = hooks as Record<string, unknown>;
  for (const key of ["onEvent", "around", "onHookError", "now"]) functionOption(h[key], `hooks.${key}`);
  if (h.on !== undefined) {
    if (!isObject(h.on)) throw new TypeError(`hooks.on must be an object, got ${describeType(h.on)}`);
    for (const [operation, hook] of Object.entries(h.on)) {
      if (!OPERATIONS.has(operation)) throw new TypeError(`hooks.on.${operation} is not a Store operation`);
      functionOption(hook, `hooks.on.${operation}`);
    }
  }
  return hooks;
}

/** Delivers finished events to the hooks; a hook that throws goes to `onHookError` and nothing else changes (spec OBS-005). */
export class HookRunner {
  constructor(private readonly hooks: ObserveHooks) {}

  /** Calls `on[operation]`, then `onEvent`. */
  deliver(event: StoreEvent): void {
    const specific: EventHook | undefined = this.hooks.on?.[event.operation];
    if (specific !== undefined) this.call(specific, event);
    const onEvent = this.hooks.onEvent;
    if (onEvent !== undefined) this.call(onEvent, event);
  }

  private call(hook: EventHook, event: StoreEvent): void {
    try {
      hook(event);
    } catch (error) {
      this.report(error, event);
    }
  }

  /** Runs `hook`, sending what it throws to `onHookError` (whose own errors are dropped). */
  guard(hook: () => void, event: StoreEventStart): void {
    try {
      hook();
    } catch (error) {
      this.report(error, event);
    }
  }

  private report(error: unknown, event: StoreEventStart): void {
    try {
      this.hooks.onHookError?.(error, event);
    } catch {
      // onHookError itself failed: nothing is left to tell.
    }
  }
}
