import * as zod from "zod";

/**
 * zod, the registry's schema library (spec REG-020). Call it when validating, never at module
 * load: the build replaces this module so that Node loads zod on the first call (spec PKG-006).
 */
export function library(): typeof zod {
  return zod;
}
