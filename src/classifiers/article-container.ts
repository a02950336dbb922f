import type {Transformer} from 'unified'
import domHintData from '../data/dom-hints.json' with {type: 'json'}
import {ancestry, commentHint} from '../elements.js'
import {scoresOf, tokenOverlap} from '../metrics.js'
import {forumChromeLines} from '../page-features.js'
import {subjectTest} from '../regions.js'
import {defaults} from '../thresholds.js'
import {blocksOf} from '../tree.js'
import type {Block, ElementInfo, Root} from '../types.js'

export interface ArticleContainerOptions {
  /** Shortest block that adds to its containers' scores, in characters (default: 25). */
  minScoredChars?: number
  /** Siblings of the best container join it when they score this share of its score (default: 0.2)… */
  siblingShare?: number
  /** …and at least this score, so that a short article's siblings are not any container with a line or two (default: 10). */
  minSiblingScore?: number
  /** Candidates checked against the JSON-LD `articleBody` (default: 5). */
  corroborateTop?: number
  /** Share of the `articleBody` words a container must hold to be preferred (default: 0.6). */
  minBodyRecall?: number
  /** Keep long, unlinked prose outside the container for later classifiers to judge (default: true). */
  keepOutsideProse?: boolean
  /** Other candidates scoring this share of the best one count as alternatives (default: 0.75). */
  alternativeShare?: number
  /** Alternatives an ancestor of the best candidate must also hold for the article to climb to it (default: 3). */
  minAlternatives?: number
  /**
   * Below a heading outside the article, after its end, long prose outside is
   * kept for judging only when it is this share as much on the article's
   * subject as the article's own paragraphs are (median); less, and it is
   * another story's (default: 0.2).
   */
  otherStoryCohesionShare?: number
  /** Paragraphs of long prose the article must hold for its subject to be measured and another story told apart (default: 3). */
  minSubjectParagraphs?: number
  /** Link density from which a heading after the article, outside the region around it, is another story's headline linking to it (default: 0.5). */
  headlineMinLinkDensity?: number
  /** Link density below which a block between the title and the article's body is its standfirst, deck or verdict box, left to the other classifiers (default: 0.5). */
  standfirstMaxLinkDensity?: number
  /**
   * Whether a comment thread (an element whose class or id names comments,
   * `data/dom-hints.json` `commentTokens`) is, like a footer or a menu, a
   * region that never holds the article: readers' comments can outweigh a
   * short story's prose (default: true; false on forum pages, whose posts
   * are the content, and see `forumChromeMinLines`).
   */
  commentsEnclose?: boolean
  /**
   * Lines of forum chrome ("Reply", "Quote", "… wrote:") from which a page
   * may be a thread whose posts are its content, so that its comment
   * elements can hold the article after all (default: 2).
   */
  forumChromeMinLines?: number
}

const tagWeight: Record<string, number> = {
  div: 5, pre: 3, td: 3, blockquote: 3, article: 10, main: 10,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5
}

/**
 * Find the article on an HTML page, after Readability: blocks add length and
 * commas to their parent and grandparents, containers are weighted by tag,
 * by class/id words and by link density, and the JSON-LD `articleBody`
 * corroborates the choice. The best container and its strong siblings are the
 * article: the quality classifier vouches for its blocks and demotes those
 * outside it (likely boilerplate), and context smoothing decides. The page
 * title, blocks between title and article (standfirst, deck) and, by default,
 * long unlinked prose outside are not demoted.
 */
export default function dechaffArticleContainer(options: ArticleContainerOptions = {}): Transformer<Root> {
  const settings = defaults.articleContainer
  const minScoredChars = options.minScoredChars ?? settings.minScoredChars
  const siblingShare = options.siblingShare ?? settings.siblingShare
  const corroborateTop = options.corroborateTop ?? settings.corroborateTop
  const minBodyRecall = options.minBodyRecall ?? settings.minBodyRecall
  const keepOutsideProse = options.keepOutsideProse ?? true
  const alternativeShare = options.alternativeShare ?? settings.alternativeShare
  const minAlternatives = options.minAlternatives ?? settings.minAlternatives
  const otherStoryCohesionShare = options.otherStoryCohesionShare ?? settings.otherStoryCohesionShare
  const minSubjectParagraphs = options.minSubjectParagraphs ?? settings.minSubjectParagraphs
  const headlineMinLinkDensity = options.headlineMinLinkDensity ?? settings.headlineMinLinkDensity
  const standfirstMaxLinkDensity = options.standfirstMaxLinkDensity ?? settings.standfirstMaxLinkDensity
  const minSiblingScore = options.minSiblingScore ?? settings.minSiblingScore
  const commentsEnclose = options.commentsEnclose ?? true
  const forumChromeMinLines = options.forumChromeMinLines ?? settings.forumChromeMinLines
  return (tree) => {
    const elements = tree.data?.elements
    if (!elements || elements.length === 0) return
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const totals = elementTotals(elements, blocks)
    const scores = new Map<number, number>()
    for (const block of blocks) {
      const html = block.evidence.html
      if (!html || block.features.chars < minScoredChars || html.tag === 'title') continue
      const points = 1 + html.commas + Math.min(Math.floor(block.features.chars / 100), 3)
      ancestry(elements, (elements[html.element] as ElementInfo).parent)
        .slice(0, 3)
        .forEach((ancestor, level) => {
          const base = scores.get(ancestor) ?? initialScore(elements[ancestor] as ElementInfo)
          scores.set(ancestor, base + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3))
        })
    }
    if (scores.size === 0) return
    const title = blocks.find((block) => block.evidence.title)
    // An element named for comments that holds the page's headline wraps the page ("comments_page_wrapper"), not a thread.
    const aboveTitle = new Set(title?.evidence.html ? ancestry(elements, title.evidence.html.element) : [])
    // A page with a forum's chrome ("Reply", "Quote", "… wrote:") or one the page-type model took for a forum may be a thread whose posts are its content;
    // counted only once a candidate sits in a comment element, as few do.
    let threadLike: boolean | undefined
    const isThreadLike = (): boolean => (threadLike ??= tree.data?.pageType?.doubted?.type === 'forum' || forumChromeLines(blocks) >= forumChromeMinLines)
    const encloses = (element: number): boolean => {
      const hint = (elements[element] as ElementInfo).furniture ?? ''
      return enclosingHints.has(hint) || (commentsEnclose && commentHint.test(hint) && !aboveTitle.has(element) && !isThreadLike())
    }
    const ranked = outsideEnclosingFurniture(
      [...scores.entries()].map(([element, score]) => [element, score * (1 - (totals.get(element)?.linkDensity ?? 0))] as const).sort((a, b) => b[1] - a[1]),
      elements,
      encloses
    )
    const best =
      markedBody(ranked[0] as readonly [number, number], elements, totals) ??
      corroborated(ranked, tree.data?.articleBody, elements, blocks, corroborateTop, minBodyRecall) ??
      climbToSharedAncestor(ranked, elements, alternativeShare, minAlternatives, corroborateTop)
    const area = articleArea(best, ranked, elements, siblingShare, minSiblingScore)
    blocks.forEach((block) => {
      const html = block.evidence.html
      if (html && ancestry(elements, html.element).some((element) => area.has(element))) block.inArticle = true
    })
    const titleAt = title ? blocks.indexOf(title) : -1
    const articleStart = blocks.findIndex((block) => block.inArticle)
    const paragraphs = blocks.filter((block) => block.inArticle && isStandaloneProse(block))
    const region = (elements[best[0]] as ElementInfo).parent
    const inRegion = (block: Block): boolean => region >= 0 && block.evidence.html !== undefined && ancestry(elements, block.evidence.html.element).includes(region)
    // A container of a paragraph or two may be a fragment of the article: then its subject says too little.
    const nextStory = paragraphs.length >= minSubjectParagraphs ? nextStoryStart(blocks, inRegion, headlineMinLinkDensity) : blocks.length
    // The article's subject is measured only on pages where another story follows it.
    const onSubject = nextStory < blocks.length ? subjectTest(paragraphs, otherStoryCohesionShare) : () => true
    blocks.forEach((block, index) => {
      if (!block.evidence.html || block.inArticle || block === title || block.removal) return
      // Between the title and the article body: standfirst, deck, verdict box; the other classifiers judge them.
      if (titleAt !== -1 && index > titleAt && index < articleStart && block.evidence.linkDensity < standfirstMaxLinkDensity) return
      // A list item's prose above the headline is a teaser of another story (a "top stories" strip), not the article's.
      const teaserAboveTitle = index < titleAt && block.evidence.html.inList
      if (keepOutsideProse && isStandaloneProse(block) && !teaserAboveTitle && (index < nextStory || onSubject(block))) return
      block.outsideArticle = true
    })
    tree.data = {...tree.data, articleElements: [...area]}
  }
}

/** Hints of regions that never hold the article (`data/dom-hints.json` `enclosingHints`). */
const enclosingHints = new Set(domHintData.enclosingHints)

/**
 * The candidates that no footer, menu, modal or comment thread encloses, or
 * all of them when every one but `<body>` is enclosed: a long privacy policy
 * in a footer's modal outscores a shop's product grid, and a busy comment
 * thread a short story, but neither is the page's article.
 */
function outsideEnclosingFurniture(ranked: ReadonlyArray<readonly [number, number]>, elements: ElementInfo[], encloses: (element: number) => boolean): ReadonlyArray<readonly [number, number]> {
  const enclosed = (element: number): boolean => ancestry(elements, element).some(encloses)
  const outside = ranked.filter(([element]) => !enclosed(element))
  // `<body>` alone outside says only that the whole page sits in the region.
  return outside.some(([element]) => (elements[element] as ElementInfo).tag !== 'body') ? outside : ranked
}

/** Bonus of an element the page marks `itemprop="articleBody"`. */
const {articleBodyBonus} = defaults.articleContainer

function initialScore(element: ElementInfo): number {
  return (tagWeight[element.tag] ?? 0) + element.classWeight + (element.articleBody ? articleBodyBonus : 0)
}

interface Totals {
  chars: number
  linkChars: number
  linkDensity: number
}

/** Text and linked text under each element (bounded ancestry per block). */
function elementTotals(elements: ElementInfo[], blocks: Block[]): Map<number, Totals> {
  const totals = new Map<number, Totals>()
  for (const block of blocks) {
    const html = block.evidence.html
    if (!html) continue
    const linkChars = block.evidence.linkDensity * block.features.chars
    for (const element of ancestry(elements, html.element)) {
      const total = totals.get(element) ?? {chars: 0, linkChars: 0, linkDensity: 0}
      total.chars += block.features.chars
      total.linkChars += linkChars
      total.linkDensity = total.chars === 0 ? 0 : total.linkChars / total.chars
      totals.set(element, total)
    }
  }
  return totals
}

/** Among the top candidates, the best-scoring one that holds most of the JSON-LD article body. */
function corroborated(
  ranked: ReadonlyArray<readonly [number, number]>,
  articleBody: string | undefined,
  elements: ElementInfo[],
  blocks: Block[],
  top: number,
  minRecall: number
): readonly [number, number] | undefined {
  if (!articleBody) return undefined
  return ranked.slice(0, top).find(([candidate]) => {
    const text = blocks
      .filter((block) => block.evidence.html && ancestry(elements, block.evidence.html.element).includes(candidate))
      .map((block) => block.text)
      .join(' ')
    return scoresOf(tokenOverlap(text, articleBody)).recall >= minRecall
  })
}

/**
 * The element the page marks `itemprop="articleBody"` (the longest, if several),
 * when it holds the best candidate or at least as much text: the page's own
 * markup outranks scores, so a gallery or slideshow embedded in the article
 * cannot pass for it. A marker on a lone paragraph is ignored.
 */
function markedBody(best: readonly [number, number], elements: ElementInfo[], totals: Map<number, Totals>): readonly [number, number] | undefined {
  let marked: number | undefined
  elements.forEach((element, index) => {
    if (element.articleBody && (totals.get(index)?.chars ?? 0) > (marked === undefined ? 0 : (totals.get(marked)?.chars ?? 0))) marked = index
  })
  if (marked === undefined) return undefined
  const holdsBest = ancestry(elements, best[0]).includes(marked)
  return holdsBest || (totals.get(marked)?.chars ?? 0) >= (totals.get(best[0])?.chars ?? 0) ? [marked, best[1]] : undefined
}

/**
 * Readability's check on an article split into sections: when several other
 * top candidates score nearly as well as the best and sit under one of its
 * ancestors, that ancestor is the article. It then takes the score of the
 * best so that its siblings are weighed against the article, not a section.
 */
function climbToSharedAncestor(
  ranked: ReadonlyArray<readonly [number, number]>,
  elements: ElementInfo[],
  alternativeShare: number,
  minAlternatives: number,
  top: number
): readonly [number, number] {
  const best = ranked[0] as readonly [number, number]
  const alternatives = ranked
    .slice(1, top)
    .filter(([, score]) => score >= best[1] * alternativeShare)
    .map(([element]) => new Set(ancestry(elements, element)))
  if (alternatives.length < minAlternatives) return best
  for (const ancestor of ancestry(elements, best[0]).slice(1)) {
    if ((elements[ancestor] as ElementInfo).tag === 'body') break
    if (alternatives.filter((chain) => chain.has(ancestor)).length >= minAlternatives) return [ancestor, best[1]]
  }
  return best
}

/** The best container plus its siblings that score well on their own. */
function articleArea(best: readonly [number, number], ranked: ReadonlyArray<readonly [number, number]>, elements: ElementInfo[], siblingShare: number, minSiblingScore: number): Set<number> {
  const [container, score] = best
  const area = new Set([container])
  const parent = (elements[container] as ElementInfo).parent
  const threshold = Math.max(minSiblingScore, score * siblingShare)
  for (const [element, siblingScore] of ranked) {
    if (element !== container && (elements[element] as ElementInfo).parent === parent && parent >= 0 && siblingScore >= threshold) area.add(element)
  }
  return area
}

/**
 * Where another story starts: the first linked headline after the article's
 * last block that is outside the region around it (the article container's
 * parent, where its own later sections sit). Prose below it belongs to that
 * story (a live feed, the next article of an endless scroll), not to the
 * page's article.
 */
function nextStoryStart(blocks: Block[], inRegion: (block: Block) => boolean, headlineMinLinkDensity: number): number {
  const articleEnd = blocks.findLastIndex((block) => block.inArticle)
  if (articleEnd === -1) return blocks.length
  const heading = blocks.findIndex((block, index) => index > articleEnd && block.evidence.heading !== undefined && block.evidence.linkDensity >= headlineMinLinkDensity && !inRegion(block))
  return heading === -1 ? blocks.length : heading
}

const {lengthHigh: proseMinChars, stopwordsHigh: proseMinStopwords, maxLinkDensity: proseMaxLinkDensity} = defaults.quality

/** Long, unlinked prose, a paragraph the quality classifier's defaults call good: judged by the later classifiers even outside the container. */
function isStandaloneProse(block: Block): boolean {
  return block.features.chars >= proseMinChars && block.features.stopwordDensity >= proseMinStopwords && block.evidence.linkDensity < proseMaxLinkDensity
}
