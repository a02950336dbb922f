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

/** Per-page shingle counts of the ScrapingHub article-extraction benchmark, normalised to sum 1. */
export interface ShingleMatch {
  tp: number
  fp: number
  fn: number
}

function shingles(text: string, size: number): Map<string, number> {
  const tokens = tokenize(text)
  const counts = new Map<string, number>()
  for (let index = 0; index < Math.max(1, tokens.length - size + 1); index++) {
    const shingle = tokens.slice(index, index + size)
    if (shingle.length === 0) continue
    const key = shingle.join('\u0001')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** Compare a prediction with the gold text by 4-gram shingles of word tokens. */
export function shingleMatch(gold: string, prediction: string, size = 4): ShingleMatch {
  const expected = shingles(gold, size)
  const actual = shingles(prediction, size)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const a = expected.get(key) ?? 0
    const b = actual.get(key) ?? 0
    tp += Math.min(a, b)
    fp += Math.max(0, b - a)
    fn += Math.max(0, a - b)
  }
  const sum = tp + fp + fn
  return sum > 0 ? {tp: tp / sum, fp: fp / sum, fn: fn / sum} : {tp: 0, fp: 0, fn: 0}
}

/** One scored page. */
export interface ShinglePage extends ShingleMatch {
  precision: number
  recall: number
  /** The prediction's tokens equal the gold's. */
  exact: boolean
}

/** Score one page as the benchmark does (a perfect empty page counts 1 for both). */
export function scoreShingles(gold: string, prediction: string): ShinglePage {
  const match = shingleMatch(gold, prediction)
  const {tp, fp, fn} = match
  const precision = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp)
  const recall = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn)
  return {...match, precision, recall, exact: tokenize(gold).join(' ') === tokenize(prediction).join(' ')}
}

/** Benchmark figures over pages: macro precision and recall, F1 of the two, exact-match share. */
export function summariseShingles(pages: ShinglePage[]): Scores & {exact: number} {
  const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length)
  const precision = mean(pages.filter((page) => page.tp + page.fp > 0).map((page) => page.precision))
  const recall = mean(pages.filter((page) => page.tp + page.fn > 0).map((page) => page.recall))
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return {precision, recall, f1, exact: mean(pages.map((page) => (page.exact ? 1 : 0)))}
}
