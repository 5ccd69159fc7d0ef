/** The closest candidate to a misspelt name, or undefined when nothing is close enough. */
export function nearest(input: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  // Allow about one edit in three characters (Chinese names are short: one wrong character of two).
  const limit = Math.max(1, Math.floor(Math.max([...input].length, [...best].length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** The nearest candidate when it is near enough and no other candidate is as near; else undefined. */
export function nearestUnique(input: string, candidates: string[]): string | undefined {
  const best = nearest(input, candidates);
  if (best === undefined) return undefined;
  const distance = editDistance(input.toLowerCase(), best.toLowerCase());
  const ties = candidates.filter((candidate) => editDistance(input.toLowerCase(), candidate.toLowerCase()) === distance);
  return ties.length === 1 ? best : undefined;
}

/** Edit distance where swapping two neighbouring characters counts as one edit ("titel" → "title"). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}
