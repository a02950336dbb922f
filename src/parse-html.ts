import type {Plugin} from 'unified'
import {createBlockNode} from './block.js'
import {extractBlocks} from './html/blocks.js'
import {documentTitle, dropInvisible, jsonLdArticleBody, parseDocument, releaseDocument, stripNonContent} from './html/dom.js'
import {flattenToText, maxNesting, nestingDepth} from './html/flatten.js'
import {checkDeadline, deadlineStride} from './limits.js'
import {parseText} from './parse-text.js'
import type {BlockNode, Root} from './types.js'
import type {VFile} from 'vfile'

/**
 * Parser plugin for HTML pages: jsdom parses the page, what a reader never
 * sees is dropped, and every block-level element with text becomes a block
 * of the same tree the text parser builds, with DOM evidence in
 * `data.block.evidence.html` and the element table in `root.data.elements`.
 * Positions refer to the page's text view: the blocks in order, a blank line
 * between them. Markup nested deeper than a DOM can be built for is read as
 * text instead.
 */
const dechaffParseHtml: Plugin<[], string, Root> = function () {
  this.parser = (document, file) => parseHtml(document, file)
}

export default dechaffParseHtml

/** Separators used by `<title>` between the headline and the site name. */
const titleSeparators = /\s+(?:\||-|–|—|::|·|•|»|\/)\s+/u

/** Parse an HTML page into the block tree. */
export function parseHtml(html: string, file?: VFile): Root {
  const stripped = stripNonContent(html)
  if (nestingDepth(stripped.html) > maxNesting) return parseText(flattenToText(stripped.html), file)
  const document = parseDocument(stripped.html)
  checkDeadline(file, 'parsing the HTML')
  const articleBody = jsonLdArticleBody(stripped.jsonLd)
  const title = documentTitle(document)
  dropInvisible(document)
  const {blocks, elements} = extractBlocks(document.body ?? document.documentElement)
  releaseDocument(document)
  checkDeadline(file, 'reading the page structure')
  if (!blocks.some((block) => block.heading === 1)) {
    const headline = headlineOf(title)
    if (headline) {
      blocks.unshift({
        text: headline,
        linkChars: 0,
        spaced: true,
        heading: 1,
        listItem: false,
        html: {tag: 'title', element: 0, inList: false, inTable: false, inQuote: false, depth: 0, commas: 0}
      })
    }
  }
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
        html: block.html
      })
    )
    offset += block.text.length
    line += block.text.split('\n').length - 1
  })
  return {
    type: 'RootNode',
    children,
    data: {elements, documentTitle: title, ...(articleBody ? {articleBody} : {})},
    position: {start: {line: 1, column: 1, offset: 0}, end: {line, column: 1, offset}}
  }
}

/** The headline part of a `<title>`: the longest part between site-name separators. */
export function headlineOf(title: string): string {
  const parts = title.split(titleSeparators).map((part) => part.trim()).filter(Boolean)
  return parts.reduce((best, part) => (part.length > best.length ? part : best), '')
}
