import type {SentenceContent} from 'nlcst'
import type {Point} from 'unist'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import {ParseLatin} from 'parse-latin'

/** Where a block's text starts in the page. */
export interface BlockStart {
  offset: number
  line: number
  column: number
}

type TokenType = 'WhiteSpaceNode' | 'PunctuationNode' | 'WordNode' | 'SymbolNode'
const tokenTypes: TokenType[] = ['WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode']
const whiteSpace = tokenTypes.indexOf('WhiteSpaceNode')
const word = tokenTypes.indexOf('WordNode')
const lineFeed = 0x0a
const carriageReturn = 0x0d

/**
 * parse-latin's class (an index into `tokenTypes`) of every UTF-16 code unit,
 * read off its own tokenizer: tokenizing all code units in order gives runs
 * of one class each.
 */
const unitClasses = ((): Uint8Array => {
  const classes = new Uint8Array(0x10000)
  const units: string[] = []
  for (let code = 0; code < 0x10000; code++) units.push(String.fromCharCode(code))
  let at = 0
  for (const token of new ParseEnglish().tokenize(units.join(''))) {
    const length = toString(token).length
    classes.fill(tokenTypes.indexOf(token.type as TokenType), at, at + length)
    at += length
  }
  return classes
})()

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff
}

/** The first half of a surrogate pair: a text cut after it splits a character. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/**
 * parse-english for one block of a page. Its tokenizer is parse-latin's
 * (the same classes, runs and points) with two differences: it looks each
 * character's class up in a table rather than testing three regular
 * expressions on it, and its points start at the block's place in the page.
 * parse-english's plugins then only pass those points on (a merged word ends
 * where its last token ends), so the whole tree is in page coordinates.
 */
export class BlockParser extends ParseEnglish {
  /** `start` undefined: tokens carry no positions (the block itself still has its place). */
  constructor(private readonly start: BlockStart | undefined) {
    super()
  }

  override tokenize(value?: string | null): SentenceContent[] {
    return tokenizeBlock(value, this.start)
  }
}

/** parse-latin for one block of a page in another alphabetic language, with the same tokenizer as `BlockParser`. */
export class LatinBlockParser extends ParseLatin {
  constructor(private readonly start: BlockStart | undefined) {
    super()
  }

  override tokenize(value?: string | null): SentenceContent[] {
    return tokenizeBlock(value, this.start)
  }
}

function tokenizeBlock(value: string | null | undefined, blockStart: BlockStart | undefined): SentenceContent[] {
  const tokens: SentenceContent[] = []
  if (!value) return tokens
  // Without a start, tokens go unplaced: most of a token's cost is its points, which only a caller walking words needs.
  const placed = blockStart !== undefined
  let {line, column, offset} = blockStart ?? {line: 1, column: 1, offset: 0}
  let from = 0
  let start: Point | undefined = placed ? {line, column, offset} : undefined
  let previousType = -1
  let previous = -1
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    const type = unitClasses[code] as number
    // Words and white space run on; punctuation and symbols run on while the character repeats or is a surrogate.
    const runsOn = type === previousType && (type === word || type === whiteSpace || code === previous || isSurrogate(code))
    if (index > from && !runsOn) {
      tokens.push(token(previousType, value.slice(from, index), start, placed ? {line, column, offset} : undefined))
      from = index
      if (placed) start = {line, column, offset}
    }
    if (placed) {
      if (code === carriageReturn || (code === lineFeed && previous !== carriageReturn)) {
        line++
        column = 1
      } else if (code !== lineFeed) {
        column++
      }
      offset++
    }
    previousType = type
    previous = code
  }
  tokens.push(token(previousType, value.slice(from), start, placed ? {line, column, offset} : undefined))
  return tokens
}

/** A token as parse-latin makes it: a word wraps a text node that shares its start point; without points, an unplaced token. */
export function token(type: number, value: string, start?: Point, end?: Point): SentenceContent {
  const tokenType = tokenTypes[type] as TokenType
  if (start === undefined || end === undefined) {
    return tokenType === 'WordNode' ? {type: tokenType, children: [{type: 'TextNode', value}]} : {type: tokenType, value}
  }
  if (tokenType === 'WordNode') {
    return {type: tokenType, children: [{type: 'TextNode', value, position: {start, end}}], position: {start, end: {...end}}}
  }
  return {type: tokenType, value, position: {start, end}}
}
