import type {Root as NlcstRoot, Sentence, SentenceContent} from 'nlcst'
import type {Point} from 'unist'
import type {BlockStart} from './block-parser.js'

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
  for (const {segment, isWordLike} of wordSegmenter(locale).segment(text)) {
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

function advance(point: Point, segment: string): Point {
  const breaks = segment.split('\n').length - 1
  const offset = (point.offset ?? 0) + segment.length
  if (breaks === 0) return {line: point.line, column: point.column + segment.length, offset}
  return {line: point.line + breaks, column: segment.length - segment.lastIndexOf('\n'), offset}
}
