import type {Transformer} from 'unified'
import {cohesion, isProse, proseShareBefore, termVector} from '../regions.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface TrailingStoriesOptions {
  /** Bare "Read more" links needed to recognise a run of teasers (default: 2). */
  minMarkers?: number
  /** Most summary blocks in one teaser (default: 4). */
  maxProseBlocks?: number
  /** Most headline and caption lines in one teaser (default: 3). */
  maxHeadlineBlocks?: number
  /** Topical cohesion with the article above which the first teaser is taken for article text (default: 0.2). */
  maxCohesion?: number
  /** Share of the article's prose that must precede a related-stories heading for it to open the tail (default: 0.5). */
  minArticleShare?: number
  /** Shortest article prose block, in characters (default: 150). */
  proseMinChars?: number
}

/** A bare "Read more" link: the lexicon's read-more rule on a block of at most this many words. */
const bareMarkerMaxWords = 4

/**
 * Remove the stories a site appends after the article. Two structures mark
 * the tail: a run of teasers (headline, caption, summary, bare "Read more"
 * link, repeated), and a related-stories heading ("More from …", "You may also
 * like", "Most viewed") placed after most of the article's prose. Teasers may
 * be on the article's own subject, so structure and position decide; topical
 * cohesion only guards the first teaser's start.
 */
export default function dechaffTrailingStories(options: TrailingStoriesOptions = {}): Transformer<Root> {
  const settings = {
    minMarkers: options.minMarkers ?? defaults.regions.teaserMinMarkers,
    maxProseBlocks: options.maxProseBlocks ?? defaults.regions.teaserMaxProseBlocks,
    maxHeadlineBlocks: options.maxHeadlineBlocks ?? defaults.regions.teaserMaxHeadlineBlocks,
    maxCohesion: options.maxCohesion ?? defaults.regions.teaserMaxCohesion,
    minArticleShare: options.minArticleShare ?? defaults.regions.recirculationMinArticleShare,
    proseMinChars: options.proseMinChars ?? defaults.regions.proseMinChars
  }
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const teaserStart = findTeaserRun(blocks, settings)
    const headingStart = findRecirculationHeading(blocks, settings)
    const starts = [teaserStart, headingStart].filter((start): start is Tail => start !== undefined)
    if (starts.length === 0) return
    const tail = starts.reduce((a, b) => (a.index <= b.index ? a : b))
    for (const block of blocks.slice(tail.index)) markRemoved(block, {ruleId: 'trailing-stories', reason: tail.reason, score: 0.8})
  }
}

interface Tail {
  index: number
  reason: string
}

type Settings = Required<TrailingStoriesOptions>

function isBareMarker(block: Block): boolean {
  return block.removal?.ruleId === 'read-more' && block.words.length <= bareMarkerMaxWords
}

/** The first block of a run of at least `minMarkers` teasers after the article's first prose. */
function findTeaserRun(blocks: Block[], settings: Settings): Tail | undefined {
  const firstProse = blocks.findIndex((block) => isProse(block, settings))
  if (firstProse === -1) return undefined
  const maxGroup = settings.maxProseBlocks + settings.maxHeadlineBlocks + 2
  const markers = blocks.flatMap((block, index) => (index > firstProse && isBareMarker(block) ? [index] : []))
  for (let at = 0; at + settings.minMarkers - 1 < markers.length; at++) {
    const run = markers.slice(at, at + settings.minMarkers)
    const spaced = run.every((marker, offset) => offset === 0 || marker - (run[offset - 1] as number) <= maxGroup)
    if (!spaced) continue
    const first = run[0] as number
    const start = firstTeaserStart(blocks, first, firstProse, settings)
    return {index: start, reason: `teaser run: ${markers.length - at} “Read more” links after the article`}
  }
  return undefined
}

/**
 * Walk back from the first "Read more" over the teaser's summary, then over its
 * headline and caption lines. Without a headline, or when the summary reads
 * like the article itself, only the link goes.
 */
function firstTeaserStart(blocks: Block[], marker: number, firstProse: number, settings: Settings): number {
  let index = marker - 1
  let summaries = 0
  while (index > firstProse && summaries < settings.maxProseBlocks) {
    const block = blocks[index] as Block
    if (block.removal || block.features.headingLike) break
    summaries++
    index--
  }
  let headlines = 0
  while (index > firstProse && headlines < settings.maxHeadlineBlocks) {
    const block = blocks[index] as Block
    if (block.removal || !(block.features.headingLike || block.features.chars < 100)) break
    headlines++
    index--
  }
  if (headlines === 0 || summaries === 0) return marker
  const start = index + 1
  const teaser = termVector(blocks.slice(start, marker))
  const article = termVector(blocks.slice(0, start).filter((block) => isProse(block, settings)))
  return cohesion(teaser, article) > settings.maxCohesion ? marker : start
}

/** A related-stories heading below most of the article's prose opens the tail. */
function findRecirculationHeading(blocks: Block[], settings: Settings): Tail | undefined {
  const shares = proseShareBefore(blocks, settings)
  const index = blocks.findIndex(
    (block, at) => block.removal?.ruleId === 'recirculation' && (shares[at] ?? 0) >= settings.minArticleShare
  )
  if (index === -1) return undefined
  return {index, reason: `below the related-stories heading “${(blocks[index] as Block).text}”`}
}
