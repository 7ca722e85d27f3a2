import { knownHint } from "../text/suggest.js";

/**
 * Throws a `TypeError` for the first key of `options` that is not in `known` (spec ST-093): the
 * message names the key, the known ones, and the closest as a likely typo — `options.overwirte is
 * not a known option (known: overwrite; did you mean "overwrite"?)`. The one check of option keys
 * for the Store, the backends' constructors and the extensions.
 */
export function checkOptionKeys(options: object, known: readonly string[], argName = "options"): void {
  for (const key in options) {
    if (!known.includes(key)) throw new TypeError(`${argName}.${key} is not a known option${knownHint(key, known)}`);
  }
}
