/** The closest of `options` to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, options: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const list = [...options];
  const prefixed = list.filter((o) => lower.length >= 3 && o.toLowerCase().startsWith(lower)).sort((a, b) => a.length - b.length);
  if (prefixed.length > 0) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of list) {
    const d = distance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** ` (did you mean "x"?)`, or `` when nothing is close. */
export function didYouMean(word: string, options: Iterable<string>): string {
  const match = closest(word, options);
  return match ? ` (did you mean "${match}"?)` : '';
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
