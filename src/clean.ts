import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import dechaffCompileHtml from './compile/html.js'
import dechaffCompileMarkdown from './compile/markdown.js'
import {opensWithCommentCount} from './comment-headers.js'
import dechaffCompileText, {compileText, isRemovedComment} from './compile/text.js'
import {budgetOf, DechaffInputError, defaultMaxBytes, startClock} from './limits.js'
import {validateOptions, type CleanOptions, type OutputFormat} from './options.js'
import {decodeHtml, undoubleDecoding} from './parse/decode.js'
import {hastOfDocument} from './parse/dom.js'
import dechaffParseHtml, {blockTreeOfHast, readNoscriptWhenEmpty, unwrapNoscript} from './parse/html.js'
import {jsonLdScripts} from './parse/strip.js'
import dechaffParseText from './parse/text.js'
import dechaffPageMetadata from './metadata.js'
import {classifierList} from './pipeline.js'
import dechaffSettle, {lastResortRule, shortPostRule} from './settle.js'
import {defaults} from './thresholds.js'
import {blocksOf, readsAsHeading} from './tree.js'
import type {LanguageSource} from './language.js'
import type {InputKind, MetadataSources, PageMetadata, PageTypeVerdict, QualityClass, Root, SourcePlace} from './types.js'

type VFileMessage = VFile['messages'][number]

export type {CleanOptions} from './options.js'

/** One block of the page and what was decided about it. */
export interface BlockReport {
  index: number
  text: string
  kept: boolean
  ruleId: string
  reason: string
  score: number
  quality: QualityClass | undefined
  /** The numbers the classifiers read. */
  features: {chars: number; words: number; stopwordDensity: number; sentences: number}
  /** Place in the page (for HTML, in its text view). */
  start: {line: number; column: number; offset: number}
  /** HTML blocks: the element the text came from. */
  tag?: string
  /** HTML blocks with `sourcePositions`: where that element starts in the page's source. */
  source?: SourcePlace
  /** A heading (an HTML heading, or a heading-like line of a text dump). */
  heading: boolean
  /** A list item. */
  listItem: boolean
  /** The block model's probability that the block is content, where the model decided it. */
  probability?: number
}

export interface CleanResult {
  /** The kept text. */
  text: string
  /** The kept content in the asked `format` (the same as `text` for `text`). */
  output: string
  /** The format of `output`. */
  format: OutputFormat
  /** What the input was taken to be. */
  input: InputKind
  /** The page's language (ISO 639-1; `und` when it has too little text to tell) and where it came from: the `language` option, detection, or the English default. */
  language: {code: string; source: LanguageSource}
  /** Every block of the page, in order, with its verdict. */
  blocks: BlockReport[]
  /** With `comments: true`: the page's comment thread as text, which `text` leaves out (empty when the page has none). */
  comments?: string
  /** The page's type and the evidence for it (absent when the page-type classifier is turned off). */
  pageType?: PageTypeVerdict
  /** The page-type message, then one message per removed block, in page order. */
  messages: VFileMessage[]
  /** The page's metadata: title, authors, dates, site, description, language, canonical URL, image, tags, categories (fields the page lacks are absent). */
  metadata: PageMetadata
  /** Where each metadata field came from (`json-ld NewsArticle.headline`, `meta og:title`, `byline block 3`…). */
  metadataSources: MetadataSources
}

export {DechaffInputError} from './limits.js'

/** Share of control characters above which a page is taken for binary. */
const binaryControlShare = 0.01


export type DechaffProcessor = Processor<Root, Root, Root, Root, string>

const compilers = {text: dechaffCompileText, markdown: dechaffCompileMarkdown, html: dechaffCompileHtml} as const

/** A frozen processor for one kind of input, with the given options. Its blocks are placed in the page; their words are not (see the parsers' `wordPositions`). */
export function createProcessor(kind: InputKind, options: CleanOptions = {}): DechaffProcessor {
  validateOptions(options)
  const structure = {links: options.links ?? false, images: options.images ?? false, ...(options.frontMatter ? {frontMatter: true} : {})}
  const language = options.language ?? 'auto'
  return unified()
    // Messages place blocks, never words: words go unplaced, which saves most of their cost.
    .use(kind === 'html' ? [[dechaffParseHtml, {parser: options.parser ?? 'parse5', language, sourcePositions: options.sourcePositions ?? false, wordPositions: false}]] : [[dechaffParseText, {language, wordPositions: false}]])
    .use(classifierList(options))
    .use(dechaffSettle, options.settle ?? {})
    .use(dechaffPageMetadata)
    .use(compilers[options.format ?? 'text'], structure)
    .freeze() as unknown as DechaffProcessor
}

/**
 * How many processors `sharedProcessor` keeps: making one (compiling the
 * lexicons, attaching every plugin) costs about a fifth of cleaning a page,
 * and a caller cleaning page after page with `clean(page, options)` or
 * `cleanDocument(document, options)` should not pay it each time. Eight sets
 * of options, each with its two kinds of input and their second passes.
 */
const keptProcessors = 32
const recentProcessors = new Map<string, DechaffProcessor>()

/**
 * The frozen processor for one kind of input and these options: one made for
 * equal options before (compared as JSON), or a new one, kept among the most
 * recent. Options that JSON cannot compare (a function, a class instance) get
 * a processor of their own. A processor runs one page at a time to the end, so
 * cleaners share it as pages do.
 */
export function sharedProcessor(kind: InputKind, options: CleanOptions): DechaffProcessor {
  const json = optionsKey(options)
  if (json === undefined) return createProcessor(kind, options)
  const key = `${kind} ${json}`
  let processor = recentProcessors.get(key)
  if (processor) recentProcessors.delete(key)
  else processor = createProcessor(kind, options)
  recentProcessors.set(key, processor)
  const oldest = recentProcessors.keys().next().value
  if (recentProcessors.size > keptProcessors && oldest !== undefined) recentProcessors.delete(oldest)
  return processor
}

/**
 * A cleaning function with its processors made once, for batches. `charset`
 * is the one the page's HTTP `Content-Type` declared, if any (a WARC response).
 */
export type Cleaner = (input: string | Uint8Array, path?: string, charset?: string) => CleanResult

/** Make the processors once; the returned function cleans page after page. */
export function createCleaner(options: CleanOptions = {}): Cleaner {
  const processors: Partial<Record<InputKind, DechaffProcessor>> = {}
  const retyped: Partial<Record<InputKind, DechaffProcessor>> = {}
  const timeoutMs = budgetOf(options)
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  return (input, path, charset) => {
    const size = typeof input === 'string' ? Buffer.byteLength(input) : input?.byteLength
    if (size !== undefined && size > maxBytes) {
      throw new DechaffInputError(`page is ${size} bytes, over the ${maxBytes}-byte limit (maxBytes)`)
    }
    // UTF-16 is read before the kind is told from the page's start.
    const source = input instanceof Uint8Array ? (unicodeBom(input) ?? input) : input
    const kind = options.input && options.input !== 'auto' ? options.input : detectInput(source)
    const processor = (processors[kind] ??= sharedProcessor(kind, options))
    const file = startFile(toText(source, kind, charset), path || options.path, timeoutMs)
    return runWithFallback(processor, () => (retyped[kind] ??= sharedProcessor(kind, otherThanArticle(options))), kind, (processor, file) => processor.parse(file), file, options)
  }
}

/**
 * Run the pipeline on the tree `parse` builds; a page the model took for an
 * article whose article's rules kept almost nothing (`keptAlmostNothing`) is
 * parsed and cleaned again, from the start (the classifiers have marked the
 * first tree's blocks), by the processor that takes its likeliest other type,
 * within the first pass's deadline; the first pass's result stands when the
 * second keeps no words.
 */
function runWithFallback(processor: DechaffProcessor, retyped: () => DechaffProcessor, kind: InputKind, parse: (processor: DechaffProcessor, file: VFile) => Root, file: VFile, options: CleanOptions): CleanResult {
  const {result, tree} = run(processor, kind, parse(processor, file), file, options)
  if (!keptAlmostNothing(result, tree, options)) return result
  const again = retyped()
  const second = startFile(String(file.value), file.path, 0)
  if (file.data.deadline !== undefined) Object.assign(second.data, {deadline: file.data.deadline, timeoutMs: file.data.timeoutMs})
  const {result: retypedResult} = run(again, kind, parse(again, second), second, options)
  // An empty page is never the better reading: where the other type's rules keep nothing at all, the article's stands.
  return retypedResult.blocks.some((block) => block.kept && block.features.words > 0) ? retypedResult : result
}

/**
 * Whether a page the model took for an article kept almost nothing under the
 * article's rules, though it has words enough for more: a listing of teasers,
 * a service page's sections, a discussion's page whose comments are its
 * posts, all read as what surrounds an article that is not there. Almost
 * nothing is at most `maxKeptWords` words, or at most `maxKeptShare` of the
 * page's words with no kept block longer than `maxKeptBlockWords` (no
 * paragraph of an article's body: its short lines are a few of many alike),
 * nor as many words of prose kept under a kept heading.
 * Such a page is cleaned again as the model's likeliest other type, however
 * unlikely the model found it: the kept nothing is the evidence
 * (`pageTypeFallback` in `data/thresholds.json`).
 */
export function keptAlmostNothing(result: CleanResult, tree: Root, options: CleanOptions): boolean {
  const alternative = result.pageType?.alternative
  const fallback = defaults.pageTypeFallback
  if (options.pageType || result.pageType?.type !== 'article' || !alternative) return false
  const words = (blocks: BlockReport[]): number => blocks.reduce((sum, block) => sum + block.features.words, 0)
  const pageWords = words(result.blocks)
  if (pageWords < fallback.minPageWords) return false
  // Blocks kept only as a last resort (settle) do not count: the page's likeliest other type may read it better.
  const kept = result.blocks.filter((block) => block.kept && block.ruleId !== lastResortRule)
  // A short post kept above its comment thread is an article's page, however few its words; so is one whose thread a header counting its comments opens ("46 Comments"), as a blog's does under its post.
  if (kept.some((block) => block.ruleId === shortPostRule) || underCommentCount(tree)) return false
  const keptWords = words(kept)
  if (keptWords <= fallback.maxKeptWords) return true
  const paragraphs = [...kept.map((block) => block.features.words), ...proseUnderHeadings(kept)]
  return keptWords <= fallback.maxKeptShare * pageWords && paragraphs.every((words) => words <= fallback.maxKeptBlockWords)
}

/** The page's comment thread opens under a header that counts its comments ("46 Comments", "1,234 Responses to …"): the thread's first block, or the removed line right above it, read in the parser's words as the comment-thread classifier reads it. */
function underCommentCount(tree: Root): boolean {
  const blocks = blocksOf(tree).map((node) => node.data.block)
  const first = blocks.findIndex((block) => block.verdict?.ruleId === 'comment-thread')
  return first !== -1 && [blocks[first - 1], blocks[first]].some((block) => block !== undefined && block.verdict?.keep === false && opensWithCommentCount(block.words))
}

/**
 * The words of prose (quality good or near-good) kept under each kept
 * heading, up to the next: a short article's body in short paragraphs ("Title",
 * then three sentences of a news brief, each a block) weighs as one
 * paragraph of it.
 */
function proseUnderHeadings(kept: BlockReport[]): number[] {
  const sums: number[] = []
  let sum: number | undefined
  for (const block of kept) {
    if (block.heading) {
      if (sum !== undefined) sums.push(sum)
      sum = 0
    } else if (sum !== undefined && (block.quality === 'good' || block.quality === 'neargood')) sum += block.features.words
  }
  if (sum !== undefined) sums.push(sum)
  return sums
}

/** The options with the page-type classifier told to take the likeliest type other than an article. */
function otherThanArticle(options: CleanOptions): CleanOptions {
  const pageType = options.classifiers?.['page-type']
  return {...options, classifiers: {...options.classifiers, 'page-type': {...(pageType || {}), otherThanArticle: true}}}
}

/**
 * Clean a DOM `Document` a caller already holds (from jsdom, a browser or
 * linkedom), the way Readability is called: its tree is read as hast and goes
 * through the same pipeline as `clean()` on the page's HTML, so both give the
 * same blocks and text. The document is not changed.
 */
export function cleanDocument(document: Document, options: CleanOptions = {}): CleanResult {
  const processor = sharedProcessor('html', options)
  const file = startFile('', options.path, budgetOf(options))
  let hast
  try {
    hast = hastOfDocument(document)
  } catch (error) {
    if (error instanceof RangeError) throw new DechaffInputError('document is nested too deeply to read')
    throw error
  }
  // Each pass reads its own tree: the classifiers mark the blocks of the tree they run on.
  const parse = (_: DechaffProcessor, pass: VFile): Root => {
    const read = pass === file ? hast : hastOfDocument(document)
    return readNoscriptWhenEmpty(blockTreeOfHast(read, jsonLdScripts(read), pass, options.language, undefined, false), () => {
      const unwrapped = hastOfDocument(document)
      return unwrapNoscript(unwrapped) ? blockTreeOfHast(unwrapped, jsonLdScripts(unwrapped), pass, options.language, undefined, false) : undefined
    })
  }
  return runWithFallback(processor, () => sharedProcessor('html', otherThanArticle(options)), 'html', parse, file, options)
}

/**
 * Clean one page: pure, no I/O. Takes text or HTML (a string, or bytes) and
 * returns the kept text, every block's verdict and a message per removal.
 */
export function clean(input: string | Uint8Array, options: CleanOptions = {}): CleanResult {
  return createCleaner(options)(input)
}

/** The options as JSON, or nothing when they hold a value JSON would drop or flatten. */
function optionsKey(options: CleanOptions): string | undefined {
  let comparable = true
  const key = JSON.stringify(options, (_, value: unknown) => {
    const plain = value === null || typeof value !== 'object' || Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' || !plain) comparable = false
    return comparable ? value : undefined
  })
  return comparable ? key : undefined
}

/**
 * A page that opens with markup: after white space, comments and an XML
 * declaration (XHTML pages), a doctype of any kind (`<!DOCTYPE>` alone too) or
 * an element a document or a fragment starts with, scripts included (a
 * redirect script before `<html>`).
 */
const htmlStart = /^(?:\s|<!--[\s\S]{0,2000}?-->|<\?xml[^>]{0,300}\?>)*<(?:!doctype|html|head|body|meta|title|link|base|script|style|noscript|div|p|pre|article|section|table|header|main|span|form|h[1-6])[\s>/]/iu
const htmlTag = /<\/?(?:p|div|br|a|span|li|ul|table|td|h[1-6]|section|article|img)\b[^>]{0,500}>/giu
/** A byte order mark, as a string reads it or as Latin-1 bytes read as text (`ï»¿`). */
const byteOrderMark = /^(?:\uFEFF|\u00EF\u00BB\u00BF)/u

/** How much of a page's start is read to tell its kind: the first characters after any leading white space, read from a larger opening. */
const headWindow = 4096
const leadingWindow = 65_536

/** HTML when the page opens with markup or its first kilobytes are dense with tags. */
export function detectInput(input: string | Uint8Array): InputKind {
  // Blank lines before the markup (server templates leave kilobytes of them) do not use up the window.
  const opening = typeof input === 'string' ? input.slice(0, leadingWindow) : new TextDecoder('latin1').decode(input.subarray(0, leadingWindow))
  const start = opening.replace(byteOrderMark, '').trimStart().slice(0, headWindow)
  if (htmlStart.test(start)) return 'html'
  return (start.match(htmlTag)?.length ?? 0) >= 8 ? 'html' : 'text'
}

function startFile(value: string, path: string | undefined, timeoutMs: number): VFile {
  const file = new VFile(!path ? {value} : {value, path})
  startClock(file, timeoutMs)
  return file
}

/** The result of one pass of the pipeline, and its tree, which `keptAlmostNothing` reads as the classifiers left it. */
function run(processor: DechaffProcessor, kind: InputKind, parsed: Root, file: VFile, options: CleanOptions): {result: CleanResult; tree: Root} {
  const format: OutputFormat = options.format ?? 'text'
  const tree = processor.runSync(parsed, file)
  const output = processor.stringify(tree, file)
  const text = format === 'text' ? output : compileText(tree)
  const language = tree.data?.language ?? {code: 'und', source: 'default' as const}
  const pageType = tree.data?.pageType
  const metadata = tree.data?.metadata ?? {fields: {}, sources: {}}
  const comments = options.comments ? {comments: compileText(tree, isRemovedComment)} : {}
  return {result: {text, output, format, input: kind, language, blocks: reportBlocks(tree), ...comments, ...(pageType ? {pageType} : {}), messages: file.messages, metadata: metadata.fields, metadataSources: metadata.sources}, tree}
}

const utf8 = new TextDecoder('utf-8')

/** Control characters no text has (C0 but tab, line feed, form feed and carriage return; DEL). */
const controlCharacters = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/gu
/** The same characters, for a test: without `u`, a scan need not read surrogate pairs (none of them is one). */
const anyControlCharacter = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/

function toText(input: string | Uint8Array, kind: InputKind, charset: string | undefined): string {
  if (typeof input === 'string') return plainText(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input)
  if (input instanceof Uint8Array) {
    return plainText(kind === 'html' ? decodeHtml(input, charset) : undoubleDecoding(utf8.decode(input)))
  }
  throw new DechaffInputError(`Expected a string or bytes to clean, got ${input === null ? 'null' : typeof input}`)
}

/** Text the bytes' byte-order mark says how to read (UTF-8, UTF-16), whatever the kind of page. */
function unicodeBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  return undefined
}

/**
 * The page's text without control characters. A page where they are more than
 * `binaryControlShare` of the characters, wherever they fall, is binary (an
 * image, a PDF, UTF-16 without a byte-order mark) and refused; a stray NUL in
 * a text page is dropped.
 */
function plainText(text: string): string {
  // One scan without collecting matches tells the many clean pages from the rest.
  if (!anyControlCharacter.test(text)) return text
  const controls = text.match(controlCharacters)?.length ?? 0
  if (controls > text.length * binaryControlShare) {
    throw new DechaffInputError(`input looks binary: ${controls} of its ${text.length} characters are control characters`)
  }
  return text.replace(controlCharacters, '')
}

function reportBlocks(tree: Root): BlockReport[] {
  return blocksOf(tree).map((node) => {
    const block = node.data.block
    const verdict = block.verdict ?? {keep: true, ruleId: 'none', reason: 'not settled', score: 0}
    const start = node.position?.start
    return {
      index: block.evidence.index,
      text: block.text,
      kept: verdict.keep,
      ruleId: verdict.ruleId,
      reason: verdict.reason,
      score: verdict.score,
      quality: block.quality?.class,
      features: {
        chars: block.features.chars,
        words: block.features.words,
        stopwordDensity: Number(block.features.stopwordDensity.toFixed(3)),
        sentences: block.features.sentences
      },
      start: {line: start?.line ?? 0, column: start?.column ?? 0, offset: start?.offset ?? 0},
      heading: readsAsHeading(block),
      listItem: block.features.listMarker,
      ...(block.evidence.html ? {tag: block.evidence.html.tag} : {}),
      ...(block.evidence.html?.source ? {source: block.evidence.html.source} : {}),
      ...(block.model ? {probability: Number(block.model.probability.toFixed(3))} : {})
    }
  })
}
