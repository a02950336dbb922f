/** Word tokens as the ScrapingHub benchmark counts them: runs of letters, digits and `_`. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? []
}

/** Precision, recall and F1 of an output against its expected text. */
export interface Scores {
  precision: number
  recall: number
  f1: number
}

/** Counts behind a score, so scores can be summed over pages. */
export interface Overlap {
  matched: number
  actual: number
  expected: number
}

/** Bag-of-words overlap of two texts. */
export function tokenOverlap(actual: string, expected: string): Overlap {
  const counts = new Map<string, number>()
  const expectedTokens = tokenize(expected)
  for (const token of expectedTokens) counts.set(token, (counts.get(token) ?? 0) + 1)
  const actualTokens = tokenize(actual)
  let matched = 0
  for (const token of actualTokens) {
    const left = counts.get(token) ?? 0
    if (left > 0) {
      matched++
      counts.set(token, left - 1)
    }
  }
  return {matched, actual: actualTokens.length, expected: expectedTokens.length}
}

/** Scores from overlap counts; an empty output of an empty expectation is perfect. */
export function scoresOf(overlap: Overlap): Scores {
  const precision = overlap.actual === 0 ? (overlap.expected === 0 ? 1 : 0) : overlap.matched / overlap.actual
  const recall = overlap.expected === 0 ? (overlap.actual === 0 ? 1 : 0) : overlap.matched / overlap.expected
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {precision, recall, f1}
}
