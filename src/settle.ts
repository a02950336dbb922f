import type {Transformer} from 'unified'
import type {VFile} from 'vfile'
import {checkDeadline} from './limits.js'
import {readsAsSentence} from './regions.js'
import {defaults} from './thresholds.js'
import {blocksOf, readsAsHeading} from './tree.js'
import type {Block, BlockNode, Mark, ModelDecision, QualityClass, Root, Verdict} from './types.js'

export interface SettleOptions {
  /** How far (characters of blocks in between) a heading may sit above good prose and be kept (default: 200). */
  maxHeadingDistance?: number
  /** On a page not taken for an article that would keep almost nothing, the probability of content from which the block model's blocks are kept after all (default: 0.3). */
  emptyPageMinProbability?: number
  /** On an article's page that would keep nothing at all, the most lines right above its comment section kept as its short post (default: 4). */
  postMaxLines?: number
  /** Fewest words of the longest of those lines: a post says something, a menu's entries do not (default: 8). */
  postMinWords?: number
}

/** Fewest words of a headline stacked above a longer deck, and most characters of a line of capitalised sentences read as a headline. */
const {titleMinWords, titleMaxChars} = defaults.settle

/** Most words of a removed block that context smoothing looks through. */
const {inlineWidgetMaxWords} = defaults.settle

/**
 * Settle the verdicts, after jusText's context smoothing: where the block
 * model decided a block, its decision stands; removals by classifiers are
 * final; short and near-good blocks take the class of their
 * neighbours; headings close above good prose are kept. Every removal becomes
 * a vfile message, in page order.
 */
export default function dechaffSettle(options: SettleOptions = {}): Transformer<Root> {
  const maxHeadingDistance = options.maxHeadingDistance ?? defaults.settle.maxHeadingDistance
  const emptyPageMinProbability = options.emptyPageMinProbability ?? defaults.settle.emptyPageMinProbability
  const post = {maxLines: options.postMaxLines ?? defaults.settle.postMaxLines, minWords: options.postMinWords ?? defaults.settle.postMinWords}
  return (tree, file) => {
    checkDeadline(file, 'settling the verdicts')
    const nodes = blocksOf(tree)
    const blocks = nodes.map((node) => node.data.block)
    const {initial, settled: classes} = handClasses(blocks, maxHeadingDistance)
    nodes.forEach((node, index) => {
      const block = node.data.block
      block.verdict = verdictOf(block, initial[index] as QualityClass, classes[index] as QualityClass)
    })
    const pageType = tree.data?.pageType?.type
    const words = keptWords(blocks)
    if (pageType === 'article' && words <= defaults.pageTypeFallback.maxKeptWords) keepPostAboveThread(blocks, initial)
    else keepLikeliest(blocks, words, pageType, emptyPageMinProbability)
    if (!blocks.some((block) => block.verdict?.keep)) keepWhatIsLeft(blocks)
    if (pageType === 'article' && !blocks.some((block) => block.verdict?.keep)) keepPostAboveCommentSection(blocks, post.maxLines, post.minWords)
    reportRemovals(file, nodes)
  }
}

/** The hand-set decision: each block's quality class before and after context smoothing. */
function handClasses(blocks: Block[], maxHeadingDistance: number = defaults.settle.maxHeadingDistance): {initial: QualityClass[]; settled: QualityClass[]} {
  const initial = blocks.map(initialClass)
  return {initial, settled: smooth(blocks, initial, maxHeadingDistance)}
}

/**
 * Which blocks the hand-set rules keep, as settling without the model keeps
 * them: those of good quality after smoothing that no rule removed, and, on a
 * page not taken for an article that would keep almost nothing, every block
 * no rule removed or protected (`keepLikeliest`). The block model reads it as
 * evidence.
 */
export function handKept(blocks: Block[], pageType: string | undefined): boolean[] {
  const {settled} = handClasses(blocks)
  const kept = blocks.map((block, index) => settled[index] === 'good' && !block.removal)
  const words = blocks.reduce((sum, block, index) => sum + (kept[index] ? block.features.words : 0), 0)
  const likely = blocks.map((block, index) => !kept[index] && !block.protection && !block.removal)
  if (!rescuesLikeliest(words, pageType, likely.filter(Boolean).length)) return kept
  return kept.map((keep, index) => keep || (likely[index] as boolean))
}

/**
 * Whether settling keeps a page's likeliest blocks because it would keep
 * almost nothing: a page not taken for an article (an article's is left to
 * the second pass as its likeliest other type, `pageTypeFallback`) that
 * keeps at most `maxKeptWords` words, with a list's few items among the
 * blocks it would remove (`repeatedItems.minItems`): an error page's line or
 * two stays furniture.
 */
function rescuesLikeliest(wordsKept: number, pageType: string | undefined, likely: number): boolean {
  return pageType !== 'article' && wordsKept <= defaults.pageTypeFallback.maxKeptWords && likely >= defaults.repeatedItems.minItems
}

/**
 * One message per removed block. A vfile message is an Error whose stack
 * vfile sets to '' once made; not capturing the stack first saves most of
 * the cost of making one.
 */
function reportRemovals(file: VFile, nodes: BlockNode[]): void {
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    for (const node of nodes) {
      const verdict = node.data.block.verdict as Verdict
      if (!verdict.keep) report(file, node, verdict)
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

function keptWords(blocks: Block[]): number {
  return blocks.reduce((sum, block) => sum + (block.verdict?.keep ? block.features.words : 0), 0)
}

/**
 * A listing, a shop's grid or a service page whose blocks are all short
 * lines would come back empty: no block was sure enough to be content. Its
 * items are the blocks only the grey zone's decision removed, kept at a lower
 * bar: those the block model weighed, from a lower probability of content;
 * without the model, those the quality classes removed and no classifier did
 * (when `rescuesLikeliest`).
 */
function keepLikeliest(blocks: Block[], wordsKept: number, pageType: string | undefined, minProbability: number): void {
  const likely = blocks.filter((block) => !block.verdict?.keep && !block.protection && (block.model ? block.model.probability >= minProbability : !block.removal))
  if (!rescuesLikeliest(wordsKept, pageType, likely.length)) return
  for (const block of likely) {
    block.verdict = block.model
      ? {ruleId: 'block-model', reason: `model: content ${block.model.probability.toFixed(2)}; the page kept almost nothing at the model's threshold`, score: block.model.probability, keep: true}
      : {ruleId: 'context', reason: `${block.quality?.reason ?? 'no quality class'}; the page kept almost nothing at the quality classes' bar`, score: 0.5, keep: true}
  }
}

/**
 * A short post above a long comment thread ("119 Comments"): its paragraph
 * or two are all the article there is, and beside the thread's many short
 * lines the block model finds them too lonely to keep. On an article's page
 * that would keep almost nothing, the blocks above the thread that the
 * hand-set rules class as good or near-good prose by themselves (before
 * context smoothing lends its class to the short lines around) are kept, and
 * the page is not cleaned again as another type (a listing has no thread
 * under its items).
 */
function keepPostAboveThread(blocks: Block[], initial: QualityClass[]): void {
  const thread = blocks.findIndex((block) => block.removal?.ruleId === 'comment-thread')
  if (thread === -1) return
  blocks.slice(0, thread).forEach((block, index) => {
    if (block.verdict?.keep || block.verdict?.ruleId !== 'block-model' || (initial[index] !== 'good' && initial[index] !== 'neargood') || block.protection) return
    block.verdict = {ruleId: shortPostRule, reason: `model: content ${(block.model?.probability ?? 0).toFixed(2)}; the hand-set rules keep it as a short post above its comment thread, on a page that kept almost nothing`, score: block.model?.probability ?? 0, keep: true}
  })
}

/**
 * A post of a line or two above an empty comment section ("Comments (0)",
 * "Leave a comment"): a photo's or a song's note under its headline, which
 * the block model, seeing a page of menus around it, finds too lonely to
 * keep. On an article's page that would keep nothing at all, the lines right
 * above the section's first line, up to `maxLines` and back to the first
 * line the model did not decide (one a rule removed), are kept when one of
 * them has `minWords` words or more. They are kept as a last resort: the page is still cleaned again as
 * its likeliest other type, and this reading stands if that keeps nothing.
 */
function keepPostAboveCommentSection(blocks: Block[], maxLines: number, minWords: number): void {
  const section = blocks.findIndex((block) => block.removal?.ruleId === 'comment-thread' || block.removal?.ruleId === 'comment-form')
  if (section === -1) return
  let start = section
  while (start > 0 && section - start < maxLines && (blocks[start - 1] as Block).verdict?.ruleId === 'block-model') start--
  const post = blocks.slice(start, section)
  if (!post.some((block) => block.features.words >= minWords)) return
  for (const block of post) {
    block.verdict = {ruleId: lastResortRule, reason: `model: content ${(block.model?.probability ?? 0).toFixed(2)}; a short post right above its comment section, on a page that would keep nothing`, score: block.model?.probability ?? 0, keep: true}
  }
}

/** The rule of a block kept as a short post above its comment thread: a page that keeps one is an article's. */
export const shortPostRule = 'short-post'

/** Least probability of content for a block the model weighed to be kept on a page that would otherwise keep nothing. */
const {lastResortProbability} = defaults.settle

/** The rule of a block kept only because the page would otherwise keep nothing. */
export const lastResortRule = 'model-last-resort'

/**
 * A page with no prose at all (a list, a table, formulas) still has an
 * article: keep its container. A page where no classifier found any
 * furniture either (a fragment, a test page) is all content. Otherwise the
 * blocks the block model weighed and found more likely content than not are
 * kept: a short article the thresholds asked the model to be surer of is
 * still the page's content, and an empty page is never right.
 */
function keepWhatIsLeft(blocks: Block[]): void {
  const inArticle = blocks.filter((block) => block.inArticle && !block.removal)
  const kept = inArticle.length > 0 ? inArticle : blocks.some((block) => block.removal) ? [] : blocks
  for (const block of kept) {
    block.verdict = {ruleId: 'context', reason: 'page has no prose; kept as the whole of its content', score: 0.5, keep: true}
  }
  if (kept.length > 0) return
  for (const block of blocks) {
    const probability = block.model?.probability ?? 0
    if (probability < lastResortProbability || block.protection || block.verdict?.ruleId !== 'block-model') continue
    block.verdict = {ruleId: lastResortRule, reason: `model: content ${probability.toFixed(2)}; kept as the page would otherwise keep nothing`, score: probability, keep: true}
  }
}

function initialClass(block: Block): QualityClass {
  if (block.protection) return 'good'
  if (block.removal) return 'bad'
  const quality = block.quality?.class ?? 'short'
  if (quality === 'short' && readsAsSentence(block)) return 'neargood'
  return quality
}

/** A short line of a few capitalised sentences: a headline written as sentences ("Fines ended. Books came back."). */
function readsAsTitle(block: Block): boolean {
  const {features} = block
  return features.startsUpper && !features.listMarker && features.words >= titleMinWords && features.chars <= titleMaxChars
}

/** jusText's context-sensitive revision of the classes. */
function smooth(blocks: Block[], initial: QualityClass[], maxHeadingDistance: number): QualityClass[] {
  const classes = [...initial]
  const fixed = (index: number): boolean => {
    const block = blocks[index] as Block
    return block.removal !== undefined || block.protection !== undefined
  }
  const aboveTitle = markTitle(blocks, classes, maxHeadingDistance)
  // Headings close above good prose are near-good.
  blocks.forEach((block, index) => {
    if (index >= aboveTitle && classes[index] === 'short' && readsAsHeading(block) && goodWithin(blocks, classes, index, maxHeadingDistance)) {
      classes[index] = 'neargood'
    }
  })
  const revised = [...classes]
  const above = nearestClasses(blocks, classes, -1, true)
  const below = nearestClasses(blocks, classes, 1, true)
  const aboveOrNeargood = nearestClasses(blocks, classes, -1, false)
  const belowOrNeargood = nearestClasses(blocks, classes, 1, false)
  blocks.forEach((_, index) => {
    if (classes[index] !== 'short') return
    const previous = above[index]
    const next = below[index]
    if (previous === 'good' && next === 'good') revised[index] = 'good'
    else if (previous === 'bad' && next === 'bad') revised[index] = 'bad'
    // List items, and short lines the article container vouches for, follow the good side.
    else if ((blocks[index] as Block).features.listMarker || (blocks[index] as Block).inArticle) revised[index] = 'good'
    else if ((previous === 'bad' && aboveOrNeargood[index] === 'neargood') || (next === 'bad' && belowOrNeargood[index] === 'neargood')) {
      revised[index] = 'good'
    } else revised[index] = 'bad'
  })
  blocks.forEach((_, index) => {
    if (classes[index] !== 'neargood') return
    revised[index] = above[index] === 'bad' && below[index] === 'bad' ? 'bad' : 'good'
  })
  // Headings that lost their place are kept when good prose follows closely.
  blocks.forEach((block, index) => {
    if (
      index >= aboveTitle &&
      revised[index] === 'bad' &&
      !fixed(index) &&
      initial[index] !== 'bad' &&
      readsAsHeading(block) &&
      goodWithin(blocks, revised, index, maxHeadingDistance)
    ) {
      revised[index] = 'good'
    }
  })
  return revised
}

/**
 * For each block, the class of its nearest neighbour above (`step` −1) or
 * below (1) that is not short (nor near-good, when asked); removed inline
 * widgets and captions are passed over, so a "Copy" button, an
 * "Advertisement" slot or a photo's caption does not cut the article; page
 * edges count as bad. One pass for the whole page: a page of thousands of
 * short lines would cost a search per line across all the others.
 */
function nearestClasses(blocks: Block[], classes: QualityClass[], step: 1 | -1, skipNeargood: boolean): QualityClass[] {
  const nearest: QualityClass[] = Array.from({length: classes.length})
  let seen: QualityClass = 'bad'
  for (let at = step === 1 ? classes.length - 1 : 0; at >= 0 && at < classes.length; at -= step) {
    nearest[at] = seen
    const value = classes[at] as QualityClass
    if (!(isInlineWidget(blocks[at] as Block) || value === 'short' || (skipNeargood && value === 'neargood'))) seen = value
  }
  return nearest
}

/** A removed block of a few words ("Copy", "Advertisement", "Story continues below"), or a caption in the article's flow. */
function isInlineWidget(block: Block): boolean {
  return block.removal !== undefined && (block.removal.inFlow === true || block.features.words <= inlineWidgetMaxWords)
}

/** Whether good prose follows within `maxDistance` characters of kept-able blocks (removed ones do not count). */
function goodWithin(blocks: Block[], classes: QualityClass[], index: number, maxDistance: number): boolean {
  let distance = 0
  for (let at = index + 1; at < blocks.length && distance <= maxDistance; at++) {
    const block = blocks[at] as Block
    if (classes[at] === 'good' && !block.removal) return true
    if (!block.removal) distance += block.features.chars
  }
  return false
}

/**
 * The title: of the heading-like lines stacked above the first good prose (site
 * name, tagline, headline, subtitle), the one with the most words, with the
 * lines between it and the prose, is kept; the lines above it are left to the
 * neighbours rule. Returns the title's index (0 when there is none).
 */
function markTitle(blocks: Block[], classes: QualityClass[], maxDistance: number): number {
  const firstGood = classes.indexOf('good')
  if (firstGood <= 0) return 0
  const stack: number[] = []
  let distance = 0
  for (let at = firstGood - 1; at >= 0 && distance <= maxDistance; at--) {
    const block = blocks[at] as Block
    // Removed lines and near-good prose (a standfirst, an editor's note) may sit between title and body.
    if (block.removal) continue
    if (classes[at] !== 'short' && classes[at] !== 'neargood') break
    if (classes[at] === 'short') distance += block.features.chars
    if (readsAsHeading(block) || readsAsTitle(block)) stack.push(at)
  }
  if (stack.length === 0) return 0
  let title = stack.reduce((best, at) => ((blocks[at] as Block).features.words > (blocks[best] as Block).features.words ? at : best))
  // A headline directly above its deck (no blank line between) is part of the title.
  while (stack.includes(title - 1) && (blocks[title] as Block).evidence.blankLinesBefore === 0 && (blocks[title - 1] as Block).features.words >= titleMinWords) {
    title--
  }
  for (const at of stack) if (at >= title) classes[at] = 'good'
  return title
}

/** What settles a block's verdict (`settledBy`). */
type Settler = {by: 'protection' | 'removal'; mark: Mark} | {by: 'model'; decision: ModelDecision} | {by: 'classes'}

/**
 * What settles a block's verdict, the first that applies: a rule's
 * protection, the block model's decision, a rule's removal, else the quality
 * classes. A removal the model did not weigh came after it (a caller's own
 * classifier) and stands.
 */
function settledBy(block: Block): Settler {
  if (block.protection) return {by: 'protection', mark: block.protection}
  if (block.model && block.removal === block.model.weighed) return {by: 'model', decision: block.model}
  return block.removal ? {by: 'removal', mark: block.removal} : {by: 'classes'}
}

/**
 * Whether each block is kept as things stand before settling, for a
 * classifier that runs after the block model and needs to know what is kept:
 * by what settles its verdict (`settledBy`), the quality classes read as
 * settling without the model reads them (`handKept`).
 */
export function keptBeforeSettling(blocks: Block[], pageType: string | undefined): boolean[] {
  const hand = handKept(blocks, pageType)
  return blocks.map((block, index) => {
    const settler = settledBy(block)
    if (settler.by === 'model') return settler.decision.keep
    if (settler.by === 'classes') return hand[index] as boolean
    return settler.by === 'protection'
  })
}

function verdictOf(block: Block, initial: QualityClass, settled: QualityClass): Verdict {
  const settler = settledBy(block)
  if (settler.by === 'protection') return {...settler.mark, keep: true}
  if (settler.by === 'removal') return {...settler.mark, keep: false}
  if (settler.by === 'model') {
    const {probability, keep, evidence} = settler.decision
    return {ruleId: 'block-model', reason: `model: content ${probability.toFixed(2)}; ${evidence.join('; ')}`, score: keep ? probability : 1 - probability, keep}
  }
  const quality = block.quality?.reason ?? 'no quality class'
  if (settled === 'good') {
    return initial === 'good'
      ? {ruleId: 'quality', reason: quality, score: 1, keep: true}
      : {ruleId: 'context', reason: `${quality}; kept beside content`, score: 0.6, keep: true}
  }
  return initial === 'bad'
    ? {ruleId: 'quality', reason: quality, score: 0.7, keep: false}
    : {ruleId: 'context', reason: `${quality}; surrounded by boilerplate`, score: 0.6, keep: false}
}

function report(file: VFile, node: BlockNode, verdict: Verdict): void {
  const message = file.info(verdict.reason, {place: node.position, ruleId: verdict.ruleId, source: 'dechaff'})
  message.actual = node.data.block.text
}
