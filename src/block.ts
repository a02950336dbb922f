import type {Paragraph, Root as NlcstRoot, Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {BlockParser, LatinBlockParser, type BlockStart} from './block-parser.js'
import {english, type LanguageProfile} from './language.js'
import {checkDeadline, countTokens} from './limits.js'
import {segmentBlock, unspacedScript} from './segment.js'
import {defaults} from './thresholds.js'
import type {Block, BlockEvidence, BlockFeatures, BlockNode} from './types.js'

const terminalPunctuation = /[.!?…。！？]["'”’)\]»」』）]*$/u
/** A question mark ending a text, before any closing quotes or brackets. */
export const questionEnd = /[?？]["'”’)\]»」』）]*$/u

const codeStart = /^(?:\$ |> |(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP) [A-Z]|npm |npx |yarn |pnpm |pip |python3? |node |git |docker |curl |wget |cd |ls |sudo |apt(?:-get)? |brew |make |cargo |go |java |mvn |gradle |kubectl |export |import |from \S+ import |const |let |var |function |def |class |return |public |private |#include|<\/?[a-z][\w-]*[\s>])/u
const codeSymbols = /[{}()[\];=<>$|&*\\_]/gu

/** A line of code or a shell command: a command start or dense programming punctuation. */
export function looksLikeCode(text: string): boolean {
  if (text.length > 400) return false
  if (codeStart.test(text)) return true
  const symbols = text.match(codeSymbols)?.length ?? 0
  return symbols >= 4 && symbols / text.length >= 0.08
}

/** Starts like a sentence: a capital, a digit, or a letter of a script without case (Chinese, Thai, Arabic). */
const sentenceStart = /^["'“‘(\[「『（]?[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u
const capitalStart = /^\p{Lu}/u
const listMarkerPattern = /^(?:[-+*•·▪◦‣–—►✓✔]|\p{So}|\d{1,3}[.)]|[a-z][.)]|\(\d{1,3}\))\s/u
const {maxChars: headingMaxChars, maxWords: headingMaxWords} = defaults.headings

/** Printable ASCII but the backtick: NFKC and quote folding leave such text as it is. */
const plainAscii = /^[\x20-\x5f\x61-\x7e]*$/

/** Longest text a reason quotes from a block ("inside the comment thread that starts at “…”"), in characters. */
const quotedMaxChars = 60

/** A block's words that hold a letter or a digit: its tokens without the punctuation ones. */
export function letteredWords(block: Pick<Block, 'words'>): string[] {
  return block.words.filter((word) => /[\p{L}\p{N}]/u.test(word))
}

/** A block's text as a reason quotes it: whole up to `quotedMaxChars`, else its start and an ellipsis. */
export function quotedStart(text: string): string {
  return text.length > quotedMaxChars ? `${text.slice(0, quotedMaxChars - 3)}…` : text
}

/** What `normalise` folds after case and compatibility forms: typographic quotes and white space (which `trim` and `\s` agree on). */
const quoteOrSpace = /[‘’‛′`“”„″\s]/u

/** Fold case, compatibility forms, typographic quotes and white space, for matching. */
export function normalise(text: string): string {
  // Most words and many lines are plain ASCII; lower-casing and spacing are all they need.
  if (plainAscii.test(text)) return text.toLowerCase().replace(/ {2,}/g, ' ').trim()
  const folded = text.normalize('NFKC').toLowerCase()
  // Most words hold no quote or space to fold: nothing is left to do for them.
  if (!quoteOrSpace.test(folded)) return folded
  return folded
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Turn one block of a page into an nlcst paragraph: the page language's
 * parser splits it into sentences and words placed in the page (parse-english,
 * the parser of retext-english, for English; parse-latin for other languages
 * written with spaces; `Intl.Segmenter` for text written without them), and
 * the block's evidence and features go into `data.block`.
 */
export function createBlockNode(text: string, start: BlockStart, evidence: BlockEvidence, language: LanguageProfile = english, file?: VFile, wordPositions = true): BlockNode {
  const ascii = plainAscii.test(text)
  const tree = !ascii && (language.segmentation === 'segmenter' || unspacedScript.test(text)) ? counted(segmentBlock(text, start, language.code), file) : parseSpaced(text, start, language, file, wordPositions)
  // A loop, not push(...): a block can hold more sentences than a call can take arguments.
  const children: Paragraph['children'] = []
  const sentences: Sentence[] = []
  for (const child of tree.children) {
    if (child.type !== 'ParagraphNode') continue
    for (const sentence of child.children) {
      children.push(sentence)
      if (sentence.type === 'SentenceNode') sentences.push(sentence)
    }
  }
  const paragraph: Paragraph = {
    type: 'ParagraphNode',
    children,
    position: {start: {...start}, end: endPoint(text, start)}
  }
  const normal = normalise(text)
  const reading = readSentences(sentences, text, normal)
  const block: Block = {
    text,
    normal,
    sentences: reading.sentences,
    words: reading.words,
    evidence,
    language,
    features: computeFeatures(text, ascii, sentences.length, reading, evidence, language)
  }
  return Object.assign(paragraph, {data: {block}})
}

/** Longest piece of a block parse-english is given at once: its sentence merging is quadratic in a piece's sentences. */
export const parseChunkChars = 4096
/** Where a long block may be cut for parsing: white space after a sentence's end, before a capital or digit. */
const chunkBoundary = /(?<=[.!?…。！？]["'”’)\]»]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu

/**
 * parse-english's tree of a block. A long block is parsed in pieces of at
 * most `parseChunkChars`, cut where a sentence ends, so its cost stays linear;
 * a stretch that long with no sentence end ("a.a.a.…", a run-on lower-case
 * dump) is read plainly, as sentences of white-space-separated words, as is
 * text that overflows the parser's recursion. The page's time budget is
 * checked between pieces.
 */
function parseSpaced(text: string, start: BlockStart, language: LanguageProfile, file: VFile | undefined, wordPositions: boolean): NlcstRoot {
  if (text.length <= parseChunkChars) return counted(parsePiece(text, wordPositions ? start : undefined, language), file)
  const root: NlcstRoot = {type: 'RootNode', children: []}
  let point = start
  for (let from = 0; from < text.length; ) {
    // A block of megabytes is many pieces: the page's time budget holds inside it too.
    checkDeadline(file, 'splitting blocks into sentences')
    const window = text.slice(from, from + parseChunkChars)
    let cut = window.length
    let plain = false
    if (from + window.length < text.length) {
      cut = lastBoundary(window)
      if (cut === 0) {
        plain = true
        cut = window.lastIndexOf(' ') + 1 || window.length
      }
    }
    const piece = window.slice(0, cut)
    const tree = counted(plain ? plainSentence(piece, point) : parsePiece(piece, wordPositions ? point : undefined, language), file)
    for (const child of tree.children) root.children.push(child)
    point = endPoint(piece, point)
    from += cut
  }
  return root
}

/** Where the last sentence of the text that ends before its end does (0: none). */
function lastBoundary(text: string): number {
  let last = 0
  chunkBoundary.lastIndex = 0
  for (let match = chunkBoundary.exec(text); match; match = chunkBoundary.exec(text)) last = match.index + match[0].length
  return last
}

/** The tree, its words, marks and spaces counted towards the page's `maxTokens`. */
function counted(tree: NlcstRoot, file: VFile | undefined): NlcstRoot {
  if (!file) return tree
  let tokens = 0
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) tokens += sentence.type === 'SentenceNode' ? sentence.children.length : 1
  }
  countTokens(file, tokens)
  return tree
}

/** parse-english's or parse-latin's tree of a piece; its words placed in the page from `start`, or unplaced without one. */
function parsePiece(text: string, start: BlockStart | undefined, language: LanguageProfile): NlcstRoot {
  try {
    return (language.segmentation === 'english' ? new BlockParser(start) : new LatinBlockParser(start)).parse(text)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return plainSentence(text, start)
  }
}

function plainSentence(text: string, start: BlockStart | undefined): NlcstRoot {
  const children: Sentence['children'] = []
  let {line, column, offset} = start ?? {line: 1, column: 1, offset: 0}
  for (const piece of text.match(/\s+|\S+/gu) ?? []) {
    const pieceStart = {line, column, offset}
    offset += piece.length
    const breaks = piece.split('\n').length - 1
    line += breaks
    column = breaks > 0 ? piece.length - piece.lastIndexOf('\n') : column + piece.length
    const placed = start ? {position: {start: pieceStart, end: {line, column, offset}}} : {}
    children.push(
      /^\s/u.test(piece)
        ? {type: 'WhiteSpaceNode', value: piece, ...placed}
        : {type: 'WordNode', children: [{type: 'TextNode', value: piece, ...placed}], ...placed}
    )
  }
  const sentence: Sentence = {type: 'SentenceNode', children}
  return {type: 'RootNode', children: [{type: 'ParagraphNode', children: [sentence]}]}
}

function endPoint(text: string, start: BlockStart): BlockStart {
  const lines = text.split('\n')
  const last = lines[lines.length - 1] ?? ''
  return {
    offset: start.offset + text.length,
    line: start.line + lines.length - 1,
    column: lines.length === 1 ? start.column + text.length : last.length + 1
  }
}

interface SentenceReading {
  /** The text of each sentence, normalised; sentences with no text left out. */
  sentences: string[]
  /** Every word, normalised. */
  words: string[]
  /** How many words start with a capital letter. */
  capitalised: number
}

/** Read the block's sentences and words in one walk, each word's text taken once. */
function readSentences(sentences: Sentence[], text: string, normal: string): SentenceReading {
  const reading: SentenceReading = {sentences: [], words: [], capitalised: 0}
  // Words are pieces of the block's text: in plain ASCII text they are plain ASCII too, and hold no white space.
  const normaliseWord = plainAscii.test(text) ? (word: string) => word.toLowerCase() : normaliseMixedWord
  for (const sentence of sentences) {
    let sentenceText = ''
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') {
        sentenceText += toString(child)
        continue
      }
      const word = wordText(child)
      sentenceText += word
      reading.words.push(normaliseWord(word))
      if (capitalStart.test(word)) reading.capitalised++
    }
    // A block of one sentence (most lines) is normalised already.
    const sentenceNormal = sentenceText === text ? normal : normalise(sentenceText)
    if (sentenceNormal) reading.sentences.push(sentenceNormal)
  }
  return reading
}

/** A word of a block that is not all plain ASCII: most of its words still are, and need only lower-casing. */
function normaliseMixedWord(word: string): string {
  return plainAscii.test(word) ? word.toLowerCase() : normalise(word)
}

/** A word's text: most words are one text node, whose value needs no joining. */
function wordText(word: Word): string {
  const first = word.children[0]
  return first && word.children.length === 1 ? toString(first) : toString(word)
}

/** Characters of scripts where one character holds about as much text as several Latin letters. */
const denseCharacters = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu
const {denseCharacterWeight} = defaults.lengthUnits

/**
 * A block's length in Latin-letter units: a Chinese character counts for
 * `denseCharacterWeight` letters, so a 37-character Chinese sentence is as
 * long as the English sentence it translates and a two-character menu entry
 * stays short.
 */
export function textLength(text: string, ascii = plainAscii.test(text)): number {
  if (ascii) return text.length
  const dense = text.match(denseCharacters)?.length ?? 0
  return Math.round(text.length + dense * (denseCharacterWeight - 1))
}

function computeFeatures(
  text: string,
  ascii: boolean,
  sentences: number,
  {words, capitalised}: SentenceReading,
  evidence: BlockEvidence,
  language: LanguageProfile
): BlockFeatures {
  let stop = 0
  for (const word of words) if (language.stopwords.has(word)) stop++
  const chars = textLength(text, ascii)
  const terminal = terminalPunctuation.test(text) && !questionEnd.test(text)
  const startsUpper = sentenceStart.test(text)
  const listMarker = evidence.listItem === true || listMarkerPattern.test(text)
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

const englishStopwords = english.stopwords
const {referenceProseDensity, maxStopwordScale, calibrationMinWords, calibrationMaxWords, calibrationSentenceWords} = defaults.language

/**
 * Put the blocks' stopword densities on the English scale the thresholds were
 * set on. Stopword lists differ in length and languages in how many function
 * words they write (Chinese prose scores half what English prose does with
 * stopwords-iso's list), so for other languages the page's longest sentences
 * (at least `calibrationMinWords`, at most about `calibrationMaxWords` words) tell
 * how dense its prose is, and every block's density is scaled by
 * `referenceProseDensity` over that (never down, at most `maxStopwordScale`).
 * English prose on such a page (an English article under comments in other
 * languages) keeps its English density where that is higher.
 */
export function calibrateStopwords(nodes: readonly BlockNode[], language: LanguageProfile): void {
  if (language.segmentation === 'english') return
  const scale = language.stopwords.size === 0 ? 1 : stopwordScale(nodes)
  for (const node of nodes) {
    const {features, words} = node.data.block
    let english = 0
    for (const word of words) if (englishStopwords.has(word)) english++
    const englishDensity = words.length === 0 ? 0 : english / words.length
    features.stopwordDensity = Math.max(Math.min(1, features.stopwordDensity * scale), englishDensity)
  }
}

/** How much to scale a page's stopword densities by: 1 when its sentences are too few to tell. */
function stopwordScale(nodes: readonly BlockNode[]): number {
  const sentences = nodes.map((node) => node.data.block.features).filter((features) => features.terminal && features.words >= calibrationSentenceWords)
  sentences.sort((a, b) => b.words - a.words)
  let words = 0
  let stop = 0
  for (const features of sentences) {
    if (words >= calibrationMaxWords) break
    words += features.words
    stop += features.stopwordDensity * features.words
  }
  if (words < calibrationMinWords || stop === 0) return 1
  return Math.min(maxStopwordScale, Math.max(1, (referenceProseDensity * words) / stop))
}

/** The blocks' words, and their stopword density weighted by words (0 without words). */
export function wordsAndStopwords(blocks: readonly Block[]): {words: number; stopwordDensity: number} {
  let words = 0
  let stop = 0
  for (const block of blocks) {
    words += block.features.words
    stop += block.features.stopwordDensity * block.features.words
  }
  return {words, stopwordDensity: words === 0 ? 0 : stop / words}
}
