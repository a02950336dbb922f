import type {Transformer} from 'unified'
import {questionEnd} from '../block.js'
import {clockTime, isBareTimestamp} from '../dates.js'
import {guessedType, proseRuns, type ProseRun} from '../page-features.js'
import {cohesion, isProse, proseShareBefore, relativeCohesion, subjectTest, termVector} from '../regions.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved, readsAsHeading} from '../tree.js'
import type {Block, PageType, Root} from '../types.js'

export interface TrailingStoriesOptions {
  /** Bare "Read more" links needed to recognise a run of teasers (default: 2). */
  minMarkers?: number
  /** Most summary blocks in one teaser (default: 4). */
  maxProseBlocks?: number
  /** Most headline and caption lines in one teaser (default: 3). */
  maxHeadlineBlocks?: number
  /** Share of the article's prose that must precede a related-stories heading for it to open the tail (default: 0.5). */
  minArticleShare?: number
  /** Shortest article prose block, in characters (default: 150). */
  proseMinChars?: number
  /** Headline-and-summary teasers in a row, with no "Read more" links, that make a feed of other stories (default: 3). */
  minFeedTeasers?: number
  /** Longest summary of one such teaser, in characters (default: 600). */
  maxFeedSummaryChars?: number
  /** Shortest summary of one such teaser, in characters (default: 80). */
  minFeedSummaryChars?: number
  /** A teaser's summary is on another subject when it is less than this share as cohesive with the article as the article's own paragraphs are (median) (default: 0.5). */
  feedCohesionShare?: number
  /** Teasers in a row, each followed by its own date or time line, that make a news feed (default: 4). */
  minStampedTeasers?: number
  /** Longest date or time line that stamps a feed's teaser, in characters (default: 30). */
  stampMaxChars?: number
  /**
   * Prose blocks in a row that show the article resuming below a
   * related-stories heading: a teaser has one summary paragraph, so a run
   * this long is the article's own section (a sidebar's "Latest News" in
   * the middle of a dump, a section titled "More about …"), and the tail
   * ends above it; whole sentences too short to be prose between them (a
   * list's items) do not break the row, a headline does (default: 2).
   */
  resumeMinProseBlocks?: number
  /**
   * Prose blocks in a row below a related-stories heading (the run's last)
   * that are asked, read as one text, whether they are on the article's
   * subject, when its last `resumeMinProseBlocks` are not each: a resumed
   * section's anecdotes may share few words with the article above, a
   * sidebar's or a footer's prose none (default: 4).
   */
  resumeLongRunBlocks?: number
  /**
   * Share of the article's own paragraphs' median cohesion with it that such
   * a run, read as one text, must reach: lower than `feedCohesionShare`, as
   * a run's anecdotes dilute it, and still above what prose on another
   * subject reaches (default: 0.25).
   */
  resumeLongRunCohesionShare?: number
  /**
   * Page types made of teasers: on a page of one of them the classifier does
   * not run, as its teasers are the page, with no article for them to trail.
   * It still runs on a page cleaned as one of them only because, cleaned as
   * an article, it kept almost nothing (`fallback` in its page type): there
   * the stories around an error page's line or a short article's are
   * furniture (default: `['listing', 'collection']`).
   */
  teaserPageTypes?: PageType[]
  /**
   * Page types made of cards, each a heading, a line or two and a "Learn
   * more" link: on a page cleaned as an article that the page-type model
   * guessed might be one of them (`guessedType`), runs of teasers are left
   * alone, as they are more likely its cards (a service page's offers, a
   * shop category's products) than stories appended after an article; the
   * other structures of a tail still go (default: `['service',
   * 'collection']`).
   */
  cardPageTypes?: PageType[]
}

/** Removed blocks that belong inside a teaser (its image credit, alt text, date) rather than end the article. */
const teaserParts = new Set(['image-credit', 'alt-text', 'byline'])

/** A bare "Read more" link: the lexicon's read-more rule on a block of at most this many words. */
const {bareMarkerMaxWords} = defaults.trailingStories

/**
 * Remove the stories a site appends after the article. Four structures mark
 * the tail: a run of teasers (headline, caption, summary, bare "Read more"
 * link, repeated), a feed of headlines each with a one-paragraph summary on
 * another subject, a news feed whose teasers each carry a date or time line
 * of their own, and a related-stories heading ("More from …", "You may also
 * like", "Most viewed") or a references heading ("Sources", "Further
 * reading") placed after most of the article's prose; a references list ends
 * where the article's prose resumes. Teasers may
 * be on the article's own subject, so structure and position decide; topical
 * cohesion, measured against the article's own, only decides a first teaser
 * that has no headline. A table of contents' entry ("See also" in a dump's
 * contents list) opens no tail.
 */
export default function dechaffTrailingStories(options: TrailingStoriesOptions = {}): Transformer<Root> {
  const settings = {
    minMarkers: options.minMarkers ?? defaults.regions.teaserMinMarkers,
    maxProseBlocks: options.maxProseBlocks ?? defaults.regions.teaserMaxProseBlocks,
    maxHeadlineBlocks: options.maxHeadlineBlocks ?? defaults.regions.teaserMaxHeadlineBlocks,
    minArticleShare: options.minArticleShare ?? defaults.regions.recirculationMinArticleShare,
    proseMinChars: options.proseMinChars ?? defaults.regions.proseMinChars,
    minFeedTeasers: options.minFeedTeasers ?? defaults.regions.feedMinTeasers,
    maxFeedSummaryChars: options.maxFeedSummaryChars ?? defaults.regions.feedMaxSummaryChars,
    minFeedSummaryChars: options.minFeedSummaryChars ?? defaults.regions.feedMinSummaryChars,
    feedCohesionShare: options.feedCohesionShare ?? defaults.regions.feedCohesionShare,
    minStampedTeasers: options.minStampedTeasers ?? defaults.regions.stampedFeedMinTeasers,
    stampMaxChars: options.stampMaxChars ?? defaults.regions.stampMaxChars,
    resumeMinProseBlocks: options.resumeMinProseBlocks ?? defaults.regions.resumeMinProseBlocks,
    resumeLongRunBlocks: options.resumeLongRunBlocks ?? defaults.regions.resumeLongRunBlocks,
    resumeLongRunCohesionShare: options.resumeLongRunCohesionShare ?? defaults.regions.resumeLongRunCohesionShare
  }
  const teaserPageTypes = new Set<string>(options.teaserPageTypes ?? ['listing', 'collection'])
  const cardPageTypes = new Set<string>(options.cardPageTypes ?? ['service', 'collection'])
  return (tree) => {
    const pageType = tree.data?.pageType
    if (pageType && teaserPageTypes.has(pageType.type) && !pageType.fallback) return
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const cardsGuessed = cardPageTypes.has(guessedType(tree) ?? '')
    // Teasers or a feed printed above the article's body end where the body begins; the stories appended after it are looked for below.
    for (let from = 0; ; ) {
      const starts = [
        cardsGuessed ? undefined : findTeaserRun(blocks, settings, from),
        findRecirculationHeading(blocks, settings, from),
        findHeadlineFeed(blocks, settings, from),
        findStampedFeed(blocks, settings, from)
      ]
      const tail = starts.filter((start): start is Tail => start !== undefined).reduce<Tail | undefined>((a, b) => (a === undefined || b.index < a.index ? b : a), undefined)
      if (tail === undefined) return
      removeTail(blocks, tail, settings)
      if (tail.end === undefined) return
      from = tail.end
    }
  }
}

/** Remove a tail's blocks, from its opener to its end or the page's. */
function removeTail(blocks: Block[], tail: Tail, settings: Settings): void {
  for (let index = tail.index; index < (tail.end ?? blocks.length); index++) {
    const block = blocks[index] as Block
    const opener = index === tail.index
    // A references list ends where the article's prose resumes; it may sit inside the article container.
    if (tail.references && !opener && isProse(block, settings)) break
    // On an HTML page, other text inside the article container is left to the DOM hints and phrases.
    if (!tail.references && block.inArticle && !opener && !(tail.feedEnd !== undefined && index <= tail.feedEnd)) continue
    markRemoved(block, {ruleId: 'trailing-stories', reason: tail.reason, score: 0.8})
  }
}

interface Tail {
  index: number
  reason: string
  /** Opened by a references or sources heading rather than by related stories. */
  references?: boolean
  /** A time-stamped feed's last summary: its teasers go even inside the article container, which a page's main column can stretch over them. */
  feedEnd?: number
  /** Where the tail stops short of the page's end (exclusive): a teaser run above most of the article's prose ends at its last link. */
  end?: number
}

/** Blocks on each side of a heading searched for other contents entries, and how many of them, recurring below like it, make it a table of contents' entry. */
const {contentsEntrySpan, contentsMinNeighbours} = defaults.regions

/** A heading that ends in a permalink to itself ("More about forms¶", as Sphinx prints it) is one of the page's own sections, not a box of other stories. */
const sectionPermalink = /¶\s*$/u

/** Section headings that open the tail: related stories, and the article's references. */
const tailHeadings = new Set(['recirculation', 'references'])

type Settings = Required<Omit<TrailingStoriesOptions, 'teaserPageTypes' | 'cardPageTypes'>>

function isBareMarker(block: Block): boolean {
  return block.removal?.ruleId === 'read-more' && block.words.length <= bareMarkerMaxWords
}

/** The first block of a run of at least `minMarkers` teasers after the article's first prose, from block `from` on. */
function findTeaserRun(blocks: Block[], settings: Settings, from: number): Tail | undefined {
  const firstProse = blocks.findIndex((block) => isProse(block, settings))
  const maxGroup = settings.maxProseBlocks + settings.maxHeadlineBlocks + 2
  const markers = blocks.flatMap((block, index) => (index > firstProse && index >= from && isBareMarker(block) ? [index] : []))
  for (let at = 0; at + settings.minMarkers - 1 < markers.length; at++) {
    const run = markers.slice(at, at + settings.minMarkers)
    // Each teaser after the first sits between two links: at least one block, at most a teaser's worth.
    const spaced = run.every((marker, offset) => {
      if (offset === 0) return true
      const gap = marker - (run[offset - 1] as number)
      return gap > 1 && gap <= maxGroup
    })
    if (!spaced) continue
    const first = run[0] as number
    const start = firstTeaserStart(blocks, first, firstProse, settings)
    const links = `teaser run: ${markers.length - at} “Read more” links`
    // The last link of a group of spaced links with the article's body below it: a sidebar's or a menu's teasers printed above the body (the stories after the body are looked for from there on).
    const groupEnds = markers.slice(at).filter((marker, offset, rest) => offset === rest.length - 1 || (rest[offset + 1] as number) - marker > maxGroup)
    const last = groupEnds.reverse().find((end) => bodyBelow(blocks, end, settings, (index) => isBareMarker(blocks[index] as Block)))
    if (last !== undefined) return {index: start, reason: `${links} above the article's body`, end: last + 1}
    // Sections that each end in a "Read more", which with what follows them hold more of the page's sentences than the text above them, are its own (a service page's), not stories after an article.
    if (sentenceWords(blocks, start, blocks.length) > sentenceWords(blocks, 0, start)) return undefined
    return {index: start, reason: `${links} after the article`}
  }
  return undefined
}

/** Words of the sentences (blocks that end as one, no furniture) from `start` up to `end` (exclusive). */
function sentenceWords(blocks: Block[], start: number, end: number): number {
  let words = 0
  for (let index = start; index < end; index++) {
    const block = blocks[index] as Block
    if (block.features.terminal && !block.removal) words += block.features.words
  }
  return words
}

/**
 * Whether the article's body lies below block `last`: the page's longest run
 * of prose (runs broken where `breaksRun` says, as each teaser ends) is below
 * it, and most of the page's prose follows it. Teasers or a feed above it are
 * a sidebar printed first, not the stories appended after the article.
 */
function bodyBelow(blocks: Block[], last: number, settings: Settings, breaksRun: (index: number) => boolean): boolean {
  const longest = (runs: ProseRun[]): ProseRun | undefined => runs.reduce<ProseRun | undefined>((best, run) => (run.words > (best?.words ?? 0) ? run : best), undefined)
  const above = longest(proseRuns(blocks.slice(0, last + 1), breaksRun))?.words ?? 0
  const below = longest(proseRuns(blocks.slice(last + 1)))
  // A body runs over several paragraphs: one long block below (a footer's keyword list) is no article.
  return below !== undefined && below.end > below.start && below.words > above && (proseShareBefore(blocks, settings)[last + 1] ?? 1) < 1 - settings.minArticleShare
}

/**
 * Walk back from the first "Read more" over the teaser's summary, then over its
 * headline and caption lines. A summary without a headline goes only when it
 * reads less like the article than the article's own last paragraph does.
 */
function firstTeaserStart(blocks: Block[], marker: number, firstProse: number, settings: Settings): number {
  let index = marker - 1
  let summaries = 0
  while (index > firstProse && summaries < settings.maxProseBlocks) {
    const block = blocks[index] as Block
    if (block.removal ? !teaserParts.has(block.removal.ruleId) : block.features.headingLike) break
    if (!block.removal) summaries++
    index--
  }
  let headlines = 0
  while (index > firstProse && headlines < settings.maxHeadlineBlocks) {
    const block = blocks[index] as Block
    if (block.removal ? !teaserParts.has(block.removal.ruleId) : !(block.features.headingLike || block.features.chars < 100)) break
    if (!block.removal) headlines++
    index--
  }
  const start = index + 1
  if (summaries === 0) return marker
  if (headlines > 0) return start
  return readsLikeArticle(blocks, start, marker, settings) ? marker : start
}

/**
 * Whether the candidate teaser is as close to the article as the article's
 * last prose block is to the rest of it: then it is the article's own end.
 */
function readsLikeArticle(blocks: Block[], start: number, marker: number, settings: Settings): boolean {
  const article = blocks.slice(0, start).filter((block) => isProse(block, settings))
  const last = article.pop()
  if (!last || article.length === 0) return false
  const rest = termVector(article)
  const selfCohesion = cohesion(termVector([last]), rest)
  return cohesion(termVector(blocks.slice(start, marker)), termVector([...article, last])) >= selfCohesion
}

/** A related-stories or references heading below most of the article's prose, from block `from` on, opens the tail. */
function findRecirculationHeading(blocks: Block[], settings: Settings, from: number): Tail | undefined {
  const shares = proseShareBefore(blocks, settings)
  const index = blocks.findIndex(
    (block, at) =>
      at >= from &&
      tailHeadings.has(block.removal?.ruleId ?? '') &&
      (shares[at] ?? 0) >= settings.minArticleShare &&
      !sectionPermalink.test(block.text) &&
      !isContentsEntry(blocks, at)
  )
  if (index === -1) return undefined
  const heading = blocks[index] as Block
  if (heading.removal?.ruleId === 'references') return {index, reason: `below the references heading “${heading.text}”`, references: true}
  const resumes = articleResumes(blocks, index, settings)
  return {index, reason: `below the related-stories heading “${heading.text}”`, ...(resumes === undefined ? {} : {end: resumes})}
}

/**
 * Whether a heading is an entry of a table of contents ("See also" in a
 * dump's contents list) rather than the section itself: its text comes again
 * further down, and so do the texts of the entries beside it.
 */
function isContentsEntry(blocks: Block[], heading: number): boolean {
  const recursBelow = (at: number): boolean => {
    const text = blocks[at]?.normal
    return text !== undefined && text !== '' && blocks.some((block, index) => index > heading + contentsEntrySpan && block.normal === text)
  }
  if (!recursBelow(heading)) return false
  let neighbours = 0
  for (let at = heading - contentsEntrySpan; at <= heading + contentsEntrySpan; at++) if (at !== heading && recursBelow(at)) neighbours++
  return neighbours >= contentsMinNeighbours
}

/**
 * Where the article's prose resumes below a related-stories heading: the
 * first block of a run of prose not printed above whose last
 * `resumeMinProseBlocks` blocks are on the article's subject, or whose last
 * `resumeLongRunBlocks` are on it read as one text, at `resumeLongRunCohesionShare`
 * (a sidebar's "About us" is prose too, on another), or the section heading right above
 * the run. An anecdote inside the run may stray from the subject.
 */
function articleResumes(blocks: Block[], heading: number, settings: Settings): number | undefined {
  const article = blocks.slice(0, heading).filter((block) => isProse(block, settings))
  // A page that prints its article again below (a print copy) does not resume it there.
  const printed = new Set(article.map((block) => block.normal))
  let onSubject: ((...blocks: Block[]) => number) | undefined
  // Where the run's prose blocks are; a whole sentence too short to be prose (a list's item under a section's first paragraph) neither counts nor breaks it, a headline breaks it.
  let run: number[] = []
  for (let index = heading + 1; index < blocks.length; index++) {
    const block = blocks[index] as Block
    const prose = isProse(block, settings) && !printed.has(block.normal)
    if (!prose) {
      if (!(run.length > 0 && isInterlude(block, settings))) run = []
      continue
    }
    run.push(index)
    if (run.length < settings.resumeMinProseBlocks) continue
    const subject = (onSubject ??= relativeCohesion(article))
    // The run's last blocks decide, so that one paragraph on a side subject (an anecdote) does not hide the rest of the run from the test;
    // its last blocks of a section's length are read as one text, its anecdotes and its paragraphs on the subject together (only the last: a page's every block would be read again at each block of a long run).
    const lastOnSubject = run.slice(-settings.resumeMinProseBlocks).every((at) => subject(blocks[at] as Block) >= settings.feedCohesionShare)
    const sectionOnSubject = run.length >= settings.resumeLongRunBlocks && subject(...run.slice(-settings.resumeLongRunBlocks).map((at) => blocks[at] as Block)) >= settings.resumeLongRunCohesionShare
    if (!lastOnSubject && !sectionOnSubject) continue
    const first = run[0] as number
    const above = blocks[first - 1] as Block
    return first - 1 > heading && readsAsHeading(above) ? first - 1 : first
  }
  return undefined
}

/** A whole sentence of a summary's length but not prose's, kept so far: inside a resumed section, a list's item. */
function isInterlude(block: Block, settings: Settings): boolean {
  return !block.removal && block.features.terminal && block.features.chars >= settings.minFeedSummaryChars
}

/** Furniture that closes an article (its share row, tags, comment form): a feed below it is not the article's own sections. */
const articleClosers = new Set(defaults.regions.feedAfterRules)

/** A teaser of a feed: its first headline line and its one-paragraph summary. */
interface FeedTeaser {
  start: number
  summary: number
}

/** A one-paragraph summary: a sentence or more, shorter than an article's sections. */
function isSummary(block: Block, settings: Settings): boolean {
  const {chars, terminal} = block.features
  return !block.removal && chars >= settings.minFeedSummaryChars && chars <= settings.maxFeedSummaryChars && (terminal || chars >= settings.proseMinChars)
}

/** A headline, rubric or date line above a summary: short, not a summary itself, and not numbered (a listicle's sections are). */
function isHeadlineLine(block: Block, settings: Settings): boolean {
  return !block.features.listMarker && (block.features.chars < settings.minFeedSummaryChars || (block.features.headingLike && !block.features.terminal))
}

/** The teaser whose summary is block `summary`: one to `maxHeadlineBlocks` headline lines right above it, and no second paragraph below. */
function teaserAt(blocks: Block[], summary: number, settings: Settings): FeedTeaser | undefined {
  const next = blocks[summary + 1]
  if (!isSummary(blocks[summary] as Block, settings) || (next && isSummary(next, settings))) return undefined
  let start = summary
  while (start > 0 && summary - start < settings.maxHeadlineBlocks && isHeadlineLine(blocks[start - 1] as Block, settings)) start--
  return start < summary ? {start, summary} : undefined
}

/** A clock time leading a headline ("10:17 Boeing catches fire…"): a news feed's stamp, not a post's time line ("04:37 PM | Permalink"). */
const timeLed = /^\d{1,2}[:.]\d{2}\s+(?![ap]\.?m\b)\p{L}[^|•·]*$/u

/** Fewest words of a time-stamped headline: the time and three words or more, not a dateline ("10:15 pm"). */
const {stampedHeadlineMinWords} = defaults.trailingStories

/** A teaser stamped as a news feed stamps its stories: a headline line above its summary opens with the time it was posted. */
function isTimeStamped(blocks: Block[], teaser: FeedTeaser): boolean {
  return blocks.slice(teaser.start, teaser.summary).some(leadsWithTime)
}

/** A headline line led by the time it was posted ("10:17 Boeing catches fire…"). */
function leadsWithTime(line: Block): boolean {
  return line.features.words >= stampedHeadlineMinWords && timeLed.test(line.normal)
}

/** A headline line that asks a question ("Combien de brûleurs pour 4–6 personnes ?"). */
function asksQuestion(line: Block): boolean {
  return questionEnd.test(line.text)
}

const stepNumber = /^\s*\d{1,2}\.?\s*$/u

/** A line that is a number alone ("3", "03."): a step's or a section's number above its headline. */
function isStepNumber(line: Block): boolean {
  return stepNumber.test(line.text)
}

/** Whether more than half of a feed's teasers pass `test`. */
function mostOf(feed: FeedTeaser[], test: (teaser: FeedTeaser) => boolean): boolean {
  return feed.filter(test).length * 2 > feed.length
}

/** The last teaser of the feed that `teaser` belongs to: teasers follow one another, each headline right below the summary before it. */
function lastTeaserOfFeed(blocks: Block[], teaser: FeedTeaser, settings: Settings): FeedTeaser {
  let last = teaser
  for (let found = true; found; ) {
    found = false
    for (let summary = last.summary + 2; summary <= last.summary + 1 + settings.maxHeadlineBlocks && summary < blocks.length; summary++) {
      const next = teaserAt(blocks, summary, settings)
      if (next?.start === last.summary + 1) {
        last = next
        found = true
        break
      }
    }
  }
  return last
}

/**
 * A feed of other stories after the article, without "Read more" links:
 * `minFeedTeasers` teasers in a row (headline lines, one summary paragraph),
 * after an article of at least two prose paragraphs in a row and furniture
 * that closes it (a share row, tags, a comment form, a "Read more"; not an
 * advertisement or a table of contents, which sit between sections) or with
 * every headline led by the time it was posted (an article's sections carry
 * no clock times; a blog's posts carry their dates on lines of their own), most of them
 * less on the article's subject than its own paragraphs are. A listicle's
 * sections follow its introduction directly, or are numbered (a list's
 * marker, or a number alone above a headline: a process's steps), so they
 * stay; so do questions over their answers (an FAQ).
 */
function findHeadlineFeed(blocks: Block[], settings: Settings, from: number): Tail | undefined {
  // The article shows by its second paragraph in a row; a feed can only follow it.
  const secondParagraph = blocks.findIndex((block, index) => index > 0 && isProse(block, settings) && isProse(blocks[index - 1] as Block, settings))
  if (secondParagraph === -1) return undefined
  let feed: FeedTeaser[] = []
  for (let index = Math.max(secondParagraph + 1, from); index < blocks.length; index++) {
    const teaser = teaserAt(blocks, index, settings)
    if (!teaser) continue
    const previous = feed.at(-1)
    feed = previous && teaser.start === previous.summary + 1 ? [...feed, teaser] : [teaser]
    if (feed.length < settings.minFeedTeasers) continue
    const first = feed[0] as FeedTeaser
    const before = blocks.slice(0, first.start)
    const lastProse = before.findLastIndex((block) => isProse(block, settings))
    const closed = blocks.slice(lastProse + 1, first.summary).some((block) => articleClosers.has(block.removal?.ruleId ?? ''))
    if (!closed && !feed.every((item) => isTimeStamped(blocks, item))) continue
    // Questions over their answers are the page's FAQ, and numbered headlines its steps, not other stories.
    if (mostOf(feed, (item) => asksQuestion(blocks[item.summary - 1] as Block))) continue
    if (mostOf(feed, (item) => blocks.slice(item.start, item.summary).some(isStepNumber))) continue
    const onSubject = subjectTest(before.filter((block) => isProse(block, settings)), settings.feedCohesionShare)
    if (!mostOf(feed, (item) => !onSubject(blocks[item.summary] as Block))) continue
    const reason = `a feed of ${feed.length} headlines with one-paragraph summaries on other subjects after the article`
    // A feed printed above the article's body ends at its last teaser.
    const lastTeaser = lastTeaserOfFeed(blocks, feed.at(-1) as FeedTeaser, settings)
    if (bodyBelow(blocks, lastTeaser.summary, settings, (index) => index >= first.start)) return {index: first.start, reason: `a feed of ${feed.length} headlines with one-paragraph summaries on other subjects above the article's body`, end: lastTeaser.summary + 1}
    // A news ticker's stamps mark its teasers as no article's sections, even inside the article's container; a feed without them could be a thread's posts.
    if (!feed.every((item) => isTimeStamped(blocks, item))) return {index: first.start, reason}
    return {index: first.start, reason, feedEnd: lastTeaser.summary}
  }
  return undefined
}

/**
 * A news feed's stamp: a short line the metadata classifier removed that gives
 * the time a story was posted, with or without its day, and nothing else
 * ("Today, 10:55", "8 April, 16:05"). A post's stamp names its poster or says
 * "Posted"; a blog's posts are dated by the day alone.
 */
function isStampLine(block: Block, settings: Settings): boolean {
  return block.removal?.ruleId === 'byline' && block.features.chars <= settings.stampMaxChars && clockTime.test(block.normal) && isBareTimestamp(block)
}

/** How a feed's teaser carries its time: on a line of its own (`line`), or leading its headline (`lead`: the line is the teaser's first). */
function stampOf(block: Block, settings: Settings): 'line' | 'lead' | undefined {
  if (isStampLine(block, settings)) return 'line'
  return !block.removal && leadsWithTime(block) ? 'lead' : undefined
}

/** Whether the blocks of `item` have the shape of `model`: as many, short and long in the same places, none a stamp. */
function sameShape(blocks: Block[], item: number[], model: number[], settings: Settings): boolean {
  const short = (index: number): boolean => (blocks[index] as Block).features.chars < settings.minFeedSummaryChars
  return item.length === model.length && item.every((index, at) => stampOf(blocks[index] as Block, settings) === undefined && short(index) === short(model[at] as number))
}

/** The blocks between two positions (exclusive). */
function between(start: number, end: number): number[] {
  return Array.from({length: Math.max(0, end - start - 1)}, (_, offset) => start + 1 + offset)
}

/**
 * A news feed, above the article's body or after it: `minStampedTeasers`
 * teasers in a row (a headline, perhaps a summary), each with the time it was
 * posted, on a line between it and the next or leading its headline, most
 * of them newest first. A line
 * stamp may trail or lead its teaser: the feed takes the teaser on whichever
 * side of its stamps has the same shape as the teasers between them. It goes
 * when the article's body lies outside it, in a longer run of prose than any
 * of its summaries, and most of its teasers are on other subjects; a live
 * blog's updates, on its own subject, stay.
 */
function findStampedFeed(blocks: Block[], settings: Settings, from: number): Tail | undefined {
  const maxItem = settings.maxHeadlineBlocks + 1
  const kinds = blocks.map((block, index) => (index >= from ? stampOf(block, settings) : undefined))
  const stamps = kinds.flatMap((kind, index) => (kind ? [index] : []))
  // Stamps a teaser apart: a teaser between them, or one-line teasers each led by its time.
  const follows = (stamp: number, next: number): boolean => {
    const item = between(stamp, next)
    if (item.length === 0) return kinds[stamp] === 'lead' && kinds[next] === 'lead'
    return item.length <= maxItem && item.every((index) => (blocks[index] as Block).features.chars <= settings.maxFeedSummaryChars)
  }
  for (let first = 0; first < stamps.length; ) {
    let last = first
    while (last + 1 < stamps.length && follows(stamps[last] as number, stamps[last + 1] as number)) last++
    const feed = stamps.slice(first, last + 1)
    first = last + 1
    if (feed.length < settings.minStampedTeasers || !newestFirst(feed.map((stamp) => blocks[stamp] as Block))) continue
    const span = feedSpan(blocks, feed, kinds, settings)
    const body = longestBody(blocks, span.start, span.end, settings)
    const longestSummary = Math.max(...between(span.start - 1, span.end + 1).map((index) => (isProse(blocks[index] as Block, settings) ? (blocks[index] as Block).features.words : 0)))
    if (body === undefined || body.words <= longestSummary) continue
    const article = blocks.filter((block, index) => (index < span.start || index > span.end) && isProse(block, settings))
    const onSubject = subjectTest(article, settings.feedCohesionShare)
    // Each teaser's longest block: its summary, or its headline when it has none.
    const summaries = feed.slice(1).map((stamp, at) => {
      const previous = feed[at] as number
      const teaser = [...(kinds[previous] === 'lead' ? [previous] : []), ...between(previous, stamp)]
      return teaser.reduce((a, b) => ((blocks[b] as Block).features.chars > (blocks[a] as Block).features.chars ? b : a))
    })
    const offSubject = summaries.filter((index) => !onSubject(blocks[index] as Block)).length
    if (offSubject * 2 <= summaries.length) continue
    const where = span.start > body.end ? 'after the article' : "above the article's body"
    return {index: span.start, reason: `a news feed of ${feed.length} teasers, each stamped with the time it was posted, on other subjects ${where}`, end: span.end + 1, feedEnd: span.end}
  }
  return undefined
}

/** Minutes past midnight of the clock time a line gives. */
function minutesOf(block: Block): number | undefined {
  const time = /(\d{1,2})[:.](\d{2})/u.exec(block.normal)
  return time ? Number(time[1]) * 60 + Number(time[2]) : undefined
}

/** Whether the stamps mostly run newest first, as a feed lists its stories; a programme of events or a schedule runs forward in time. */
function newestFirst(stamps: Block[]): boolean {
  const times = stamps.map(minutesOf).filter((time): time is number => time !== undefined)
  const later = times.filter((time, index) => index > 0 && time > (times[index - 1] as number)).length
  return later * 2 <= times.length - 1
}

/** The feed's first and last blocks: its stamps, and the teaser beyond the first or the last stamp when it has the shape of those between them. */
function feedSpan(blocks: Block[], feed: number[], kinds: Array<'line' | 'lead' | undefined>, settings: Settings): {start: number; end: number} {
  const firstStamp = feed[0] as number
  const lastStamp = feed.at(-1) as number
  const firstItem = between(firstStamp, feed[1] as number)
  const lastItem = between(feed.at(-2) as number, lastStamp)
  const before = between(firstStamp - firstItem.length - 1, firstStamp)
  const after = between(lastStamp, Math.min(lastStamp + lastItem.length + 1, blocks.length))
  const trailing = kinds[firstStamp] === 'line' && before.length > 0 && before.every((index) => index >= 0 && kinds[index] === undefined) && sameShape(blocks, before, firstItem, settings)
  const leading = !trailing && after.length > 0 && sameShape(blocks, after, lastItem, settings)
  return {start: trailing ? (before[0] as number) : firstStamp, end: leading ? (after.at(-1) as number) : lastStamp}
}

/** The longest run of two or more prose paragraphs in a row outside blocks `start` to `end`: an article's body, not a cookie notice a rule has removed. */
function longestBody(blocks: Block[], start: number, end: number, settings: Settings): ProseRun | undefined {
  let best: ProseRun | undefined
  let run: ProseRun | undefined
  blocks.forEach((block, index) => {
    if (index >= start && index <= end) run = undefined
    else if (!isProse(block, settings)) run = undefined
    else {
      run = run ? {...run, end: index, words: run.words + block.features.words} : {start: index, end: index, words: block.features.words}
      if (run.end > run.start && run.words > (best?.words ?? 0)) best = run
    }
  })
  return best
}
