import data from './data/page-type.json' with {type: 'json'}
import forumData from './data/forum.json' with {type: 'json'}
import {carriesDate} from './dates.js'
import {Lexicon, type LexiconData} from './lexicon.js'
import {defaults} from './thresholds.js'
import {blocksOf, readsAsHeading} from './tree.js'
import type {Block, ElementInfo, PageEvidence, PageType, PageTypeVerdict, Root} from './types.js'

/** One number the page-type model reads, with the words that explain it. */
export interface PageFeature {
  name: string
  /** What a high value means, for `explain`. */
  describes: string
}

type Group = keyof typeof data.jsonLdTypes
type UrlGroup = keyof typeof data.urlWords

const jsonLdGroups = new Map(Object.entries(data.jsonLdTypes).map(([group, types]) => [group as Group, new Set(types)]))
const urlGroups = new Map(Object.entries(data.urlWords).map(([group, words]) => [group as UrlGroup, new Set(words)]))
const generatorGroups = Object.entries(data.generators) as Array<[keyof typeof data.generators, string[]]>
const postWords = new Set(data.elementWords.post)
const cardWords = new Set(data.elementWords.card)
const forumChrome = new RegExp(`^(?:${data.chromeLines.forum.join('|')})$`, 'u')
const shopChrome = new RegExp(`^(?:${data.chromeLines.shop.join('|')})$`, 'u')
const price = new RegExp(data.price, 'iu')
/** Poster statistics ("Joined: …", "Messages: 37", ranks): forum software writes them, a news site's comments rarely do. */
const posterStatistics = new Lexicon({rules: {'poster-statistics': (forumData as LexiconData).rules['poster-statistics'] as LexiconData['rules'][string]}})
/** Longest line read as chrome: buttons and labels are short. */
const chromeMaxChars = 60

/** Bounded count scale: 0 for none, 1 for one, about 3.5 for 30; so a few hundred cards do not swamp the rest. */
const scale = (count: number): number => Math.log1p(count) / Math.LN2

/** The features in the model's order. Head evidence is 0 on text dumps, which the model learns from too. */
export const pageFeatures: PageFeature[] = [
  ...[...jsonLdGroups.keys()].map((group) => ({name: `jsonld-${group}`, describes: `JSON-LD says ${group}`})),
  {name: 'og-article', describes: 'og:type is article'},
  {name: 'og-product', describes: 'og:type is a product'},
  ...generatorGroups.map(([group]) => ({name: `generator-${group}`, describes: `made with ${group} software`})),
  ...[...urlGroups.keys()].map((group) => ({name: `url-${group}`, describes: `address names a ${group} page`})),
  {name: 'url-dated', describes: 'address carries a date'},
  {name: 'url-root', describes: "address is a site's front or top-level page"},
  {name: 'url-depth', describes: 'address is deep in the site'},
  {name: 'blocks', describes: 'many blocks'},
  {name: 'prose-share', describes: 'most text is long sentences'},
  {name: 'words-per-block', describes: 'long blocks'},
  {name: 'prose-run', describes: 'one long unbroken run of prose (an article body)'},
  {name: 'prose-run-share', describes: 'most words in one unbroken run of prose'},
  {name: 'link-density', describes: 'text is mostly links'},
  {name: 'list-share', describes: 'many list items'},
  {name: 'heading-share', describes: 'many headings'},
  {name: 'table-share', describes: 'many table cells'},
  {name: 'code-share', describes: 'code blocks'},
  {name: 'prices', describes: 'prices'},
  {name: 'shop-chrome', describes: 'cart, stock and review controls'},
  {name: 'forum-chrome', describes: 'reply, quote and poster lines'},
  {name: 'poster-statistics', describes: "posters' statistics and ranks"},
  {name: 'date-lines', describes: 'many dated lines (posts)'},
  {name: 'question-title', describes: 'the title asks a question'},
  {name: 'post-elements', describes: 'repeated post or message containers'},
  {name: 'card-elements', describes: 'repeated cards or items'},
  {name: 'repeated-siblings', describes: 'repeated sibling elements of one kind'}
]

/** The words of an address's path, whether it carries a date, and whether it is a top-level page. */
function pathWords(url: string | undefined): {segments: string[]; dated: boolean; root: boolean} {
  if (!url) return {segments: [], dated: false, root: false}
  let pathname: string
  try {
    pathname = new URL(url, 'http://page.invalid/').pathname
  } catch {
    return {segments: [], dated: false, root: false}
  }
  const segments = pathname.toLowerCase().split('/').filter(Boolean)
  return {segments, dated: /\/(?:19|20)\d\d\/(?:[01]?\d\/)?/u.test(pathname), root: segments.length <= 1}
}

/** A path segment is a word of the group, or starts with one of three letters or more (`products-new`, `forum_topic`). */
function urlNames(segments: string[], words: Set<string>): boolean {
  return segments.some((segment) => {
    const head = segment.split(/[-_.]/u)[0] as string
    return words.has(segment) || (head.length >= 3 && words.has(head))
  })
}

/** Elements sharing a parent and a class signature with at least this many siblings count as repeated. */
const repeatMin = 3

/** Repeated sibling elements: the largest group, and how many of them name posts or cards. */
function repeatedElements(elements: ElementInfo[]): {largest: number; posts: number; cards: number} {
  const groups = new Map<string, number>()
  const signatures = elements.map((element) => `${element.parent}|${element.tag}|${element.tokens.slice(0, 3).join(' ')}`)
  for (const signature of signatures) groups.set(signature, (groups.get(signature) ?? 0) + 1)
  let largest = 0
  let posts = 0
  let cards = 0
  elements.forEach((element, index) => {
    const count = groups.get(signatures[index] as string) ?? 0
    largest = Math.max(largest, count)
    if (count < repeatMin || element.tokens.length === 0) return
    if (element.tokens.some((token) => postWords.has(token))) posts++
    else if (element.tokens.some((token) => cardWords.has(token))) cards++
  })
  return {largest, posts, cards}
}

/** A block of running prose: long enough, ends a sentence, not mostly links. */
const isRunProse = (block: Block): boolean => block.features.words >= data.proseRun.minWords && block.features.terminal && block.evidence.linkDensity < data.proseRun.maxLinkDensity

/** A run of prose blocks: where it starts and ends (block indices, inclusive) and its words. */
export interface ProseRun {
  start: number
  end: number
  words: number
}

/**
 * The runs of prose blocks in page order. Short unlinked blocks (subheadings,
 * a caption) do not break a run; a linked block (a headline, a menu entry)
 * does, and so does any block `breaksRun` names (a dateline heading each item
 * of a feed): an article's body is one long run, a listing's teasers are many
 * short ones between linked headlines.
 */
export function proseRuns(blocks: Block[], breaksRun: (index: number) => boolean = () => false): ProseRun[] {
  const runs: ProseRun[] = []
  let run: ProseRun | undefined
  blocks.forEach((block, index) => {
    if (isRunProse(block)) {
      if (run === undefined) {
        run = {start: index, end: index, words: 0}
        runs.push(run)
      }
      run.end = index
      run.words += block.features.words
    } else if (block.evidence.linkDensity >= data.proseRun.maxLinkDensity || block.features.words >= data.proseRun.minWords || breaksRun(index)) {
      run = undefined
    }
  })
  return runs
}

/** Words in the longest run of prose blocks in page order. */
function longestProseRun(blocks: Block[]): number {
  return proseRuns(blocks).reduce((longest, run) => Math.max(longest, run.words), 0)
}

/** The longest run of prose on the page: its words, and their share of the page's words and of its words outside links. */
export function proseRunOf(tree: Root): {words: number; share: number; unlinkedShare: number} {
  const blocks = blocksOf(tree).map((node) => node.data.block)
  const total = blocks.reduce((sum, block) => sum + block.features.words, 0)
  const unlinked = blocks.reduce((sum, block) => sum + block.features.words * (1 - block.evidence.linkDensity), 0)
  const words = longestProseRun(blocks)
  return {words, share: total === 0 ? 0 : words / total, unlinkedShare: unlinked === 0 ? 0 : Math.min(1, words / unlinked)}
}

function isChrome(block: Block, pattern: RegExp): boolean {
  return block.normal.length <= chromeMaxChars && pattern.test(block.normal.replace(/[.:!?…|•·]+$/u, '').trim())
}

/** How many of the blocks are forum chrome: a post's buttons ("Reply", "Quote"), poster statistics, "… wrote:" lines. */
export function forumChromeLines(blocks: Block[]): number {
  return blocks.filter((block) => isChrome(block, forumChrome)).length
}

/** The types an HTML page cleaned as an article may be guessed to be (`typeGuess.htmlTypes`). */
const htmlGuesses: ReadonlySet<string> = new Set(defaults.typeGuess.htmlTypes)

/**
 * The page-type model's likeliest type besides an article (the one it
 * doubted, or its second guess) for a page cleaned as an article, given at
 * least `typeGuess.minConfidence`, on any input.
 */
export function likelyOtherType(verdict: PageTypeVerdict | undefined): PageType | undefined {
  const guess = verdict?.alternative
  return guess && guess.confidence >= defaults.typeGuess.minConfidence ? guess.type : undefined
}

/**
 * The type a page cleaned as an article may be after all, as its cleaning
 * reads it: its `likelyOtherType`. A dump's shape tells a forum
 * thread from an article's comments, or a listing's items from an article's furniture,
 * less surely than a page's markup does; on HTML only the types of
 * `typeGuess.htmlTypes` are guessed: not a listing, which a news story's
 * columns of linked headlines make the model guess.
 */
export function guessedType(tree: Root): PageType | undefined {
  const type = likelyOtherType(tree.data?.pageType)
  return type !== undefined && (!tree.data?.elements || htmlGuesses.has(type)) ? type : undefined
}

/** The page's features, in `pageFeatures` order. `url` is the address the caller gave, if any. */
export function pageFeatureValues(tree: Root, url?: string): number[] {
  const page: PageEvidence = tree.data?.page ?? {jsonLdTypes: []}
  const blocks = blocksOf(tree).map((node) => node.data.block)
  const count = Math.max(1, blocks.length)
  const share = (test: (block: Block) => boolean): number => blocks.filter(test).length / count
  const words = blocks.reduce((sum, block) => sum + block.features.words, 0)
  const chars = blocks.reduce((sum, block) => sum + block.features.chars, 0)
  const proseWords = blocks.filter((block) => block.features.words >= 20 && block.features.terminal).reduce((sum, block) => sum + block.features.words, 0)
  const linkChars = blocks.reduce((sum, block) => sum + block.evidence.linkDensity * block.features.chars, 0)
  const address = pathWords(url ?? page.url)
  const generator = page.generator ?? ''
  const repeated = repeatedElements(tree.data?.elements ?? [])
  const proseRun = longestProseRun(blocks)
  const title = blocks.find((block) => block.evidence.title) ?? blocks.find((block) => block.evidence.heading === 1)
  return [
    ...[...jsonLdGroups.values()].map((types) => (page.jsonLdTypes.some((type) => types.has(type)) ? 1 : 0)),
    page.ogType === 'article' ? 1 : 0,
    page.ogType?.includes('product') ? 1 : 0,
    ...generatorGroups.map(([, names]) => (names.some((name) => generator.includes(name)) ? 1 : 0)),
    ...[...urlGroups.values()].map((words) => (urlNames(address.segments, words) ? 1 : 0)),
    address.dated ? 1 : 0,
    address.root && (url ?? page.url) !== undefined ? 1 : 0,
    Math.min(address.segments.length, 6) / 6,
    scale(blocks.length),
    words === 0 ? 0 : proseWords / words,
    scale(words / count),
    scale(proseRun),
    words === 0 ? 0 : proseRun / words,
    chars === 0 ? 0 : linkChars / chars,
    share((block) => block.evidence.listItem === true || block.features.listMarker),
    share(readsAsHeading),
    share((block) => block.evidence.html?.inTable === true),
    share((block) => block.evidence.preformatted !== undefined || block.evidence.html?.tag === 'pre' || block.evidence.indent !== undefined),
    scale(blocks.filter((block) => block.normal.length <= chromeMaxChars * 2 && price.test(block.normal)).length),
    scale(blocks.filter((block) => isChrome(block, shopChrome)).length),
    scale(forumChromeLines(blocks)),
    scale(blocks.filter((block) => block.normal.length <= chromeMaxChars && posterStatistics.matchBlock(block.sentences, block.words) !== undefined).length),
    scale(blocks.filter((block) => block.features.words <= 12 && carriesDate(block)).length),
    title !== undefined && /\?\s*$/u.test(title.text) ? 1 : 0,
    scale(repeated.posts),
    scale(repeated.cards),
    scale(repeated.largest)
  ]
}
