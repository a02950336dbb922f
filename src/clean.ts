import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'

type VFileMessage = VFile['messages'][number]
import dechaffCompileText from './compile-text.js'
import dechaffParseText from './parse-text.js'
import {validateOptions, type CleanOptions} from './options.js'
import {classifierList} from './pipeline.js'
import dechaffSettle from './settle.js'
import {blocksOf} from './tree.js'
import type {QualityClass, Root} from './types.js'

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
  start: {line: number; column: number; offset: number}
}

export interface CleanResult {
  /** The kept text. */
  text: string
  /** Every block of the page, in order, with its verdict. */
  blocks: BlockReport[]
  /** One message per removed block, in page order. */
  messages: VFileMessage[]
}

/** Error thrown for input dechaff cannot clean (not text). */
export class DechaffInputError extends Error {
  override name = 'DechaffInputError'
}

/** A frozen processor for plain-text pages, with the given options. */
export function createTextProcessor(options: CleanOptions = {}): Processor<Root, Root, Root, Root, string> {
  validateOptions(options)
  return unified()
    .use(dechaffParseText)
    .use(classifierList(options))
    .use(dechaffSettle, options.settle ?? {})
    .use(dechaffCompileText)
    .freeze() as unknown as Processor<Root, Root, Root, Root, string>
}

const decoder = new TextDecoder('utf-8', {ignoreBOM: false})

/**
 * Clean one page: pure, no I/O. Takes text (or UTF-8 bytes) and returns the
 * kept text, every block's verdict and a message per removal.
 */
export function clean(input: string | Uint8Array, options: CleanOptions = {}): CleanResult {
  return cleanWith(createTextProcessor(options), input, options.path)
}

/** Clean with a processor made once (for batches). */
export function cleanWith(processor: Processor<Root, Root, Root, Root, string>, input: string | Uint8Array, path?: string): CleanResult {
  const value = toText(input)
  const file = new VFile(path === undefined ? {value} : {value, path})
  const tree = processor.runSync(processor.parse(file), file)
  const text = processor.stringify(tree, file)
  return {text, blocks: reportBlocks(tree), messages: file.messages}
}

function toText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  if (input instanceof Uint8Array) return decoder.decode(input)
  throw new DechaffInputError(`Expected a string or bytes to clean, got ${input === null ? 'null' : typeof input}`)
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
      start: {line: start?.line ?? 0, column: start?.column ?? 0, offset: start?.offset ?? 0}
    }
  })
}
