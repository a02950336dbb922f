import type {Plugin} from 'unified'
import {calibrateStopwords, createBlockNode} from '../block.js'
import {dumpTitle} from './dump-title.js'
import {pageLanguage, type LanguageProfile} from '../language.js'
import {checkBlockCount, checkDeadline, deadlineStride} from '../limits.js'
import type {BlockNode, Root} from '../types.js'
import type {VFile} from 'vfile'

interface Line {
  text: string
  offset: number
  /** 1-based line number. */
  line: number
}

/** Widest line a hard-wrapped paragraph may have (characters). */
const wrapWidthMax = 120
/** Narrowest width at which line breaks are taken for wrapping rather than layout. */
const wrapWidthMin = 30
/** Share of breaks that must fall where the next word would not have fitted. */
const wrapFitShare = 0.8

export interface ParseTextOptions {
  /** The page's language as an ISO 639-1 code, or `auto` to detect it (default: auto). */
  language?: string
  /**
   * Give every sentence and word its place in the page, as retext plugins
   * expect for their messages (default: true). Blocks are placed either way;
   * `clean` turns this off, as it reports blocks only and the places are most
   * of a word's cost. Text written without spaces (read with `Intl.Segmenter`)
   * is placed either way.
   */
  wordPositions?: boolean
}

/**
 * Parser plugin for plain-text dumps (scraper output, WET records).
 *
 * Blank lines separate groups; inside a group each line is a block, unless
 * the group is a hard-wrapped paragraph (its breaks fall where the next word
 * would not have fitted, and the text runs on across them), which is one block.
 * The page's language (detected from its longest blocks unless given) picks
 * the stopwords and the sentence and word splitting of every block.
 */
const dechaffParseText: Plugin<[ParseTextOptions?], string, Root> = function (options = {}) {
  this.parser = (document, file) => parseText(document, file, options.language, options.wordPositions ?? true)
}

export default dechaffParseText

/** Lines (a block's, or a group's between blank lines) and how many blank lines came before them. */
interface Part {
  lines: Line[]
  blankLinesBefore: number
}

/** Parse a text dump into the block tree. */
export function parseText(document: string, file?: VFile, language?: string, wordPositions = true): Root {
  const lines = splitLines(document)
  const groups = groupsOf(lines)
  const wrapped = hardWrapped(groups)
  const parts: Part[] = []
  for (const [at, group] of groups.entries()) {
    let blankLinesBefore = group.blankLinesBefore
    for (const part of wrapped[at] ? [group.lines] : group.lines.map((line) => [line])) {
      if (parts.length % deadlineStride === 0) {
        checkDeadline(file, 'splitting the dump into blocks')
        checkBlockCount(parts.length)
      }
      parts.push({lines: part, blankLinesBefore})
      blankLinesBefore = 0
    }
  }
  const texts = parts.map((part) => partText(part.lines))
  const {profile, source} = pageLanguage(language, () => texts)
  const children: BlockNode[] = parts.map((part, index) => {
    if (index % deadlineStride === 0) checkDeadline(file, 'splitting blocks into sentences')
    return blockFromLines(part.lines, texts[index] as string, index, part.blankLinesBefore, profile, file, wordPositions)
  })
  calibrateStopwords(children, profile)
  const title = dumpTitle(children.map((node) => node.data.block))
  if (title) {
    const evidence = (children[title.index] as BlockNode).data.block.evidence
    evidence.title = true
    evidence.titleEvidence = title.evidence
    if (title.breadcrumb !== undefined) (children[title.breadcrumb] as BlockNode).data.block.evidence.breadcrumb = true
  }
  return {
    type: 'RootNode',
    children,
    data: {language: {code: profile.code, source}},
    position: {start: {line: 1, column: 1, offset: 0}, end: endOf(document, lines)}
  }
}

function splitLines(document: string): Line[] {
  const lines: Line[] = []
  const breaks = /\r\n|\n|\r/g
  let offset = 0
  let line = 1
  for (let match = breaks.exec(document); match; match = breaks.exec(document)) {
    lines.push({text: document.slice(offset, match.index), offset, line})
    offset = match.index + match[0].length
    line++
  }
  lines.push({text: document.slice(offset), offset, line})
  return lines
}

function endOf(document: string, lines: Line[]): {line: number; column: number; offset: number} {
  const last = lines[lines.length - 1]
  return {line: last?.line ?? 1, column: (last?.text.length ?? 0) + 1, offset: document.length}
}

/** A part's text as written: one line, or a hard-wrapped paragraph's lines. */
function partText(lines: Line[]): string {
  const first = lines[0] as Line
  return lines.length === 1 ? first.text : lines.map((line) => line.text.trimEnd()).join('\n')
}

function blockFromLines(lines: Line[], raw: string, index: number, blankLinesBefore: number, language: LanguageProfile, file: VFile | undefined, wordPositions: boolean): BlockNode {
  const first = lines[0] as Line
  const kind = lines.length > 1 ? 'paragraph' : 'line'
  const lead = raw.length - raw.trimStart().length
  return createBlockNode(
    raw.trim(),
    {offset: first.offset + lead, line: first.line, column: lead + 1},
    {index, kind, blankLinesBefore, linkDensity: 0, ...(kind === 'line' && lead > 0 ? {indent: raw.slice(0, lead)} : {})},
    language,
    file,
    wordPositions
  )
}

/** The page's groups of lines between blank lines. */
function groupsOf(lines: Line[]): Part[] {
  const groups: Part[] = []
  let blankLinesBefore = 0
  let current: Line[] = []
  for (const line of lines) {
    if (line.text.trim() !== '') {
      current.push(line)
      continue
    }
    if (current.length > 0) {
      groups.push({lines: current, blankLinesBefore})
      current = []
      blankLinesBefore = 0
    }
    blankLinesBefore++
  }
  if (current.length > 0) groups.push({lines: current, blankLinesBefore})
  return groups
}

/**
 * Which groups are hard-wrapped paragraphs, one block each: their lines fill
 * a fixed width, each break falling where the next line's first word would
 * not have fitted, and the text runs on across breaks (a break mid-sentence
 * before a lower-case word or after a comma). Two lines show no width of
 * their own (the first is the widest, so the next word never fits): they are
 * wrapped only at a width the page's paragraphs of three lines or more fill.
 * A headline over its byline ("by Dana Nelson"), a label over its link, a
 * post's header over its poster's name are two lines of layout.
 */
function hardWrapped(groups: Part[]): boolean[] {
  const pageWidths = new Set<number>()
  const wrapped = groups.map((group) => {
    if (group.lines.length < 3) return false
    const texts = trimmedTexts(group.lines)
    const width = widestLine(texts)
    const fills = fillsWidth(texts, width)
    if (fills) pageWidths.add(width)
    return fills
  })
  const widths = [...pageWidths]
  return groups.map((group, at) => {
    if (group.lines.length !== 2) return wrapped[at] as boolean
    const texts = trimmedTexts(group.lines)
    const width = widestLine(texts)
    return widths.some((pageWidth) => width <= pageWidth && fillsWidth(texts, pageWidth))
  })
}

function trimmedTexts(lines: Line[]): string[] {
  return lines.map((line) => line.text.trim())
}

function widestLine(texts: string[]): number {
  // A loop, not Math.max(...): a group can hold more lines than a call can take arguments.
  let width = 0
  for (const text of texts) width = Math.max(width, text.length)
  return width
}

/** Whether lines break where the next word would not fit in `width`, and run on across the breaks. */
function fillsWidth(texts: string[], width: number): boolean {
  if (width < wrapWidthMin || width > wrapWidthMax) return false
  let fits = 0
  let runsOn = false
  for (let index = 0; index < texts.length - 1; index++) {
    const current = texts[index] as string
    const next = texts[index + 1] as string
    const nextWord = next.split(/\s/, 1)[0] ?? ''
    if (current.length + 1 + nextWord.length > width) fits++
    if (/^\p{Ll}/u.test(next) || /[,;\-–]$/.test(current)) runsOn = true
  }
  return runsOn && fits / (texts.length - 1) >= wrapFitShare
}
