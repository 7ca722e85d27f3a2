/**
 * The known key closest to an unknown one, when it is close enough to be a likely typo
 * (spec REG-005): equal ignoring case, `_` and `-`, or at most two edits away.
 */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  const loose = squash(unknown);
  const same = known.find((candidate) => squash(candidate) === loose);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(unknown.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(loose, squash(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (known: a, b; did you mean "x"?)`-style hint text, or `""` when there is nothing to list. */
export function knownHint(unknown: string, known: readonly string[], label = "known"): string {
  if (known.length === 0) return ` (none are accepted here)`;
  const suggestion = suggestKey(unknown, known);
  const mean = suggestion === undefined ? "" : `; did you mean ${JSON.stringify(suggestion)}?`;
  return ` (${label}: ${known.join(", ")}${mean})`;
}

function squash(text: string): string {
  return text.toLowerCase().replaceAll(/[_-]/g, "");
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
