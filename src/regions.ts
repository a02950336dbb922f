import {textLength} from './block.js'
import {defaults} from './thresholds.js'
import type {Block, QualityClass} from './types.js'

/** Thresholds that say what counts as article prose when finding regions. */
export interface ProseThresholds {
  /** Shortest prose block, in characters. */
  proseMinChars: number
}

/** Article prose: a long block the quality classifier judged good or near-good, not removed. */
export function isProse(block: Block, thresholds: ProseThresholds): boolean {
  const quality = block.quality?.class
  return !block.removal && block.features.chars >= thresholds.proseMinChars && (quality === 'good' || quality === 'neargood')
}

/** Minimum words of a short block that reads as a whole sentence. */
const sentenceMinWords = defaults.regions.shortSentenceMinWords

/** Stopword density from which a short sentence reads as the article's rather than a label's. */
const sentenceMinStopwords = defaults.regions.shortSentenceMinStopwords

/** A short block that is a whole sentence with function words: likely a line of the article. */
export function readsAsSentence(block: Block): boolean {
  const {features} = block
  return features.terminal && features.startsUpper && features.words >= sentenceMinWords && features.stopwordDensity >= sentenceMinStopwords
}

/** For each block, the share of the page's prose characters that come before it. */
export function proseShareBefore(blocks: Block[], thresholds: ProseThresholds): number[] {
  const total = blocks.reduce((sum, block) => sum + (isProse(block, thresholds) ? block.features.chars : 0), 0)
  const shares: number[] = []
  let before = 0
  for (const block of blocks) {
    shares.push(total === 0 ? 0 : before / total)
    if (isProse(block, thresholds)) before += block.features.chars
  }
  return shares
}

/** Content-word counts of some blocks: words of three or more letter units (one Chinese character is three) that are not stopwords, plurals folded. */
export function termVector(blocks: Block[]): Map<string, number> {
  const vector = new Map<string, number>()
  for (const block of blocks) {
    for (const word of block.words) {
      if (textLength(word) < 3 || block.language.stopwords.has(word) || !/^\p{L}/u.test(word)) continue
      const term = word.replace(/'s$/, '').replace(/(?<=[^s])s$/, '')
      vector.set(term, (vector.get(term) ?? 0) + 1)
    }
  }
  return vector
}

/** Cosine similarity of two term vectors: topical cohesion, 0 (unrelated) to 1. */
export function cohesion(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0
  let normA = 0
  let normB = 0
  for (const [term, count] of a) {
    normA += count * count
    dot += count * (b.get(term) ?? 0)
  }
  for (const count of b.values()) normB += count * count
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

/**
 * How cohesive some blocks, read as one text, are with some paragraphs, as
 * a share of the paragraphs' own median cohesion with the whole of them.
 * Relative, so it holds in any language and for any length of article.
 */
export function relativeCohesion(paragraphs: Block[]): (...blocks: Block[]) => number {
  const whole = termVector(paragraphs)
  const own = paragraphs.map((paragraph) => cohesion(termVector([paragraph]), whole)).sort((a, b) => a - b)
  const median = own[Math.floor(own.length / 2)] ?? 0
  return (...blocks) => (median === 0 ? Infinity : cohesion(termVector(blocks), whole) / median)
}

/** Whether a block is on the subject of some paragraphs: its relative cohesion with them at least `share`. */
export function subjectTest(paragraphs: Block[], share: number): (block: Block) => boolean {
  const relative = relativeCohesion(paragraphs)
  return (block) => relative(block) >= share
}

/**
 * Outside the article every class drops a step: likely boilerplate, left to
 * context; a short line there is not rescued by a good neighbour.
 */
export function demoted(quality: {class: QualityClass; reason: string}, where: string): {class: QualityClass; reason: string} {
  const lower: Record<QualityClass, QualityClass> = {good: 'neargood', neargood: 'short', short: 'bad', bad: 'bad'}
  return {class: lower[quality.class], reason: `${quality.reason}; ${where}`}
}
