import type {Root as NlcstRoot, Sentence, SentenceContent} from 'nlcst'
import type {Point} from 'unist'
import {isHighSurrogate, type BlockStart} from './block-parser.js'

/** Characters of scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan). */
export const unspacedScript = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u

/** A segment that ends a sentence: full stops, question and exclamation marks of any script. */
const sentenceEnd = /^(?:[。！？!?…．]+|\.)$/u
const whiteSpace = /^\s+$/u

const segmenters = new Map<string, Intl.Segmenter>()

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, {granularity: 'word'})
    segmenters.set(locale, segmenter)
  }
  return segmenter
}

/**
 * The nlcst tree of a block written without spaces between words: words
 * from `Intl.Segmenter` (ICU's dictionaries for Chinese, Japanese, Thai and
 * the others), sentences ended by their full stops, points in the page.
 */
export function segmentBlock(text: string, start: BlockStart, locale: string): NlcstRoot {
  const sentences: Sentence[] = []
  let children: SentenceContent[] = []
  let point: Point = {...start}
  for (const {segment, isWordLike} of segments(wordSegmenter(locale), text)) {
    const end = advance(point, segment)
    const position = {start: point, end}
    if (isWordLike) {
      children.push({type: 'WordNode', children: [{type: 'TextNode', value: segment, position}], position: {start: point, end: {...end}}})
    } else {
      children.push({type: whiteSpace.test(segment) ? 'WhiteSpaceNode' : 'PunctuationNode', value: segment, position})
    }
    point = end
    if (!isWordLike && sentenceEnd.test(segment)) {
      sentences.push({type: 'SentenceNode', children})
      children = []
    }
  }
  if (children.length > 0) sentences.push({type: 'SentenceNode', children})
  return {type: 'RootNode', children: [{type: 'ParagraphNode', children: sentences}]}
}

/**
 * Longest piece of a block given to `Intl.Segmenter` at once. Each segment V8
 * reads carries its own copy of the whole text it was cut from (its `input`),
 * so segmenting a long text at once takes time and memory growing with its
 * square (a 72,000-character line of Chinese took 10 s, half of it 0.36 s):
 * a long block is segmented piece by piece.
 */
const segmenterMaxChars = 1000

/** Where a piece may end: after white space or a CJK mark that no word runs through (ICU's rules join a word across a fullwidth colon or comma), before a letter or a digit. */
const pieceEnd = /[\s、。！？「」『』（）]/u
const pieceStart = /^[\p{L}\p{N}]/u

/**
 * The segments of a text, read in pieces of at most `segmenterMaxChars`,
 * each cut where no word goes on, so that the segments are those of the
 * whole; a run with no such place is cut at the limit, between code points.
 */
function* segments(segmenter: Intl.Segmenter, text: string): Generator<Intl.SegmentData> {
  let from = 0
  while (text.length - from > segmenterMaxChars) {
    let cut = from + segmenterMaxChars
    while (cut > from && !(pieceEnd.test(text.charAt(cut - 1)) && pieceStart.test(text.slice(cut, cut + 2)))) cut--
    if (cut === from) cut = from + segmenterMaxChars - (isHighSurrogate(text.charCodeAt(from + segmenterMaxChars - 1)) ? 1 : 0)
    yield* segmenter.segment(text.slice(from, cut))
    from = cut
  }
  yield* segmenter.segment(from === 0 ? text : text.slice(from))
}

function advance(point: Point, segment: string): Point {
  const breaks = segment.split('\n').length - 1
  const offset = (point.offset ?? 0) + segment.length
  if (breaks === 0) return {line: point.line, column: point.column + segment.length, offset}
  return {line: point.line + breaks, column: segment.length - segment.lastIndexOf('\n'), offset}
}
