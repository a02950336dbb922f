import type {Transformer} from 'unified'
import {looksLikeCode, wordsAndStopwords} from '../block.js'
import {defaults} from '../thresholds.js'
import {demoted} from '../regions.js'
import {blocksOf} from '../tree.js'
import type {Block, QualityClass, Root} from '../types.js'

export interface QualityOptions {
  /** Blocks shorter than this (characters) are `short` (default: 70). */
  lengthLow?: number
  /** Blocks longer than this with enough stopwords are `good` (default: 200). */
  lengthHigh?: number
  /** Stopword density below which a block is `bad` (default: 0.30). */
  stopwordsLow?: number
  /** Stopword density from which a block is `good` or `neargood` (default: 0.32). */
  stopwordsHigh?: number
  /** Link density above which a block is `bad` (default: 0.2). */
  maxLinkDensity?: number
  /**
   * Page-wide stopword density below which the page is taken to be in another
   * language than the stopword list's, and stopwords are not used (default: 0.12).
   */
  foreignStopwordDensity?: number
  /**
   * Fewest words of a block shorter than `lengthHigh` that is still `good`
   * because it reads as whole sentences: starts with a capital, ends with
   * sentence punctuation, has enough stopwords (default: 10).
   */
  sentenceMinWords?: number
  /**
   * Stopword density below which even a block that reads as sentences is
   * `bad`; between this and `stopwordsLow` it is `neargood` (default: 0.2).
   */
  sentenceStopwordsLow?: number
  /**
   * Fewest lines of one element, broken by `<br>` (a poem's or a hymn's
   * lines, a letter's), that are read together as a passage: a line too short
   * to judge alone takes the passage's class when the passage's joined text is
   * prose and the line reads as the page's language (enough stopwords). Lines
   * above the passage's first line long enough to judge alone (a kicker over
   * the text) are left to context, and so is every line on a page whose
   * stopwords are not used (default: 3).
   */
  passageMinLines?: number
}

/**
 * The statistical classifier, after jusText: each block gets a quality class
 * from its length, stopword density and link density. It removes nothing by
 * itself; the settle step smooths the classes with context.
 */
export default function dechaffQuality(options: QualityOptions = {}): Transformer<Root> {
  const settings = {...defaults.quality, ...options}
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    // The article's own words tell its language best; menus are often in English.
    const article = blocks.filter((block) => block.inArticle)
    const page = wordsAndStopwords(article.length > 0 ? article : blocks)
    // A language with no stopword list, or a page whose prose hardly uses the list's words, is judged on length, links and shape alone.
    const unlisted = blocks[0]?.language.stopwords.size === 0
    const foreign = unlisted || (page.words > 0 && page.stopwordDensity < settings.foreignStopwordDensity)
    const pageSettings = {...settings, stopwordsLow: foreign ? 0 : settings.stopwordsLow, stopwordsHigh: foreign ? 0 : settings.stopwordsHigh}
    const classes = blocks.map((block) => classify(block, pageSettings))
    // Without stopwords a passage's lines cannot be told from a list's.
    if (!foreign) readPassages(blocks, classes, pageSettings)
    blocks.forEach((block, index) => {
      const quality = classes[index] as Quality
      block.quality = block.inItemList
        ? {class: 'good', reason: `one of the page's repeated items (${quality.reason})`}
        : block.inArticle ? vouched(quality, block) : block.outsideArticle ? demoted(quality, 'outside the article container') : quality
    })
  }
}

/** A block's quality class with the reason for it. */
type Quality = {class: QualityClass; reason: string}

/**
 * Give the short lines of each passage (`passageMinLines` or more lines of one
 * element, none linked, no heading, none removed) the passage's class when
 * its joined text classifies as prose (`good` or `neargood`), in `classes`.
 */
function readPassages(blocks: Block[], classes: Quality[], settings: Required<QualityOptions>): void {
  for (let start = 0; start < blocks.length; ) {
    const element = (blocks[start] as Block).evidence.html?.element
    let end = start + 1
    while (element !== undefined && end < blocks.length && (blocks[end] as Block).evidence.html?.element === element) end++
    const lines = blocks.slice(start, end)
    const first = start
    start = end
    if (lines.length < settings.passageMinLines || lines.some((line) => line.removal || line.evidence.heading !== undefined || line.evidence.linkDensity > settings.maxLinkDensity)) continue
    const passage = classify(joined(lines), settings)
    if (passage.class !== 'good' && passage.class !== 'neargood') continue
    const firstLong = lines.findIndex((line) => line.features.chars >= settings.lengthLow)
    lines.forEach((line, at) => {
      if (at > firstLong && classes[first + at]?.class === 'short' && line.features.stopwordDensity >= settings.stopwordsLow) {
        classes[first + at] = {class: passage.class, reason: `a line of a ${lines.length}-line passage (${passage.reason})`}
      }
    })
  }
}

/** Lines of one passage as one block: their text, characters and words added up, stopword density by words. */
function joined(lines: Block[]): Block {
  const first = lines[0] as Block
  const last = lines[lines.length - 1] as Block
  const {words, stopwordDensity} = wordsAndStopwords(lines)
  const chars = lines.reduce((sum, line) => sum + line.features.chars, 0) + lines.length - 1
  return {
    ...first,
    text: lines.map((line) => line.text).join(' '),
    features: {...first.features, chars, words, stopwordDensity, terminal: last.features.terminal, headingLike: false, listMarker: false},
    evidence: {...first.evidence, linkDensity: 0}
  }
}

/**
 * Inside the article container the container vouches for prose: near-good
 * becomes good, and bad prose becomes near-good unless mostly links.
 */
function vouched(quality: Quality, block: Block): Quality {
  if (quality.class === 'neargood') return {class: 'good', reason: `${quality.reason}; inside the article container`}
  // Prose judged bad for its stopwords, or for links on no more than half its text (prose that cites), is near-good here.
  if (quality.class === 'bad' && block.features.words > 0 && block.evidence.linkDensity <= vouchedMaxLinkDensity) {
    return {class: 'neargood', reason: `${quality.reason}; inside the article container`}
  }
  return quality
}

/** Most of a block's text that may be linked for the article container to vouch for it. */
const {vouchedMaxLinkDensity} = defaults.quality

function classify(block: Block, settings: Required<QualityOptions>): Quality {
  const {chars, stopwordDensity} = block.features
  const {linkDensity} = block.evidence
  const density = stopwordDensity.toFixed(2)
  if (block.features.words === 0) return {class: 'bad', reason: 'no words'}
  // A heading is judged by what follows it, even when it is a link (a linked post title).
  if (block.evidence.heading !== undefined) return {class: 'short', reason: `heading (${chars} chars), judged by context`}
  if (linkDensity > settings.maxLinkDensity) {
    return {class: 'bad', reason: `link density ${linkDensity.toFixed(2)} > ${settings.maxLinkDensity}`}
  }
  if (block.features.headingLike && linkDensity === 0) {
    return {class: 'short', reason: `heading-like line (${chars} chars), judged by context`}
  }
  if (looksLikeCode(block.text) && linkDensity === 0) {
    return {class: 'short', reason: `code line (${chars} chars), judged by context`}
  }
  if (block.features.listMarker && linkDensity === 0 && !readsAsSentences(block, settings)) {
    return {class: 'short', reason: `list item (${chars} chars), judged by context`}
  }
  if (chars < settings.lengthLow) {
    return linkDensity > 0
      ? {class: 'bad', reason: `short (${chars} chars) and linked`}
      : {class: 'short', reason: `short (${chars} < ${settings.lengthLow} chars)`}
  }
  if (stopwordDensity >= settings.stopwordsHigh) {
    return chars > settings.lengthHigh || readsAsSentences(block, settings)
      ? {class: 'good', reason: `prose: ${chars} chars, stopword density ${density}`}
      : {class: 'neargood', reason: `medium prose: ${chars} chars, stopword density ${density}`}
  }
  if (stopwordDensity >= settings.stopwordsLow) {
    return {class: 'neargood', reason: `stopword density ${density} between thresholds`}
  }
  if (readsAsSentences(block, settings) && stopwordDensity >= settings.sentenceStopwordsLow) {
    return {class: 'neargood', reason: `sentences with stopword density ${density}`}
  }
  return {class: 'bad', reason: `stopword density ${density} < ${settings.stopwordsLow}`}
}

/** Starts with a capital, ends with sentence punctuation and has enough words. */
function readsAsSentences(block: Block, settings: Required<QualityOptions>): boolean {
  const {features} = block
  return features.terminal && features.startsUpper && features.words >= settings.sentenceMinWords
}
