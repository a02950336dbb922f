import {defaults} from '../thresholds.js'
import {termVector} from '../regions.js'
import type {Block} from '../types.js'

/** Thresholds of the search for a text dump's headline (default: `dumpTitle` in `data/thresholds.json`). */
export interface DumpTitleThresholds {
  /** Shortest block (characters) that counts as the article's prose. */
  proseMinChars: number
  /** A prose block starts the article when another follows within this many blocks. */
  proseRunWindow: number
  /** Fewest of a headline's content words that the article's prose repeats. */
  minSharedTerms: number
  /** Smallest share of a headline's content words that the article's prose repeats. */
  minCoverage: number
  /** Longest line (characters) read as a headline when it is a question, an exclamation or two sentences. */
  headlineMaxChars: number
  /** Most words of such a line. */
  headlineMaxWords: number
}

/** Article prose for this search: a long block of sentences. */
function isProse(block: Block, thresholds: DumpTitleThresholds): boolean {
  return block.features.chars >= thresholds.proseMinChars && (block.features.terminal || block.features.sentences > 1)
}

/** A line shaped like a headline: a heading-like line, or a short question, exclamation or pair of sentences ("Fines ended. The books came back."). */
function isHeadlineShaped(block: Block, thresholds: DumpTitleThresholds): boolean {
  const {features} = block
  if (block.evidence.kind === 'paragraph' || features.listMarker || features.words === 0) return false
  return features.headingLike || (features.chars <= thresholds.headlineMaxChars && features.words <= thresholds.headlineMaxWords && (features.sentences === 2 || /[?!]["'”’)]?$/u.test(block.text)))
}

/** A breadcrumb ("Home / Blog / Headline", "Forums › Hardware"): a trail of links, not a headline. */
const trail = /\s[|›»>]\s|(?:\s\/\s.*){2}/u

/**
 * Where a text dump's headline is (-1 when none is found). A dump has no
 * `<h1>` or `<title>`, but its headline sits above the article's first
 * paragraph (the first prose block another follows closely), and it is about
 * what the article is about: of the headline-shaped lines above that
 * paragraph, the one whose content words the article's prose repeats most
 * (shared words times their share of the line's words), the first of equals.
 * A menu entry, a site name or a byline shares few or none.
 */
export function dumpTitleIndex(blocks: readonly Block[], thresholds: DumpTitleThresholds = defaults.dumpTitle): number {
  const prose = blocks.map((block) => isProse(block, thresholds))
  const start = prose.findIndex((isProseBlock, index) => isProseBlock && prose.slice(index + 1, index + 1 + thresholds.proseRunWindow).includes(true))
  const first = start === -1 ? prose.indexOf(true) : start
  if (first <= 0) return -1
  const body = termVector(blocks.filter((_, index) => prose[index] && index >= first))
  let best = -1
  let bestScore = 0
  for (let index = 0; index < first; index++) {
    const block = blocks[index] as Block
    if (!isHeadlineShaped(block, thresholds) || trail.test(block.text)) continue
    const terms = [...termVector([block]).keys()]
    const shared = terms.filter((term) => body.has(term)).length
    const coverage = terms.length === 0 ? 0 : shared / terms.length
    // Of equals, the first: the headline comes before the sections that repeat its words.
    if (shared >= thresholds.minSharedTerms && coverage >= thresholds.minCoverage && shared * coverage > bestScore) {
      best = index
      bestScore = shared * coverage
    }
  }
  return best
}
