import type {Element, Root as HastRoot} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import {parse} from 'parse5'
import type {Plugin} from 'unified'
import {VFile} from 'vfile'
import {calibrateStopwords, createBlockNode} from '../block.js'
import {pageLanguage} from '../language.js'
import {checkBlockCount, checkDeadline, DechaffInputError, deadlineStride, maxElements} from '../limits.js'
import type {BlockNode, Root, SourcePlace} from '../types.js'
import {parseWithJsdom} from './dom.js'
import {flattenToText, markupShape, maxNesting} from './flatten.js'
import {bodyOf, documentTitle, extractBlocks, type RawBlock} from './html-blocks.js'
import {parseJsonLd, readHead} from './head.js'
import {jsonLdProductDescription, showProductDescription} from './structured.js'
import {jsonLdArticleBody, sourceOffset, stripNonContent, type StrippedHtml} from './strip.js'
import {parseText} from './text.js'
import {headlineOf, shownHeadlineIndex, titleIndex} from './title.js'
import {defaults} from '../thresholds.js'
import {blocksOf} from '../tree.js'

/** Fewest words of a page: one that shows fewer without its scripts is read from its `<noscript>` markup when that shows at least as many (a notice to turn scripts on shows fewer). */
const {noscriptFallback} = defaults

/** Which HTML parser builds the tree: parse5 straight into hast, or jsdom's browser DOM converted to hast. */
export type HtmlParser = 'parse5' | 'jsdom'

export interface ParseHtmlOptions {
  /** `parse5` (default): fast, what browsers' parsing spec says; `jsdom`: a full browser DOM first, for users who want one. */
  parser?: HtmlParser
  /** The page's language as an ISO 639-1 code, or `auto` to detect it from its longest blocks (default: auto). */
  language?: string
  /** parse5: give each block's element its place in the page's source, `evidence.html.source` (default: false). */
  sourcePositions?: boolean
  /** Give every sentence and word its place in the page's text view (default: true; see the text parser's option). */
  wordPositions?: boolean
}

/**
 * Parser plugin for HTML pages: the page is parsed into hast (parse5
 * underneath, no positions), what a reader never sees is skipped, and every
 * block-level element with text becomes a block of the same tree the text
 * parser builds, with DOM evidence in `data.block.evidence.html` (its hast
 * element among it), the element table in `root.data.elements` and the hast
 * tree in `root.data.hast`. Positions refer to the page's text view: the
 * blocks in order, a blank line between them. Markup nested deeper than a
 * tree can be built for is read as text instead.
 */
const dechaffParseHtml: Plugin<[ParseHtmlOptions?], string, Root> = function (options = {}) {
  const parser = options.parser ?? 'parse5'
  const sourcePositions = options.sourcePositions ?? false
  this.parser = (document, file) => parseHtml(document, file, parser, options.language, sourcePositions, options.wordPositions ?? true)
}

export default dechaffParseHtml

/** Parse an HTML page into the block tree. */
export function parseHtml(html: string, file?: VFile, parser: HtmlParser = 'parse5', language?: string, sourcePositions = false, wordPositions = true): Root {
  const stripped = stripNonContent(html)
  const shape = markupShape(stripped.html)
  if (shape.depth > maxNesting) return parseText(flattenToText(stripped.html), file, language, wordPositions)
  if (shape.elements > maxElements) throw new DechaffInputError(`page opens ${shape.elements} elements, over the ${maxElements} limit (maxElements); refused to bound memory`)
  const tree = parseStripped(html, stripped, file, parser, language, sourcePositions, wordPositions)
  if (stripped.noscripts === 0) return tree
  return readNoscriptWhenEmpty(tree, () => {
    const unwrapped = stripNonContent(html, true)
    const unwrappedShape = markupShape(unwrapped.html)
    if (unwrappedShape.depth > maxNesting || unwrappedShape.elements > maxElements) return undefined
    return parseStripped(html, unwrapped, file, parser, language, sourcePositions, wordPositions)
  })
}

/**
 * A page that shows next to nothing without its scripts (an app rendered in
 * the browser) is read as a browser without scripts shows it, from its
 * `<noscript>` markup, when that shows enough; `unwrapped` gives that reading.
 */
export function readNoscriptWhenEmpty(tree: Root, unwrapped: () => Root | undefined): Root {
  if (wordsOf(tree) >= noscriptFallback.minWords) return tree
  const fallback = unwrapped()
  return fallback && wordsOf(fallback) >= noscriptFallback.minWords ? fallback : tree
}

/** Put each `<noscript>` element's children in its place (a document parsed with scripting off holds its markup as elements); whether there was one. */
export function unwrapNoscript(hast: HastRoot): boolean {
  let found = false
  const parents: Array<HastRoot | Element> = [hast]
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    const children: Array<HastRoot['children'][number]> = []
    for (const child of parent.children) {
      if (child.type !== 'element') {
        children.push(child)
        continue
      }
      if (child.tagName === 'noscript') {
        found = true
        children.push(...child.children)
        parents.push({...child, children: child.children})
        continue
      }
      children.push(child)
      parents.push(child)
    }
    parent.children = children as typeof parent.children
  }
  return found
}

/** The block tree of a page's markup once stripped. */
function parseStripped(html: string, stripped: StrippedHtml, file: VFile | undefined, parser: HtmlParser, language: string | undefined, sourcePositions: boolean, wordPositions: boolean): Root {
  const located = sourcePositions && parser === 'parse5'
  const hast =
    parser === 'jsdom'
      ? parseWithJsdom(stripped.html)
      : located
        ? (fromParse5(parse(stripped.html, {scriptingEnabled: false, sourceCodeLocationInfo: true}), {file: new VFile(stripped.html)}) as HastRoot)
        : (fromParse5(parse(stripped.html, {scriptingEnabled: false})) as HastRoot)
  checkDeadline(file, 'parsing the HTML')
  return blockTreeOfHast(hast, stripped.jsonLd, file, language, located ? sourcePlaces(html, stripped) : undefined, wordPositions)
}

/** How many words a block tree's blocks hold. */
function wordsOf(tree: Root): number {
  return blocksOf(tree).reduce((sum, node) => sum + node.data.block.features.words, 0)
}

/** Line, column and offset in the page of an offset into its stripped markup. */
function sourcePlaces(html: string, stripped: StrippedHtml): (offset: number) => SourcePlace {
  const lineStarts = [0]
  for (let index = html.indexOf('\n'); index !== -1; index = html.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  return (strippedOffset) => {
    const offset = sourceOffset(stripped, strippedOffset)
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if ((lineStarts[middle] as number) <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - (lineStarts[low] as number) + 1, offset}
  }
}

/**
 * The block tree of a parsed page: its blocks, the headline of `<title>` as
 * the first block when the page has no `<h1>` and does not show it, the title
 * block marked (the block that shows the headline when the `<h1>` names only
 * the site or section), a
 * product description the page states only in its JSON-LD shown after the
 * `<h1>` (`root.data.productDescription`), the evidence the HTML classifiers read, and what the page states about itself
 * (`root.data.stated`) for the metadata step.
 */
export function blockTreeOfHast(hast: HastRoot, jsonLd: string[], file?: VFile, language?: string, placeOf?: (offset: number) => SourcePlace, wordPositions = true): Root {
  const documents = parseJsonLd(jsonLd)
  const articleBody = jsonLdArticleBody(documents)
  const described = jsonLdProductDescription(documents)
  const {stated, page} = readHead(hast, documents)
  const title = documentTitle(hast)
  const body = bodyOf(hast)
  const productDescription = body && described ? showProductDescription(body, described) : undefined
  const {blocks, elements} = body ? extractBlocks(body) : {blocks: [], elements: []}
  checkBlockCount(blocks.length)
  checkDeadline(file, 'reading the page structure')
  // A page may show its `<title>`'s headline outside an `<h1>` (a table cell, a styled `<div>`, an `<h2>` under a site's name in the `<h1>`): that block is its title.
  // Without one, and without an `<h1>`, the headline stands in for it, on a page that shows any text (a script-only shell shows none, and has no content to clean).
  const headline = blocks.length === 0 ? '' : headlineOf(title)
  const h1At = titleIndex(blocks, title)
  const shown = shownHeadlineIndex(blocks, headline, h1At, defaults.htmlTitle.h1MinHeadlineOverlap)
  let titleAt = shown === -1 ? h1At : shown
  if (titleAt === -1 && headline) {
    blocks.unshift(headlineBlock(headline))
    titleAt = 0
  }
  const {profile, source} = pageLanguage(language, () => blocks.map((block) => block.text))
  const children: BlockNode[] = []
  let offset = 0
  let line = 1
  blocks.forEach((block, index) => {
    if (index % deadlineStride === 0) checkDeadline(file, 'splitting blocks into sentences')
    if (index > 0) {
      const gap = block.spaced ? 2 : 1
      offset += gap
      line += gap
    }
    children.push(
      createBlockNode(block.text, {offset, line, column: 1}, {
        index,
        kind: 'element',
        blankLinesBefore: block.spaced && index > 0 ? 1 : 0,
        linkDensity: block.text.length === 0 ? 0 : block.linkChars / block.text.length,
        ...(block.heading ? {heading: block.heading} : {}),
        listItem: block.listItem,
        ...(block.preformatted ? {preformatted: block.preformatted} : {}),
        ...(index === titleAt ? {title: true} : {}),
        html: withSource(block.html, placeOf)
      }, profile, file, wordPositions)
    )
    offset += block.text.length
    line += block.text.split('\n').length - 1
  })
  calibrateStopwords(children, profile)
  return {
    type: 'RootNode',
    children,
    data: {elements, hast, stated, page, language: {code: profile.code, source}, ...(articleBody ? {articleBody} : {}), ...(productDescription ? {productDescription} : {})},
    position: {start: {line: 1, column: 1, offset: 0}, end: {line, column: 1, offset}}
  }
}

/** A block's DOM evidence with its element's place in the page's source, when the parser kept places. */
function withSource(evidence: RawBlock['html'], placeOf: ((offset: number) => SourcePlace) | undefined): RawBlock['html'] {
  const offset = evidence.node?.position?.start.offset
  return placeOf && offset !== undefined ? {...evidence, source: placeOf(offset)} : evidence
}

/** The headline of `<title>`, standing in for the `<h1>` the page lacks. */
function headlineBlock(headline: string): RawBlock {
  return {
    text: headline,
    linkChars: 0,
    spaced: true,
    heading: 1,
    listItem: false,
    html: {tag: 'title', element: 0, inList: false, inTable: false, inQuote: false, depth: 0, commas: 0}
  }
}
