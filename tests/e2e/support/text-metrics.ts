/** Character error rate: Levenshtein distance over the reference length, whitespace runs folded. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const a = [...normalise(reference)];
  const b = [...normalise(hypothesis)];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return a.length === 0 ? (b.length === 0 ? 0 : 1) : previous[b.length]! / a.length;
}
