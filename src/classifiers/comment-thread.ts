import type {Transformer} from 'unified'
import {quotedStart} from '../block.js'
import {commentHeaderWords as headerWords, opensWithCommentCount} from '../comment-headers.js'
import data from '../data/comments.json' with {type: 'json'}
import {guessedType, proseRuns, type ProseRun} from '../page-features.js'
import {isProse, proseShareBefore} from '../regions.js'
import {isDatedByline, startsLikeByline} from '../dates.js'
import {anyOf} from '../lexicon.js'
import {defaults} from '../thresholds.js'
import {blocksOf, claimForComments, markRemoved} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface CommentThreadOptions {
  /** Comment author lines or buttons needed after the start for a thread (default: 2). */
  minMarkers?: number
  /** Shortest article prose block, in characters (default: 150). */
  proseMinChars?: number
  /**
   * Share of the page's prose that must precede a comment form's field
   * ("Email", "Name (required)"), a button ("Share", "Reply") or a dateline
   * ("April 5, 2018 | 6:00 PM") for it to start the thread; a header that
   * names comments, or a commenter's name line, needs none (default: 0.5).
   */
  minArticleShare?: number
  /**
   * Pages the page-type model cleaned as articles but guessed might be
   * forum threads (`guessedType`: it doubted a forum, or ranked one second
   * with some confidence): a thread that starts at a poster's line, not a comment header, is
   * the page's own posts when the text above it (the opening post) has at
   * most this many times the words of the thread's longest post; an article
   * above its comments is many times longer than any comment. The same
   * ratio, against the thread's median post, tells a blog post the model
   * took for a forum (its long thread of comments looks like one) from a
   * forum thread, under a header counting comments (default: 3).
   */
  openingPostMaxRatio?: number
  /**
   * A thread confirmed only by datelines (no commenter's lines) under a bare
   * "Comments" label (no count, no dateline at once) does not start above
   * the longest run of prose below it when that run has at least this many
   * times the words of the longest run above the label: a feed of dated
   * headlines under a "Comments" tab looks like a dated thread, and the
   * article below it is the page's main text. The same ratio tells a
   * header naming comments that sits above the article ("124 Comments" in
   * its head, linking to the thread far below): when the prose between the
   * header and the first commenter's line or dateline under it has at least
   * this many times the words of the prose above the header, the thread
   * starts further down (default: 2).
   */
  mainRunMinRatio?: number
  /**
   * Share of the page's prose that must precede a header naming comments
   * ("No comments:", "Leave a Reply") for it to end the article with no
   * commenter's line under it: an empty thread or a lone form closes the
   * post, and what follows is the site's sidebar and footer, which a text
   * dump runs on without a break. A header among share buttons ("Print",
   * "Email", "Comments") is a toolbar's link and ends nothing (default: 0.9).
   */
  closingHeaderMinShare?: number
  /**
   * A button or a dateline starts a thread above most of the article's prose
   * when such commenter's lines recur at least this many times, a comment's
   * words between each two: a short article's long thread holds most of the
   * page's prose (default: 4).
   */
  seriesMinPosts?: number
}

const authorLine = new RegExp(anyOf(data.authorLines), 'u')
const buttonLine = new RegExp(anyOf(data.buttonLines), 'u')
const datelineStart = new RegExp(data.datelineStart, 'u')
/** Longest commenter's line or button (characters); most blocks between a comment count and the thread's first poster line. */
const {markerMaxChars, headerMaxDistance} = defaults.commentThread
/** What tells a dated feed's item heads from commenters' lines (see `headsDatedFeed`). */
const {feedItemMinShare, feedSummaryMaxDistance} = defaults.commentThread
const {feedMinSummaryChars} = defaults.regions

/**
 * Remove a comment or reply thread below the article. The thread starts at a
 * comment header ("5 thoughts on …", "Comments") or a commenter's line after
 * the article's first prose (under a short article with no long prose, at a
 * header with a commenter's line at once), and is confirmed by further
 * commenter lines ("Jane says:", "Reply", forum poster statistics) or by the
 * bylines and datelines that head each comment (under a header that counts
 * its comments, "Reader Comments (4)", any of them, heading or signing each
 * comment), or by its place: a header
 * naming comments below nearly all of the article's prose ends the article
 * without them (an empty thread, a lone reply form). From there to the end of
 * the page every block is part of the thread. Lines that also sit in an article's
 * own header (a share row's buttons, a form field, a dateline) start a thread
 * only below most of the article's prose. On a forum page the posts are the
 * page's content: only a header that opens with a count of comments ("137
 * comments… read them below", "45 Responses to …") starts a thread there,
 * over posts the text above it outweighs many times (a blog post over its
 * comments, which the model took for a forum).
 */
export default function dechaffCommentThread(options: CommentThreadOptions = {}): Transformer<Root> {
  const minMarkers = options.minMarkers ?? defaults.regions.commentMinMarkers
  const proseMinChars = options.proseMinChars ?? defaults.regions.proseMinChars
  const minArticleShare = options.minArticleShare ?? defaults.regions.commentWeakStartMinArticleShare
  const openingPostMaxRatio = options.openingPostMaxRatio ?? defaults.commentThread.openingPostMaxRatio
  const mainRunMinRatio = options.mainRunMinRatio ?? defaults.commentThread.mainRunMinRatio
  const closingHeaderMinShare = options.closingHeaderMinShare ?? defaults.commentThread.closingHeaderMinShare
  const seriesMinPosts = options.seriesMinPosts ?? defaults.commentThread.seriesMinPosts
  return (tree) => {
    // A forum's replies under its opening post look like an article's comments; only a page the model thought might be a forum is asked.
    const typedForum = tree.data?.pageType?.type === 'forum'
    const forumGuessed = guessedType(tree) === 'forum'
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const firstProse = blocks.findIndex((block) => isProse(block, {proseMinChars}))
    if (firstProse === -1) return
    const buttonAt = blocks.map((block) => isCommentLine(block, buttonLine))
    const firstNumbered = firstNumberedAt(blocks, buttonAt)
    const authorAt = blocks.map((block, index) => buttonAt[index] === true || isCommentLine(block, authorLine))
    // A commenter's line, or a dated byline heading a comment ("Jane Doe", then "March 3, 2017 at 4:12 pm").
    const markerAt = blocks.map((block, index) => authorAt[index] === true || isDatedByline(block))
    const remainingAuthors = countFromEnd(authorAt)
    const remainingMarkers = countFromEnd(markerAt)
    const shares = proseShareBefore(blocks, {proseMinChars})
    const lastKept = blocks.findLastIndex((block) => !block.removal)
    // Each dated or headed item of a feed or a thread is a run of its own.
    const runs = proseRuns(blocks, (index) => markerAt[index] === true || blocks[index]?.evidence.heading !== undefined)
    const itemCounts = itemCommentCounts(blocks, proseMinChars)
    // Read once, from the end, the first time a button or a dateline above most of the prose asks.
    let seriesCounts: number[] | undefined
    const headsPostSeries = (index: number): boolean => ((seriesCounts ??= postSeriesFromEnd(blocks, authorAt))[index] ?? 0) >= seriesMinPosts
    // A short article (a photo and a line) may have no long prose above its comments: there a header naming comments with a commenter's line at once ("111 Responses to …", then "Marrije Says:") still starts the thread.
    const shortArticleHeader = blocks.findIndex((block, index) => index > 0 && index < firstProse && isShortArticleHeader(blocks, authorAt, buttonAt, index, {minMarkers, proseMinChars}))
    for (let index = shortArticleHeader === -1 ? firstProse + 1 : shortArticleHeader; index < blocks.length; index++) {
      const block = blocks[index] as Block
      // Above the first long prose only that header is asked; a count under every teaser of a front page ("0 comments", "14 comments") heads no thread.
      if ((index <= firstProse && index !== shortArticleHeader) || itemCounts.has(index)) continue
      // A share row's "Share" or "Email", or the article's dateline, starts no thread: buttons, form fields and datelines must follow most of the prose.
      const belowArticle = (shares[index] ?? 0) >= minArticleShare
      const header = block.removal?.ruleId === 'comment-form' && !isTabLabel(blocks, index) && (namesComments(block) || belowArticle)
      // "By Jane Doe on March 3, 2017" may be the article's own byline under a lone blurb: it confirms a thread, never starts one.
      const weak = buttonAt[index] === true || datelineStart.test(block.normal)
      // Or they recur, each over or under a comment's words, as a thread's post heads do: a short article's long thread holds most of the page's prose.
      const commenter = authorAt[index] && !startsLikeByline(block) && (!weak || (belowArticle && markerFollows(blocks, markerAt, index)) || headsPostSeries(index))
      if (!(header || commenter)) continue
      // A forum's post heads and buttons are its posts' own ("Reply", "#2 · Jan 3, 2024"), and so are headers such as "Show more replies".
      if (typedForum && !(header && opensWithCommentCount(block.words))) continue
      // "#12" under "#11" is a ranked list's next entry, or the next post of a thread that would have started at its first number.
      if (!header && continuesNumbering(block, index, firstNumbered)) continue
      if (!header && headsDatedFeed(blocks, markerAt, buttonAt, index, minMarkers)) continue
      if (lastKept <= index) return
      const namesFollow = header && commenterNamesFollow(blocks, index, minMarkers)
      const markersRemain = (remainingMarkers[index] ?? 0) >= minMarkers
      // Commenters' names, their lines or the datelines heading each comment, below the start.
      const confirmed = namesFollow || (markersRemain && ((remainingAuthors[index] ?? 0) >= minMarkers || (header && (countsComments(block) || datelinesConfirm(blocks, markerAt, remainingMarkers, index, minMarkers)) && !headsFeedAboveMainRun(blocks, markerAt, runs, index, mainRunMinRatio))))
      // Without them, a header that ends the article with no comment under it.
      const closesArticle = !confirmed && header && (shares[index] ?? 0) >= closingHeaderMinShare && namesComments(block) && !amongShareButtons(blocks, index)
      if (!confirmed && !closesArticle) {
        if (!markersRemain) return
        continue
      }
      // "124 Comments" in the article's header links to a thread far below: the article's prose runs between it and the thread's first commenter.
      if (header && !commenter && !namesFollow && articleFollowsHeader(blocks, markerAt, index, firstProse, {proseMinChars, ratio: mainRunMinRatio})) continue
      if ((typedForum || (forumGuessed && !header && !commentCountAbove(blocks, authorAt, index))) && isForumThread(blocks, authorAt, firstProse, index, {minPosts: minMarkers, openingPostMaxRatio, against: typedForum ? 'median' : 'longest'})) return
      const start = quotedStart(block.text)
      // A header naming comments with commenters' lines under it ("Comments", then "Posted by: Jane at …") is a thread even inside the article's container: a blog's post wrapper often holds its comments.
      const namedThread = header && namesComments(block) && (namesFollow || (remainingAuthors[index] ?? 0) >= minMarkers)
      // A header that ends the article with no comment under it heads what the page runs on into, not a thread: the reason says so.
      const reason = closesArticle ? `below “${start}”, a comment section with no comment under it that ends the article` : `inside the comment thread that starts at “${start}”`
      for (const later of blocks.slice(index)) {
        // Otherwise, on an HTML page the article container outranks a guess from text (datelines under a "Commentary" section's label): its blocks are left to the DOM hints.
        if (later.inArticle && !namedThread) continue
        claimForComments(later)
        markRemoved(later, {ruleId: 'comment-thread', reason, score: 0.8, comment: true})
      }
      return
    }
  }
}

/**
 * For each commenter's line or button, how many posts of its series run
 * from it to the end: the same line (its digits and words folded up to its
 * last digit, "January 14, 2012 - 10:44am Jane Doe" as "Jane Roe"'s on
 * another day), each dated or within `seriesDateDistance` blocks under a
 * dateline, counted again each time a comment's words (a kept block of
 * `nameLineMinWordsBelow` words or more that reads as no heading) lie
 * between it and the one before. An article's share buttons and a ranked
 * list's numbers are dated by nothing (0); its own dateline heads no series.
 * One pass from the end, each line's shape read once.
 */
function postSeriesFromEnd(blocks: Block[], authorAt: boolean[]): number[] {
  const counts = blocks.map(() => 0)
  // Per shape, the series count at its nearest line below and how many comment blocks lay below that line.
  const below = new Map<string, {count: number; bodies: number}>()
  let bodies = 0
  for (let index = blocks.length - 1; index >= 0; index--) {
    const body = isCommentBody(blocks[index] as Block)
    const shape = authorAt[index] ? postShape(blocks, index) : undefined
    if (body) bodies++
    if (shape === undefined) continue
    const next = below.get(shape)
    // The blocks strictly between this line and the next of its shape: the ones counted since, less this line itself.
    const count = next === undefined ? 1 : next.count + (bodies - (body ? 1 : 0) > next.bodies ? 1 : 0)
    counts[index] = count
    below.set(shape, {count, bodies})
  }
  return counts
}

/** A comment's words: a kept block of `nameLineMinWordsBelow` words or more that reads as no heading. */
function isCommentBody(block: Block): boolean {
  return !block.removal && !block.features.headingLike && block.features.words >= nameLineMinWordsBelow
}

/** A dated post line's shape: its text up to its last digit, digits and words folded ("a 0, 0 - 0:0"); an undated one's text, when a dateline sits just above it. */
function postShape(blocks: Block[], index: number): string | undefined {
  const text = (blocks[index] as Block).normal
  const lastDigit = text.search(/\d\D*$/u)
  if (lastDigit !== -1 && datelineStart.test(text)) return text.slice(0, lastDigit + 1).replace(/\d+/gu, '0').replace(/\p{L}+/gu, 'a')
  const dated = blocks.slice(Math.max(0, index - seriesDateDistance), index).some((above) => isDatedByline(above) || datelineStart.test(above.normal))
  return dated ? text : undefined
}

/** A block beside a share row's button: "Comments" in "Print · Email · Share · Comments" links to the thread, wherever it is. */
function amongShareButtons(blocks: Block[], index: number): boolean {
  return [blocks[index - 1], blocks[index + 1]].some((other) => other?.removal?.ruleId === 'share-row')
}

/** A post's or an entry's number alone on a line: "#12", "Post #12". */
const numberLine = /^(?:post )?#(\d{1,5})$/u

/** Where each number first stands alone on a button line ("#3"), by number. */
function firstNumberedAt(blocks: Block[], buttonAt: boolean[]): Map<number, number> {
  const found = new Map<number, number>()
  blocks.forEach((block, index) => {
    const number = buttonAt[index] ? numberLine.exec(block.normal)?.[1] : undefined
    if (number !== undefined && !found.has(Number(number))) found.set(Number(number), index)
  })
  return found
}

/** Whether a numbered line ("#12") follows the number before it ("#11") further up the page. */
function continuesNumbering(block: Block, index: number, firstNumbered: Map<number, number>): boolean {
  const number = numberLine.exec(block.normal)?.[1]
  if (number === undefined || Number(number) < 2) return false
  const previous = firstNumbered.get(Number(number) - 1)
  return previous !== undefined && previous < index
}

/** A short line matching a thread-line pattern (a commenter's name line, poster statistics, a comment's button). */
function isCommentLine(block: Block, pattern: RegExp): boolean {
  // A heading ("Verizon Is Said to Be Near a Deal… July 22") is a headline, never a commenter's line.
  return block.evidence.heading === undefined && block.features.chars <= markerMaxChars && pattern.test(block.normal)
}

/** Most kept blocks between a comment header and a dateline that confirms it; most words of a tab or menu label. */
const {headerMaxLead, tabLabelMaxWords, itemCountsMin, seriesDateDistance} = defaults.commentThread

/**
 * Whether a thread starting at `start` is a forum's replies under its opening
 * post rather than comments under an article: it holds at least `minPosts`
 * posts (runs of kept words between poster lines and buttons), and the kept
 * text from the first prose block to the start is no longer than
 * `openingPostMaxRatio` times the longest of them, or, `against` its typical
 * (median) post, on a page the model took for a forum: a blog post's long
 * thread holds a comment or two as long as a short post.
 */
function isForumThread(blocks: Block[], authorAt: boolean[], firstProse: number, start: number, limits: {minPosts: number; openingPostMaxRatio: number; against: 'longest' | 'median'}): boolean {
  const posts: number[] = []
  let words = 0
  for (let index = start; index <= blocks.length; index++) {
    const block = blocks[index]
    if (block === undefined || authorAt[index]) {
      if (words > 0) posts.push(words)
      words = 0
    } else if (!block.removal) {
      words += block.features.words
    }
  }
  if (posts.length < limits.minPosts) return false
  posts.sort((a, b) => a - b)
  const post = limits.against === 'median' ? (posts[Math.floor(posts.length / 2)] as number) : (posts[posts.length - 1] as number)
  const opening = blocks.slice(firstProse, start).reduce((sum, block) => sum + (block.removal ? 0 : block.features.words), 0)
  return opening <= limits.openingPostMaxRatio * post
}

/**
 * The lines counting or naming comments that recur item after item down a
 * listing ("0 comments", or a bare "Comment" button, under each post of a
 * blog's front page): at least `itemCountsMin` of them, each with prose
 * between it and the one before.
 */
function itemCommentCounts(blocks: Block[], proseMinChars: number): Set<number> {
  const counts: number[] = []
  // The same label under every item ("Comment"), grouped by its text: a thread's one "Comments" header among counts is no item's.
  const labels = new Map<string, number[]>()
  blocks.forEach((block, index) => {
    if (block.features.chars > markerMaxChars) return
    if (countsOnlyComments(block)) counts.push(index)
    if (isCommentsLabel(block)) labels.set(block.normal, [...(labels.get(block.normal) ?? []), index])
  })
  return new Set([counts, ...labels.values()].flatMap((found) => (recursItemByItem(blocks, found, proseMinChars) ? found : [])))
}

/** Whether at least `itemCountsMin` of the lines at `found` recur, each with prose between it and the one before. */
function recursItemByItem(blocks: Block[], found: number[], proseMinChars: number): boolean {
  const spaced = found.filter((at, offset) => offset > 0 && blocks.slice(found[offset - 1] as number, at).some((block) => isProse(block, {proseMinChars})))
  return spaced.length + 1 >= itemCountsMin
}

/** Most words of a bare label naming comments ("Comment", "Add comment"). */
const {labelMaxWords} = defaults.commentThread

/** A bare label naming comments, as an item's button prints it ("Comment", not a comment's own "Reply"): every word names comments but one at most. */
function isCommentsLabel(block: Block): boolean {
  const named = block.words.filter((word) => headerWords.has(word)).length
  return named > 0 && block.words.length <= labelMaxWords && block.words.length - named <= 1 && !buttonLine.test(block.normal)
}

/** Whether a short line counting comments ("{ 69 comments… add one }", "There are 4 comments. Add yours.") sits just above a thread's first poster line. */
function commentCountAbove(blocks: Block[], authorAt: boolean[], start: number): boolean {
  for (let at = start - 1; at >= Math.max(0, start - headerMaxDistance); at--) {
    const block = blocks[at] as Block
    if (!authorAt[at] && block.features.chars <= markerMaxChars && countsOnlyComments(block)) return true
  }
  return false
}

/**
 * Whether every count on a line is of comments ("106 Comments and 18
 * Replies"), and there is one: a number followed by a word that names
 * comments. A row that also counts other things ("1.9K views 11 replies 12
 * participants") is a forum thread's statistics.
 */
function countsOnlyComments(block: Block): boolean {
  const counted = block.words.flatMap((word, index) => {
    const next = block.words[index + 1]
    return /^\d/.test(word) && next !== undefined && !/^\d/.test(next) ? [next] : []
  })
  return counted.length > 0 && counted.every((word) => headerWords.has(word))
}

/**
 * Whether a header confirmed only by datelines may head a feed, not a
 * thread, and the page's main text lies below it: a bare label ("Comments",
 * no count) with no dateline at once, as tabs and sidebar widgets of recent
 * stories are headed, above the longest prose run from there on, which has
 * at least `ratio` times the words of the longest run above the header and
 * lies outside the HTML article container (a thread leaves that alone anyway).
 */
function headsFeedAboveMainRun(blocks: Block[], markerAt: boolean[], runs: ProseRun[], header: number, ratio: number): boolean {
  if ((blocks[header] as Block).words.some((word) => /^\d/.test(word)) || markerFollows(blocks, markerAt, header)) return false
  let above = 0
  let below: ProseRun | undefined
  for (const run of runs) {
    if (run.start < header) above = Math.max(above, run.words)
    else if (below === undefined || run.words > below.words) below = run
  }
  return below !== undefined && below.words >= ratio * above && !blocks[below.start]?.inArticle
}

/**
 * Whether a header naming comments sits above the article rather than under
 * it: the prose between it and the first commenter's line or dateline below
 * it has at least `ratio` times the words of the prose above it (a count that
 * links to the thread from the article's header, "124 Comments", or a tab
 * label over the article).
 */
function articleFollowsHeader(blocks: Block[], markerAt: boolean[], header: number, firstProse: number, limits: {proseMinChars: number; ratio: number}): boolean {
  const proseWords = (from: number, to: number): number => blocks.slice(from, to).reduce((sum, block) => sum + (isProse(block, limits) ? block.features.words : 0), 0)
  const firstMarker = markerAt.indexOf(true, header + 1)
  const between = proseWords(header + 1, firstMarker === -1 ? blocks.length : firstMarker)
  return between > 0 && between >= limits.ratio * proseWords(firstProse, header)
}

/** For each index, how many flags are set from there to the end. */
function countFromEnd(flags: boolean[]): number[] {
  const counts: number[] = []
  let count = 0
  for (let index = flags.length - 1; index >= 0; index--) {
    if (flags[index]) count++
    counts[index] = count
  }
  return counts
}

/** A header set directly under another short label ("Article", then "Comments") is a tab or menu entry, not a section's start. */
function isTabLabel(blocks: Block[], index: number): boolean {
  const above = blocks[index - 1]
  return (
    above !== undefined &&
    !above.removal &&
    (blocks[index] as Block).evidence.blankLinesBefore === 0 &&
    above.features.headingLike &&
    above.features.words <= tabLabelMaxWords
  )
}

/**
 * Whether the datelines below a header confirm it as a thread's. A blog's
 * other posts are dated too, so the header must name comments (not a sign-up
 * form's "Email" field), and a dateline must follow it at once or datelines
 * must recur (twice the markers a thread needs).
 */
function datelinesConfirm(blocks: Block[], markerAt: boolean[], remainingMarkers: number[], header: number, minMarkers: number): boolean {
  if (!namesComments(blocks[header] as Block)) return false
  return markerFollows(blocks, markerAt, header) || (remainingMarkers[header] ?? 0) >= 2 * minMarkers
}

/** A commenter's name on a line of its own, as many comment systems print it above the comment: one to four capitalised words ("Gibbo", "Mike Merrill"), or a user name in one word that starts lower case or with a digit ("reidjr", "g4", "jane_doe"). */
const nameLine = /^(?:\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}|[\p{Ll}\d][\p{L}\d_.'’-]{1,24})$/u
const {nameLineMaxGap, nameLineMinWordsBelow} = defaults.commentThread

/**
 * Whether commenters' names head the comments below a header that names
 * comments ("{ 131 comments }"), with no "says:" or dateline beside them: a
 * name line at once (past at most `headerMaxLead` blocks), then another above
 * each next comment, at most `nameLineMaxGap` blocks apart, each above a
 * comment of at least `nameLineMinWordsBelow` words, twice the markers a
 * thread needs, as names are weaker evidence than a commenter's line. A
 * block of `firstCommentMaxChars` or more under the first name is an
 * article's body under its writer's name, not a comment: no thread.
 */
function commenterNamesFollow(blocks: Block[], header: number, minMarkers: number, firstCommentMaxChars = Infinity): boolean {
  if (!namesComments(blocks[header] as Block)) return false
  let names = 0
  let since = 0
  for (let at = header + 1; at < blocks.length; at++) {
    const block = blocks[at] as Block
    const below = blocks[at + 1]
    if (nameLine.test(block.text) && below !== undefined && !nameLine.test(below.text) && below.features.words >= nameLineMinWordsBelow) {
      names++
      if (names >= 2 * minMarkers) return true
      since = 0
    } else if (++since > (names === 0 ? headerMaxLead : nameLineMaxGap) || (names === 1 && block.features.chars >= firstCommentMaxChars)) {
      return false
    }
  }
  return false
}

/** A header that counts the comments under it ("Reader Comments (4)", "12 Responses"): a tab's or a form's label counts none. */
function countsComments(block: Block): boolean {
  return namesComments(block) && block.words.some((word) => /^\d[\d,]*$/u.test(word) && word !== '0')
}

/** A header that names comments ("45 Comments", "Leave a Reply"), not a form field. */
function namesComments(block: Block): boolean {
  return block.words.some((word) => headerWords.has(word))
}

/** A comment's number on a line of its own ("1"), as numbered comment lists print it. */
const commentNumber = /^\d{1,4}$/u

/**
 * Whether a block above the page's first long prose heads a short article's
 * comments: a comment header that names comments, not a tab label, below
 * some kept text (the article), with a commenter's line ("Jane says:", not
 * a byline or a dateline, which also sit in an article's head) at once:
 * nothing but removed lines and a comment's number or buttons between. Or a
 * header that counts comments ("57 Comments") over commenters' names, each
 * above its comment, the first comment no long prose: an article's head
 * ("57 Comments", "Jane Doe", the date) has its body under the first name.
 */
function isShortArticleHeader(blocks: Block[], authorAt: boolean[], buttonAt: boolean[], header: number, limits: {minMarkers: number; proseMinChars: number}): boolean {
  const block = blocks[header] as Block
  if (block.removal?.ruleId !== 'comment-form' || !namesComments(block) || isTabLabel(blocks, header)) return false
  if (!blocks.slice(0, header).some((above) => !above.removal && above.features.words > 0)) return false
  if (countsOnlyComments(block) && commenterNamesFollow(blocks, header, limits.minMarkers, limits.proseMinChars)) return true
  for (let at = header + 1; at < blocks.length; at++) {
    const line = blocks[at] as Block
    if (authorAt[at] && !buttonAt[at]) return line.removal?.ruleId !== 'byline' && !isDatedByline(line) && !startsLikeByline(line) && !datelineStart.test(line.normal)
    // Only removed lines and a comment's number ("1", "#1") or buttons may sit between.
    if (!line.removal && !buttonAt[at] && !commentNumber.test(line.text)) return false
  }
  return false
}

/** Whether a commenter's line or dateline follows the header, past at most `headerMaxLead` kept blocks (a name line). */
function markerFollows(blocks: Block[], markerAt: boolean[], header: number): boolean {
  let lead = 0
  for (let at = header + 1; at < blocks.length && lead <= headerMaxLead; at++) {
    if (markerAt[at]) return true
    if (!(blocks[at] as Block).removal) lead++
  }
  return false
}

/**
 * Whether the commenter's lines from `start` on are a dated feed's items
 * ("46m - Dec 15, 2025" over each episode of a podcast, "30060, Marietta -
 * January 13, 2023" over each cost report): at least `minMarkers` of them,
 * and `feedItemMinShare` of them each followed by a headline and then the
 * item's text (a teaser's summary, `regions.feedMinSummaryChars` or more,
 * within `feedSummaryMaxDistance` blocks). A comment's line is followed by the comment itself.
 */
function headsDatedFeed(blocks: Block[], markerAt: boolean[], buttonAt: boolean[], start: number, minMarkers: number): boolean {
  // A line printed twice (a sticky copy of an item's head) counts once.
  const seen = new Set<string>()
  const markers: number[] = []
  for (let index = start; index < blocks.length; index++) {
    const text = (blocks[index] as Block).normal
    if (!markerAt[index] || seen.has(text)) continue
    seen.add(text)
    markers.push(index)
  }
  if (markers.length < minMarkers) return false
  const headed = markers.filter((marker) => {
    const next = blocks[marker + 1]
    // Whatever removed it: a headline may repeat an earlier item's (the same service, the same show).
    if (!next || markerAt[marker + 1] || buttonAt[marker + 1] || !next.features.headingLike || isDatedByline(next)) return false
    return blocks.slice(marker + 2, marker + 2 + feedSummaryMaxDistance).some((block) => block.features.chars >= feedMinSummaryChars)
  })
  return headed.length >= feedItemMinShare * markers.length
}
