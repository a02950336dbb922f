import {tokenize} from '../metrics.js'
import {firstAtOrAbove} from './sorted.js'

/** Least share of a block's tokens found in order in the gold for the block to be content. */
export const contentShare = 0.5
/** Blocks with fewer tokens than this are too short to align alone: they must sit, whole, in the gold between their aligned neighbours. */
const shortTokens = 4
/** Tokens the aligner may skip in the gold between two matched tokens of a block. */
const maxGap = 2
/** Start positions tried per block token, from the block's first tokens. */
const maxStarts = 64
/** Of a block's first `anchorWindow` tokens, the `startTokens` rarest in the gold give the starts tried. */
const anchorWindow = 8
const startTokens = 3
/** Tokens of slack around the span between aligned neighbours where a short block may sit. */
const shortSlack = 5

/** Where a block's tokens align in the gold. */
interface Alignment {
  share: number
  start: number
  end: number
}

/** Each gold token's positions, for finding the next occurrence after a point. */
class GoldIndex {
  readonly length: number
  private readonly positions = new Map<string, number[]>()

  constructor(readonly tokens: string[]) {
    this.length = tokens.length
    tokens.forEach((token, index) => {
      const list = this.positions.get(token)
      if (list) list.push(index)
      else this.positions.set(token, [index])
    })
  }

  /** Positions of the token, in order. */
  of(token: string): number[] {
    return this.positions.get(token) ?? []
  }

  /** First position of the token at or after `from`, if any. */
  next(token: string, from: number): number | undefined {
    const list = this.positions.get(token)
    return list ? list[firstAtOrAbove(list, from)] : undefined
  }
}

/**
 * The best in-order alignment of a block's tokens in the gold: from each
 * place one of its first, rarest tokens occurs, match its tokens greedily forward,
 * skipping at most `maxGap` gold tokens between matches; the share of its
 * tokens matched, and the span they cover.
 */
function align(tokens: string[], gold: GoldIndex, after: number): Alignment {
  let best: Alignment = {share: 0, start: -1, end: -1}
  // Start from where the rarest of its first tokens occurs, a little before it for the tokens ahead of it.
  const anchors = tokens
    .slice(0, anchorWindow)
    .map((token, offset) => ({offset, positions: gold.of(token)}))
    .filter((anchor) => anchor.positions.length > 0)
    .sort((a, b) => a.positions.length - b.positions.length)
    .slice(0, startTokens)
  const starts = new Set<number>()
  for (const anchor of anchors) for (const position of anchor.positions.slice(0, maxStarts)) starts.add(Math.max(0, position - anchor.offset - 1))
  for (const start of starts) {
    let cursor = start
    let matched = 0
    let end = start
    for (const token of tokens) {
      const position = gold.next(token, cursor)
      if (position === undefined || position - cursor > maxGap) continue
      matched++
      end = position
      cursor = position + 1
    }
    const share = matched / tokens.length
    // Of equal alignments, the first after the previous block's: text repeated in the gold is read in order.
    const inOrder = start >= after && !(best.share === share && best.start >= after)
    if (share > best.share || (share === best.share && inOrder)) best = {share, start, end}
    if (share === 1 && start >= after) break
  }
  return best
}

/** Whether the tokens sit, one after another, in the gold between `from` and `to`. */
function containsRun(tokens: string[], gold: GoldIndex, from: number, to: number): boolean {
  for (let start = gold.next(tokens[0] as string, from); start !== undefined && start <= to; start = gold.next(tokens[0] as string, start + 1)) {
    if (tokens.every((token, offset) => gold.tokens[start + offset] === token)) return true
  }
  return false
}

/**
 * Label each block of a page content (true) or not, against the page's gold
 * text: a block is content when most of its tokens (`contentShare`) are found
 * in order in the gold. A short block (a heading, a list item, a menu link)
 * is content only when it sits whole in the gold between the places its
 * aligned neighbours took, so "Home" is not content because the article uses
 * the word. Blocks with no word are not content.
 */
export function labelBlocks(blockTexts: string[], goldText: string): boolean[] {
  const gold = new GoldIndex(tokenize(goldText.toLowerCase()))
  const tokens = blockTexts.map((text) => tokenize(text.toLowerCase()))
  const alignments: Array<Alignment | undefined> = []
  const labels: boolean[] = []
  let after = 0
  for (const blockTokens of tokens) {
    const alignment = blockTokens.length >= shortTokens ? align(blockTokens, gold, after) : undefined
    const content = alignment !== undefined && alignment.share >= contentShare
    alignments.push(alignment)
    labels.push(content)
    if (content) after = (alignment as Alignment).end
  }
  // Spans of the long content blocks, for placing the short ones between them.
  const endBefore: number[] = []
  let lastEnd = 0
  for (let index = 0; index < tokens.length; index++) {
    endBefore.push(lastEnd)
    if (labels[index]) lastEnd = (alignments[index] as Alignment).end
  }
  let nextStart = gold.length
  for (let index = tokens.length - 1; index >= 0; index--) {
    const blockTokens = tokens[index] as string[]
    if (labels[index]) nextStart = (alignments[index] as Alignment).start
    else if (blockTokens.length > 0 && blockTokens.length < shortTokens) {
      const from = Math.max(0, (endBefore[index] as number) - shortSlack)
      // Neighbours aligned out of order leave no span between them: the whole gold after the previous one is searched.
      labels[index] = containsRun(blockTokens, gold, from, nextStart + shortSlack >= from ? nextStart + shortSlack : gold.length)
    }
  }
  return labels
}
