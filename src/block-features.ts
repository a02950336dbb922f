import data from './data/block-features.json' with {type: 'json'}
import {wordsAndStopwords} from './block.js'
import {closestAncestor} from './elements.js'
import {handKept} from './settle.js'
import {blocksOf} from './tree.js'
import {pageTypes, type Block, type ElementInfo, type Mark, type QualityClass, type Root} from './types.js'

/** One number the block model reads, with the words that explain it. */
export interface BlockFeature {
  name: string
  /** What the feature is, for explanations (`link density`, `inside a <nav>`). */
  describes: string
  /** How a value is shown: a flag by its words alone, a count undone from its log scale, a share or number as it is. */
  shown: 'flag' | 'count' | 'number'
}

/** What the features of one block are read from. */
interface Context {
  blocks: Block[]
  elements: ElementInfo[] | undefined
  /** Whether the hand-set rules keep each block (`handKept`). */
  handKeeps: boolean[]
  /** Characters of the page's blocks before each block, and in all. */
  charsBefore: number[]
  totalChars: number
  titleIndex: number
  pageType: string | undefined
  /** Stopword density of the page's words: near 0 in a language the stopword list does not know. */
  pageStopwordDensity: number
  /** Each block's character counts. */
  characters: CharacterCounts[]
  /** HTML pages: each block's nearest DOM-hint furniture word, and whether markup around it names the article (only for the blocks whose rows are made). */
  hints: Array<string | undefined>
  /** The hint words each hint of the page holds. */
  hintWords: Map<string, string[]>
  articleMarkup: boolean[]
  /** Share of the page's words in blocks the hand-set rules keep. */
  handKeptShare: number
  /** HTML pages: for each block, how many different parents hold an element like its own (same tag and class words, under a parent alike): a grid's cards each hold one, an article's paragraphs share one. */
  alikeParents: number[]
}

type Reader = (block: Block, index: number, context: Context) => number

/**
 * Features read once per block: one number, or a group of flags of which a
 * block sets a few (its removal's group, its element's tag group, the page's
 * type), found in one reading for the whole group rather than one per flag.
 */
type Section = {features: BlockFeature[]; read: Reader} | {features: BlockFeature[]; flagged: (block: Block, index: number, context: Context) => readonly number[]}

/** A feature read alone. */
const feature = (name: string, describes: string, shown: BlockFeature['shown'], read: Reader): Section => ({features: [{name, describes, shown}], read})

/** A group of flags, one per value, named `prefix-value` and described by `describe(value)`; `flagged` gives the values a block has. */
function flags(prefix: string, values: readonly string[], describe: (value: string) => string, flagged: (block: Block, index: number, context: Context) => string | readonly string[] | undefined): Section {
  const positions = new Map(values.map((value, position) => [value, [position]] as const))
  const none: readonly number[] = []
  return {
    features: values.map((value) => ({name: `${prefix}-${value}`, describes: describe(value), shown: 'flag' as const})),
    flagged: (block, index, context) => {
      const found = flagged(block, index, context)
      if (found === undefined) return none
      if (typeof found === 'string') return positions.get(found) ?? none
      return found.flatMap((value) => positions.get(value) ?? none)
    }
  }
}

const removalGroupOf = new Map(Object.entries(data.removalGroups).flatMap(([group, ids]) => ids.map((id) => [id, group] as const)))
const removalGroups = [...Object.keys(data.removalGroups), 'other']
const tagGroupOf = new Map(Object.entries(data.tagGroups).flatMap(([group, tags]) => tags.map((tag) => [tag, group] as const)))
const tagGroups = [...Object.keys(data.tagGroups), 'other']
const qualityClasses: QualityClass[] = ['good', 'neargood', 'short', 'bad']

/** Bounded count scale, so a block of thousands of words does not swamp the rest. */
const logCount = (count: number): number => Math.log1p(count)
const flag = (value: boolean | undefined): number => (value ? 1 : 0)
/** A character that is a letter, a number or white space; one that is a number; one of a script written without spaces between words, whose "words" are whole phrases. */
const wordCharacter = /^[\p{L}\p{N}\s]$/u
const digit = /^\p{N}$/u
const unspaced = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]$/u

/** How many characters of a block's text are punctuation or symbols, digits, and of unspaced scripts. */
interface CharacterCounts {
  nonWord: number
  digits: number
  unspaced: number
}

/**
 * The counts, by one scan of the text: an ASCII character by its code (there
 * letters are `A`–`Z` and `a`–`z`, numbers `0`–`9`, white space tab to
 * carriage return and space, and no script is unspaced), any other (a whole
 * code point) by the expressions: in mostly ASCII text a curly quote or a
 * dash costs one test, not a pass of each expression over the block.
 */
function characterCounts(text: string): CharacterCounts {
  let nonWord = 0
  let digits = 0
  let unspacedCount = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) {
      if (code >= 0x30 && code <= 0x39) digits++
      else if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x20 || (code >= 0x09 && code <= 0x0d))) nonWord++
      continue
    }
    const astral = (text.codePointAt(index) as number) > 0xffff
    const character = astral ? text.slice(index, index + 2) : (text[index] as string)
    if (astral) index++
    if (!wordCharacter.test(character)) nonWord++
    else {
      if (digit.test(character)) digits++
      if (unspaced.test(character)) unspacedCount++
    }
  }
  return {nonWord, digits, unspaced: unspacedCount}
}

/**
 * The removal group of a removal (`phrase`, `dom-hint`, `navigation`…), by its
 * rule id; a DOM hint inside the article's flow (a `<figcaption>`, a
 * `caption` or `credit` class) names a caption or a credit, as the caption
 * classifier does.
 */
export function removalGroup(removal: Mark): string {
  if (removal.ruleId === 'dom-hint' && removal.inFlow) return 'caption'
  return removalGroupOf.get(removal.ruleId) ?? 'other'
}

/** The furniture word of the nearest DOM-hint ancestor of an HTML block (`comments`, `<nav>`), if any, below `<body>`. */
function hintOf(block: Block, elements: ElementInfo[] | undefined): string | undefined {
  const html = block.evidence.html
  if (!html || !elements) return undefined
  const found = closestAncestor(elements, html.element, (element) => element.tag === 'body' || Boolean(element.furniture))
  const element = elements[found]
  return element && element.tag !== 'body' ? element.furniture : undefined
}

/** Whether an ancestor of an HTML block says it is the article (`itemprop="articleBody"`, a post wrapper). */
function underArticleMarkup(block: Block, elements: ElementInfo[] | undefined): boolean {
  const html = block.evidence.html
  if (!html || !elements) return false
  return closestAncestor(elements, html.element, (element) => Boolean(element.articleBody || element.postWrapper)) !== -1
}

/** Ranges of words and of link density that get a feature of their own, so a linear model can weigh them unevenly. */
const wordBins: Array<[number, number]> = [
  [0, 2],
  [3, 5],
  [6, 10],
  [11, 20],
  [21, 50],
  [51, Infinity]
]
const linkBins: Array<[number, number]> = [
  [0, 0],
  [0, 0.3],
  [0.3, 0.7],
  [0.7, 1]
]

/** The features of a block itself, which its neighbours' features repeat in part. */
const own: Array<BlockFeature & {read: Reader}> = [
  {name: 'words', describes: 'words', shown: 'count', read: (block) => logCount(block.features.words)},
  {name: 'chars', describes: 'characters', shown: 'count', read: (block) => logCount(block.features.chars)},
  {name: 'sentences', describes: 'sentences', shown: 'count', read: (block) => logCount(block.features.sentences)},
  {name: 'stopword-density', describes: 'stopword density', shown: 'number', read: (block) => block.features.stopwordDensity},
  {name: 'relative-stopword-density', describes: "stopword density above the page's", shown: 'number', read: (block, _, context) => block.features.stopwordDensity - context.pageStopwordDensity},
  {name: 'chars-per-word', describes: 'characters per word', shown: 'count', read: (block) => logCount(block.features.chars / Math.max(1, block.features.words))},
  {name: 'unspaced-share', describes: 'share of characters in scripts written without spaces', shown: 'number', read: (block, index, context) => (context.characters[index] as CharacterCounts).unspaced / Math.max(1, block.text.length)},
  {name: 'link-density', describes: 'link density', shown: 'number', read: (block) => block.evidence.linkDensity},
  {name: 'terminal', describes: 'ends like a sentence', shown: 'flag', read: (block) => flag(block.features.terminal)},
  {name: 'starts-upper', describes: 'starts with a capital', shown: 'flag', read: (block) => flag(block.features.startsUpper)},
  {name: 'capitalised-share', describes: 'share of capitalised words', shown: 'number', read: (block) => block.features.capitalisedShare},
  {name: 'punctuation-share', describes: 'share of punctuation', shown: 'number', read: (block, index, context) => (context.characters[index] as CharacterCounts).nonWord / Math.max(1, block.text.length)},
  {name: 'digit-share', describes: 'share of digits', shown: 'number', read: (block, index, context) => (context.characters[index] as CharacterCounts).digits / Math.max(1, block.text.length)},
  {name: 'list-marker', describes: 'a list item', shown: 'flag', read: (block) => flag(block.features.listMarker || block.evidence.listItem)},
  {name: 'heading', describes: 'a heading', shown: 'flag', read: (block) => flag(block.evidence.heading !== undefined)},
  {name: 'heading-like', describes: 'reads like a heading', shown: 'flag', read: (block) => flag(block.features.headingLike)},
  {name: 'title', describes: "the page's title", shown: 'flag', read: (block) => flag(block.evidence.title)},
  {name: 'in-article', describes: 'inside the article container', shown: 'flag', read: (block) => flag(block.inArticle)},
  {name: 'outside-article', describes: 'outside the article or main region', shown: 'flag', read: (block) => flag(block.outsideArticle)},
  ...qualityClasses.map((quality) => ({name: `quality-${quality}`, describes: `quality class ${quality}`, shown: 'flag' as const, read: ((block) => flag(block.quality?.class === quality)) as Reader})),
  {name: 'hand-keeps', describes: 'the hand-set rules keep it', shown: 'flag', read: (_, index, context) => flag(context.handKeeps[index])},
  {name: 'removed', describes: 'a rule removed it', shown: 'flag', read: (block) => flag(block.removal !== undefined)},
  {name: 'removal-in-flow', describes: 'removed from the article’s flow', shown: 'flag', read: (block) => flag(block.removal?.inFlow)}
]

/** Features of the block alone: its rules, its element, its place in the page, the page's type. */
const single: Section[] = [
  flags('removed', removalGroups, (group) => `removed as ${group}`, (block) => (block.removal === undefined ? undefined : removalGroup(block.removal))),
  ...wordBins.map(([low, high]) =>
    feature(`words-${low}-${high}`, high === Infinity ? `${low} words or more` : `${low} to ${high} words`, 'flag', (block) => flag(block.features.words >= low && block.features.words <= high))
  ),
  ...linkBins.map(([low, high]) =>
    feature(`links-${low}-${high}`, low === 0 && high === 0 ? 'no links' : `link density over ${low} up to ${high}`, 'flag', (block) =>
      flag(low === 0 && high === 0 ? block.evidence.linkDensity === 0 : block.evidence.linkDensity > low && block.evidence.linkDensity <= high)
    )
  ),
  feature('removal-score', 'removal score', 'number', (block) => block.removal?.score ?? 0),
  feature('protected', 'protected by a rule', 'flag', (block) => flag(block.protection !== undefined)),
  feature('blank-before', 'space above it', 'flag', (block) => flag(block.evidence.blankLinesBefore > 0)),
  feature('indented', 'indented or preformatted', 'flag', (block) => flag(block.evidence.indent !== undefined || block.evidence.preformatted !== undefined)),
  feature('element', 'an HTML element', 'flag', (block) => flag(block.evidence.kind === 'element')),
  flags('tag', tagGroups, (group) => `a ${group} element`, (block) => (block.evidence.html === undefined ? undefined : (tagGroupOf.get(block.evidence.html.tag) ?? 'other'))),
  feature('in-list', 'inside a list', 'flag', (block) => flag(block.evidence.html?.inList)),
  feature('in-table', 'inside a table', 'flag', (block) => flag(block.evidence.html?.inTable)),
  feature('in-quote', 'inside a quotation', 'flag', (block) => flag(block.evidence.html?.inQuote)),
  feature('depth', 'DOM depth', 'number', (block) => Math.min(block.evidence.html?.depth ?? 0, 40) / 10),
  feature('commas-per-word', 'commas per word', 'number', (block) => (block.evidence.html?.commas ?? (block.text.match(/[,，、]/gu)?.length ?? 0)) / Math.max(1, block.features.words)),
  feature('hinted', 'inside an element named as furniture', 'flag', (_, index, context) => flag(context.hints[index] !== undefined)),
  // A hint word is matched inside the hint (`commentlist` is `comment`), so one hint may set several.
  flags('hint', data.hintWords, (word) => `inside ${word} furniture`, (_, index, context) => hintWordsIn(context.hints[index], context.hintWords)),
  feature('article-markup', 'inside markup naming the article', 'flag', (_, index, context) => flag(context.articleMarkup[index])),
  feature('position', 'place in the page', 'number', (_, index, context) => (context.charsBefore[index] as number) / Math.max(1, context.totalChars)),
  feature('before-title', 'above the title', 'flag', (_, index, context) => flag(context.titleIndex >= 0 && index < context.titleIndex)),
  feature('near-title', 'close below the title', 'flag', (_, index, context) => flag(context.titleIndex >= 0 && index >= context.titleIndex && index - context.titleIndex <= 3)),
  feature('page-blocks', "the page's blocks", 'count', (_, __, context) => logCount(context.blocks.length)),
  feature('page-stopword-density', "the page's stopword density", 'number', (_, __, context) => context.pageStopwordDensity),
  flags('page', pageTypes, (type) => `on a ${type} page`, (_, __, context) => context.pageType)
]

/** The hint words found in a block's hint, each hint read once a page. */
function hintWordsIn(hint: string | undefined, read: Map<string, string[]>): string[] | undefined {
  if (hint === undefined) return undefined
  let words = read.get(hint)
  if (!words) read.set(hint, (words = data.hintWords.filter((word) => hint.includes(word))))
  return words
}

/** The neighbours whose own features are read, by their distance. */
const neighbourOffsets = [-2, -1, 1, 2]
const neighbourName = (offset: number): string => (offset < 0 ? `previous-${-offset}` : `next-${offset}`)
/** A neighbour in words: `the block above`, `2 blocks below`. */
const neighbourWords = (offset: number): string => {
  const side = offset < 0 ? 'above' : 'below'
  return Math.abs(offset) === 1 ? `the block ${side}` : `${Math.abs(offset)} blocks ${side}`
}

/** Window (blocks either side) of the neighbourhood shares. */
const window = 5

const neighbourhood: Array<BlockFeature & {read: Reader}> = [
  {name: 'window-removed', describes: 'share of removed blocks around it', shown: 'number', read: (_, index, context) => around(index, context, (block) => block.removal !== undefined)},
  {name: 'window-hand-keeps', describes: 'share of blocks around it the hand-set rules keep', shown: 'number', read: (_, index, context) => around(index, context, (_, at) => context.handKeeps[at] === true)},
  {name: 'window-good', describes: 'share of good prose around it', shown: 'number', read: (_, index, context) => around(index, context, (block) => block.quality?.class === 'good')},
  {name: 'window-linked', describes: 'share of linked blocks around it', shown: 'number', read: (_, index, context) => around(index, context, (block) => block.evidence.linkDensity > 0.5)},
  {name: 'window-in-article', describes: 'share of blocks around it in the article', shown: 'number', read: (_, index, context) => around(index, context, (block) => block.inArticle === true)},
  // Last, so that a model fitted before them reads its features at the same places.
  {name: 'in-item-list', describes: "one of the page's repeated items (cards, result rows)", shown: 'flag', read: (block) => flag(block.inItemList)},
  {name: 'page-hand-kept-share', describes: "share of the page's words the hand-set rules keep", shown: 'number', read: (_, __, context) => context.handKeptShare},
  {name: 'alike-parents', describes: 'alike elements, each in a parent of its own (cards)', shown: 'count', read: (_, index, context) => logCount(context.alikeParents[index] as number)}
]

function around(index: number, context: Context, test: (block: Block, at: number) => boolean): number {
  let count = 0
  let hits = 0
  for (let at = Math.max(0, index - window); at <= Math.min(context.blocks.length - 1, index + window); at++) {
    if (at === index) continue
    count++
    if (test(context.blocks[at] as Block, at)) hits++
  }
  return count === 0 ? 0 : hits / count
}

/** For each block, how many different parents hold an element of its element's kind (its tag and class words, and its parent's); 0 on a text dump. */
function alikeParents(blocks: Block[], elements: ElementInfo[] | undefined): number[] {
  if (!elements) return blocks.map(() => 0)
  // An element's tag and class words, made once: siblings share their parent's.
  const signatures = new Map<number, string>()
  const signature = (index: number): string => {
    let made = signatures.get(index)
    if (made === undefined) {
      const element = elements[index] as ElementInfo
      signatures.set(index, (made = `${element.tag} ${element.tokens.join(' ')}`))
    }
    return made
  }
  const parents = new Map<string, Set<number>>()
  const kinds = blocks.map((block) => {
    const element = block.evidence.html?.element
    if (element === undefined || element < 0 || element >= elements.length) return undefined
    const parent = (elements[element] as ElementInfo).parent
    const kind = `${signature(element)}|${elements[parent] ? signature(parent) : ''}`
    let held = parents.get(kind)
    if (!held) parents.set(kind, (held = new Set()))
    held.add(parent)
    return kind
  })
  return kinds.map((kind) => (kind === undefined ? 0 : (parents.get(kind) as Set<number>).size))
}

/** The features in the model's order. */
export const blockFeatures: BlockFeature[] = [
  ...own.map(({name, describes, shown}) => ({name, describes, shown})),
  ...single.flatMap((section) => section.features),
  ...neighbourOffsets.flatMap((offset) => own.map(({name, describes, shown}) => ({name: `${neighbourName(offset)}-${name}`, describes: `${neighbourWords(offset)}: ${describes}`, shown}))),
  ...neighbourOffsets.map((offset) => ({name: `${neighbourName(offset)}-exists`, describes: `a block ${offset < 0 ? 'above' : 'below'} (${neighbourWords(offset)})`, shown: 'flag' as const})),
  ...neighbourhood.map(({name, describes, shown}) => ({name, describes, shown}))
]

/** Every block's features, in page order and `blockFeatures` order, one flat row per block. */
export function blockFeatureValues(tree: Root): Float64Array[] {
  return blockFeatureRows(tree, blocksOf(tree).map((_, index) => index))
}

/**
 * The feature rows of the blocks at `indices` (in page order), the same as
 * `blockFeatureValues` gives them: the block model makes only the rows of the
 * blocks it decides. Every block's own features are read, for its neighbours.
 */
export function blockFeatureRows(tree: Root, indices: readonly number[]): Float64Array[] {
  const blocks = blocksOf(tree).map((node) => node.data.block)
  const charsBefore: number[] = []
  let totalChars = 0
  for (const block of blocks) {
    charsBefore.push(totalChars)
    totalChars += block.features.chars
  }
  const {words, stopwordDensity: pageStopwordDensity} = wordsAndStopwords(blocks)
  const handKeeps = handKept(blocks, tree.data?.pageType?.type)
  const handKeptWords = blocks.reduce((sum, block, index) => sum + (handKeeps[index] ? block.features.words : 0), 0)
  const context: Context = {
    blocks,
    elements: tree.data?.elements,
    handKeeps,
    handKeptShare: words === 0 ? 0 : handKeptWords / words,
    charsBefore,
    totalChars,
    titleIndex: blocks.findIndex((block) => block.evidence.title),
    pageType: tree.data?.pageType?.type,
    pageStopwordDensity,
    characters: blocks.map((block) => characterCounts(block.text)),
    hints: [],
    hintWords: new Map(),
    articleMarkup: [],
    alikeParents: alikeParents(blocks, tree.data?.elements)
  }
  for (const index of indices) {
    const block = blocks[index] as Block
    context.hints[index] = hintOf(block, context.elements)
    context.articleMarkup[index] = underArticleMarkup(block, context.elements)
  }
  // One buffer for the page's own features and one for its rows, each row a view of it: a typed array of its own per row costs an allocation outside the heap.
  const owned = new Float64Array(blocks.length * own.length)
  blocks.forEach((block, index) => {
    for (let feature = 0; feature < own.length; feature++) owned[index * own.length + feature] = (own[feature] as (typeof own)[number]).read(block, index, context)
  })
  const rows = new Float64Array(indices.length * blockFeatures.length)
  return indices.map((index, place) => {
    const block = blocks[index] as Block
    const row = rows.subarray(place * blockFeatures.length, (place + 1) * blockFeatures.length)
    row.set(owned.subarray(index * own.length, (index + 1) * own.length))
    let at = own.length
    for (const section of single) {
      if ('read' in section) {
        row[at++] = section.read(block, index, context)
        continue
      }
      // The row starts at 0: only the group's flags the block has are set.
      for (const position of section.flagged(block, index, context)) row[at + position] = 1
      at += section.features.length
    }
    for (const offset of neighbourOffsets) {
      const neighbour = index + offset
      // A missing neighbour's features stay 0, as the buffer starts.
      if (neighbour >= 0 && neighbour < blocks.length) row.set(owned.subarray(neighbour * own.length, (neighbour + 1) * own.length), at)
      at += own.length
    }
    for (const offset of neighbourOffsets) row[at++] = flag(index + offset >= 0 && index + offset < blocks.length)
    for (const feature of neighbourhood) row[at++] = feature.read(block, index, context)
    return row
  })
}

/** A feature's value in words (`link density 0.92`, `6 words`, `inside a <nav>`). */
export function describeFeature(feature: BlockFeature, value: number): string {
  if (feature.shown === 'flag') return value > 0 ? feature.describes : `not ${feature.describes}`
  if (feature.shown === 'count') return `${feature.describes} ${Math.round(Math.expm1(value))}`
  return `${feature.describes} ${value.toFixed(2)}`
}

/**
 * The features of the model's second stage, which reads the first stage's
 * probabilities of content along the page, the way context smoothing reads
 * quality classes: a block's own probability, its neighbours', the mean over
 * windows around it, and where it lies against the likely content.
 */
export const contextFeatures: BlockFeature[] = [
  {name: 'own', describes: 'its own evidence', shown: 'number'},
  ...neighbourOffsets.map((offset) => ({name: `${neighbourName(offset)}-probability`, describes: `content probability of ${neighbourWords(offset)}`, shown: 'number' as const})),
  {name: 'near-probability', describes: 'content probability of the blocks close around it', shown: 'number'},
  {name: 'wide-probability', describes: 'content probability of the blocks around it', shown: 'number'},
  {name: 'page-probability', describes: "content probability of the page's text", shown: 'number'},
  {name: 'before-content', describes: 'above all likely content', shown: 'flag'},
  {name: 'after-content', describes: 'below all likely content', shown: 'flag'},
  {name: 'tokens', describes: 'words', shown: 'count'}
]

/** Blocks either side in the near and wide windows of `contextFeatures`. */
const nearWindow = 3
const wideWindow = 10
/** Probability from which a block of some length counts as likely content, for `before-content` and `after-content`. */
const likelyContent = 0.5
const likelyContentMinTokens = 10

/** Log-odds, bounded so a probability of 0 or 1 stays finite. */
export const logit = (probability: number): number => {
  const bounded = Math.min(1 - 1e-4, Math.max(1e-4, probability))
  return Math.log(bounded / (1 - bounded))
}

/**
 * The second stage's features of the blocks the model decides, in page order,
 * from their first-stage probabilities and their word counts.
 */
export function contextFeatureValues(probabilities: ArrayLike<number>, tokens: ArrayLike<number>): Float64Array[] {
  const count = probabilities.length
  const weightedMean = (from: number, to: number, skip: number): number => {
    let sum = 0
    let weight = 0
    for (let at = Math.max(0, from); at <= Math.min(count - 1, to); at++) {
      if (at === skip) continue
      const tokenWeight = (tokens[at] as number) + 1
      sum += tokenWeight * (probabilities[at] as number)
      weight += tokenWeight
    }
    return weight === 0 ? 0 : sum / weight
  }
  const likely = (at: number): boolean => (probabilities[at] as number) >= likelyContent && (tokens[at] as number) >= likelyContentMinTokens
  let first = -1
  let last = -1
  for (let at = 0; at < count; at++) {
    if (!likely(at)) continue
    if (first < 0) first = at
    last = at
  }
  const page = weightedMean(0, count - 1, -1)
  const rows = new Float64Array(count * contextFeatures.length)
  return Array.from({length: count}, (_, index) => {
    const row = rows.subarray(index * contextFeatures.length, (index + 1) * contextFeatures.length)
    let at = 0
    row[at++] = logit(probabilities[index] as number)
    for (const offset of neighbourOffsets) row[at++] = index + offset >= 0 && index + offset < count ? (probabilities[index + offset] as number) : 0
    row[at++] = weightedMean(index - nearWindow, index + nearWindow, index)
    row[at++] = weightedMean(index - wideWindow, index + wideWindow, index)
    row[at++] = page
    row[at++] = flag(first < 0 || index < first)
    row[at++] = flag(first < 0 || index > last)
    row[at++] = logCount(tokens[index] as number)
    return row
  })
}
