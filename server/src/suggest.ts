/**
 * "Did you mean": the known word nearest to a misspelt one, for settings and options. Nearness is
 * the optimal string alignment distance (insertions, deletions, substitutions and swaps of two
 * neighbours each cost 1), case-insensitive; a known word the input begins (`info` → `information`)
 * is near too.
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= y.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] ?? [];
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[x.length]?.[y.length] ?? 0;
}

/** The known word `input` most likely stands for, or undefined when none is near enough. */
export function didYouMean(input: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const word of known) {
    if (word === input) return undefined;
    const d = input.length >= 3 && word.toLowerCase().startsWith(input.toLowerCase()) ? 1 : editDistance(input, word);
    if (d <= limit && d < bestDistance) {
      best = word;
      bestDistance = d;
    }
  }
  return best;
}
