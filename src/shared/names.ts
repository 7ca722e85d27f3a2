/** Backend and store names (spec REG-004): a letter or digit, then letters, digits, `_` or `-`. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** True when `name` is a valid backend or store name. */
export function isValidName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** The rule, for messages. */
export const NAME_RULE = `use letters, digits, "_" and "-", starting with a letter or digit`;
