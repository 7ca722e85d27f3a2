import fc from "fast-check";

/** Tokens that attack path handling: traversal, encodings, separators, NUL, Unicode variants, drive letters. */
export const HOSTILE_TOKENS = [
  "..", ".", "%2e%2e", "%2e", "\\", "/", "\0", "a", "b", "é", "e\u0301", "😀", "C:", "~", "",
  // names of the sentinels and of the root, so paths aim at them
  "jail", "inner", "inner-sibling", "outside.txt", "x.txt", "in.txt", "sub",
] as const;

const TOKEN: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...HOSTILE_TOKENS.filter((t) => t !== "\0")) },
  { weight: 1, arbitrary: fc.constant("\0") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
);

/** Paths that exist inside the root (or get written), dressed in harmless spellings, so operations also succeed. */
const NEAR_MISS: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "/", "./", "\\", ".//", "/./"),
    fc.constantFrom("in.txt", "sub/x.txt", "a/b", "sub", "a", "new.txt", "d/new.txt", "sub\\x.txt"),
    fc.constantFrom("", "/", "/.", "\\"),
  )
  .map((parts) => parts.join(""));

/** A hostile path: tokens concatenated (separators are tokens too), or a near miss of a real path. */
export const HOSTILE_PATH: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(TOKEN, { maxLength: 8 }).map((tokens) => tokens.join("")) },
  { weight: 2, arbitrary: NEAR_MISS },
);

/** A hostile glob pattern: hostile tokens mixed with glob syntax. */
export const HOSTILE_PATTERN: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: TOKEN }, { weight: 2, arbitrary: fc.constantFrom("*", "**", "?", "{", "}", ",", "[", "]", "!", "{..,a}", "{.,jail}") }), {
    maxLength: 8,
  })
  .map((tokens) => tokens.join(""));

/** Marker the test never writes: any read that returns it came from outside the root. */
export const SENTINEL_MARK = "SENTINEL-OUTSIDE";

/** Files outside `jail/inner`; each content is unique and carries {@link SENTINEL_MARK}. */
export const OUTSIDE_FILES: Readonly<Record<string, string>> = {
  "outside.txt": `${SENTINEL_MARK}-1`.padEnd(1001, "1"),
  "jail/outside.txt": `${SENTINEL_MARK}-2`.padEnd(1002, "2"),
  "jail/inner-sibling/x.txt": `${SENTINEL_MARK}-3`.padEnd(1003, "3"),
  "jail/inner.txt": `${SENTINEL_MARK}-4`.padEnd(1004, "4"),
  "jail/innerx/in.txt": `${SENTINEL_MARK}-5`.padEnd(1005, "5"),
  "a/b": `${SENTINEL_MARK}-6`.padEnd(1006, "6"),
};

/** Files inside `jail/inner` at the start. */
export const INSIDE_FILES: Readonly<Record<string, string>> = {
  "jail/inner/in.txt": "inside one",
  "jail/inner/sub/x.txt": "inside two",
  "jail/inner/a/b": "inside three",
};

/** The root every hostile call goes through. */
export const ROOT = "jail/inner";

/** What the spec says a path normalises to (PATH-002..PATH-007), or `undefined` when it is invalid. */
export function modelNormalize(raw: string): string | undefined {
  if (raw.includes("\0")) return undefined;
  const segments = raw.replaceAll("\\", "/").split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) return undefined;
  return segments.join("/");
}

/** Joins a root and a normalised store-relative path. */
export function under(root: string, relative: string): string {
  if (root === "") return relative;
  return relative === "" ? root : `${root}/${relative}`;
}

/** True when `path` is a normalised, non-root, store-relative path. */
export function isNormalisedRelative(path: string): boolean {
  return path !== "" && modelNormalize(path) === path;
}
