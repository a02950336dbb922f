import type {Paragraph, Root as NlcstRoot, Sentence, Word} from 'nlcst'
import type {Point} from 'unist'
import {toString} from 'nlcst-to-string'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import stopwordData from './data/stopwords-en.json' with {type: 'json'}
import type {Block, BlockEvidence, BlockFeatures, BlockNode} from './types.js'

/** Stopwords of the page language (English), as normalised words. */
export const stopwords: ReadonlySet<string> = new Set(stopwordData.words)

const english = unified().use(retextEnglish).freeze()

const terminalPunctuation = /[.!?…。！？]["'”’)\]»]*$/u
const listMarkerPattern = /^(?:[-+*•·▪◦‣–—►✓✔]|\p{So}|\d{1,3}[.)]|[a-z][.)]|\(\d{1,3}\))\s/u
const headingMaxChars = 150
const headingMaxWords = 20

/** Fold case, compatibility forms, typographic quotes and white space, for matching. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Where a block's text starts in the page. */
export interface BlockStart {
  offset: number
  line: number
  column: number
}

/**
 * Turn one block of a page into an nlcst paragraph: retext-english splits it
 * into sentences and words, positions are moved to the block's place in the
 * page, and the block's evidence and features go into `data.block`.
 */
export function createBlockNode(text: string, start: BlockStart, evidence: BlockEvidence): BlockNode {
  const tree = parseEnglish(text)
  // A loop, not push(...): a block can hold more sentences than a call can take arguments.
  const children: Paragraph['children'] = []
  for (const child of tree.children) {
    if (child.type === 'ParagraphNode') for (const sentence of child.children) children.push(sentence)
  }
  const end = endPoint(text, start)
  const paragraph: Paragraph = {
    type: 'ParagraphNode',
    children,
    position: {start: {...start}, end}
  }
  const shifted = new WeakSet<Point>()
  for (const child of children) shiftPositions(child, start, shifted)
  const words = blockWords(paragraph)
  const block: Block = {
    text,
    normal: normalise(text),
    sentences: blockSentences(paragraph),
    words,
    evidence,
    features: computeFeatures(text, paragraph, words, evidence)
  }
  return Object.assign(paragraph, {data: {block}})
}

/**
 * retext-english's tree of a block. Pathological text ("a.a.a.…" two hundred
 * thousand times) overflows its recursion; such a block is read as one
 * sentence of white-space-separated words instead.
 */
function parseEnglish(text: string): NlcstRoot {
  try {
    return english.parse(text)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return plainSentence(text)
  }
}

function plainSentence(text: string): NlcstRoot {
  const children: Sentence['children'] = []
  let line = 1
  let column = 1
  let offset = 0
  for (const piece of text.match(/\s+|\S+/gu) ?? []) {
    const start = {line, column, offset}
    offset += piece.length
    const breaks = piece.split('\n').length - 1
    line += breaks
    column = breaks > 0 ? piece.length - piece.lastIndexOf('\n') : column + piece.length
    const position = {start, end: {line, column, offset}}
    children.push(
      /^\s/u.test(piece)
        ? {type: 'WhiteSpaceNode', value: piece, position}
        : {type: 'WordNode', children: [{type: 'TextNode', value: piece, position}], position}
    )
  }
  const sentence: Sentence = {type: 'SentenceNode', children}
  return {type: 'RootNode', children: [{type: 'ParagraphNode', children: [sentence]}]}
}

function endPoint(text: string, start: BlockStart): Point {
  const lines = text.split('\n')
  const last = lines[lines.length - 1] ?? ''
  return {
    offset: start.offset + text.length,
    line: start.line + lines.length - 1,
    column: lines.length === 1 ? start.column + text.length : last.length + 1
  }
}

interface Positioned {
  position?: {start: Point; end: Point}
  children?: Positioned[]
}

/** Move positions to the page; the parser shares point objects between nodes, so each is moved once. */
function shiftPositions(node: Positioned, start: BlockStart, shifted: WeakSet<Point>): void {
  if (node.position) {
    shiftPoint(node.position.start, start, shifted)
    shiftPoint(node.position.end, start, shifted)
  }
  if (node.children) for (const child of node.children) shiftPositions(child, start, shifted)
}

function shiftPoint(point: Point, start: BlockStart, shifted: WeakSet<Point>): void {
  if (shifted.has(point)) return
  shifted.add(point)
  if (point.line === 1) point.column += start.column - 1
  point.line += start.line - 1
  if (point.offset !== undefined) point.offset += start.offset
}

/** The block's words, lower-cased with quotes folded. */
function blockWords(paragraph: Paragraph): string[] {
  const words: string[] = []
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    for (const child of (sentence as Sentence).children) {
      if (child.type === 'WordNode') words.push(normalise(toString(child as Word)))
    }
  }
  return words
}

/** The text of each sentence of the block, normalised. */
function blockSentences(paragraph: Paragraph): string[] {
  const sentences: string[] = []
  for (const child of paragraph.children) {
    if (child.type === 'SentenceNode') {
      const sentence = normalise(toString(child))
      if (sentence) sentences.push(sentence)
    }
  }
  return sentences
}

function computeFeatures(text: string, paragraph: Paragraph, words: string[], evidence: BlockEvidence): BlockFeatures {
  let stop = 0
  let capitalised = 0
  for (const word of words) if (stopwords.has(word)) stop++
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    for (const child of sentence.children) {
      if (child.type === 'WordNode' && /^\p{Lu}/u.test(toString(child))) capitalised++
    }
  }
  const chars = text.length
  const terminal = terminalPunctuation.test(text) && !/[?？]["'”’)\]»]*$/u.test(text)
  const startsUpper = /^["'“‘(\[]?[\p{Lu}\p{N}]/u.test(text)
  const listMarker = evidence.listItem === true || listMarkerPattern.test(text)
  const sentences = paragraph.children.filter((child) => child.type === 'SentenceNode').length
  return {
    chars,
    words: words.length,
    stopwordDensity: words.length === 0 ? 0 : stop / words.length,
    sentences,
    terminal,
    startsUpper,
    capitalisedShare: words.length === 0 ? 0 : capitalised / words.length,
    listMarker,
    headingLike:
      evidence.heading !== undefined ||
      (chars <= headingMaxChars &&
        words.length > 0 &&
        words.length <= headingMaxWords &&
        !terminal &&
        startsUpper &&
        !listMarker &&
        !/[:;,]$/.test(text))
  }
}
