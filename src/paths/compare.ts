/**
 * Compares strings in Unicode code point order — the order of their UTF-8 bytes, which is how
 * S3 lists keys (spec ORD-001). JavaScript's `<` compares UTF-16 code units, which differs only
 * when a surrogate half meets a code unit in U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (D800..DFFF) encode code points above FFFF, so they sort after E000..FFFF.
      const xs = x <= 0xdfff;
      const ys = y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
    }
    return x - y;
  }
  return a.length - b.length;
}
