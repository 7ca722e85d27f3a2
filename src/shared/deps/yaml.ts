import * as yaml from "yaml";

/**
 * The YAML parser of `Registry.fromText` (spec REG-030). Call it when parsing, never at module
 * load: the build replaces this module so that Node loads it on the first call (spec PKG-006).
 */
export function library(): typeof yaml {
  return yaml;
}
