import type {Transformer} from 'unified'
import {guessedType, proseRunOf} from '../page-features.js'
import {defaults} from '../thresholds.js'
import {blocksOf} from '../tree.js'
import type {Block, PageType, Root} from '../types.js'

export interface RepeatedRecordsOptions {
  /** Page types whose records are looked for (default: collection, listing, product, service: a service page's feature cards are its own, as on HTML). */
  pageTypes?: PageType[]
  /**
   * Least confidence of the dump's type, or of the type a dump cleaned as an
   * article was guessed to be, for its records to be looked for (default: per
   * type, `repeatedRecords.minGuessConfidence` in `data/thresholds.json`: 0.3
   * for a collection, a product or a service page, 0.5 for a listing, which a
   * news page's columns of headlines resemble).
   */
  minGuessConfidence?: number
  /** Words of prose in one unbroken run that make a dump cleaned as an article one after all, whose records are other stories (default: 60). */
  articleBodyMinWords?: number
  /** Share of the page's words that run must hold (default: 0.05). */
  articleBodyMinShare?: number
  /** Fewest records that make a list (default: 3). */
  minRecords?: number
  /** Most lines from one record's line of a shape to the next record's (default: 16). */
  maxRecordLines?: number
  /** Most words of a line whose shape marks records: longer lines are prose (default: 30). */
  maxLineWords?: number
  /** Fewest words a record holds on average: fewer make a menu (default: 6). */
  minRecordWords?: number
  /** Most of a list's lines that may share one outline (letters, digits and punctuation): more make a plain list, such as an archive's months, not records of several fields (default: 0.7). */
  maxUniformShare?: number
}

type Settings = Required<Omit<RepeatedRecordsOptions, 'minGuessConfidence'>>

/**
 * Find a text dump's records on pages made of them (a shop's collection, a
 * listing, a product's variants, a service page's cards): lines of one shape
 * ("Starting at $434", "Starting at $642"; "BH # CAER63 MFR # 7084C002") that recur at short,
 * steady intervals, each interval one record of a few short lines of several
 * outlines (a name, a label, a size, a price). A dump has no markup to show
 * its cards, so their shape is the evidence: the records' blocks are marked
 * `inItemList`, which the quality classifier keeps even when short and the
 * repetition classifier leaves alone (a record's labels recur by nature).
 * Runs before the repetition classifier, on text dumps only (HTML pages'
 * items are the repeated-items classifier's).
 */
export default function dechaffRepeatedRecords(options: RepeatedRecordsOptions = {}): Transformer<Root> {
  const {minGuessConfidence: guessThresholds, ...stored} = defaults.repeatedRecords
  const settings: Settings = {...stored, ...options} as Settings
  const types = new Set(settings.pageTypes)
  const leastConfidence = (type: PageType): number => options.minGuessConfidence ?? (guessThresholds as Partial<Record<PageType, number>>)[type] ?? 1
  return (tree) => {
    if (tree.data?.elements || !recordsLikely(tree, types, leastConfidence, settings)) return
    const blocks = blocksOf(tree).map((node) => node.data.block)
    for (const at of recordLines(blocks, settings)) {
      const block = blocks[at] as Block
      if (!block.removal && block.features.words > 0) block.inItemList = true
    }
  }
}

/**
 * Whether the dump is likely enough of one of `types`: its type, or the type
 * a dump cleaned as an article was guessed to be, given at least that type's
 * `minGuessConfidence` (a text dump's type is never sure); a guessed type not
 * when the dump holds an unbroken run of prose as long as an article's body.
 */
function recordsLikely(tree: Root, types: Set<PageType>, leastConfidence: (type: PageType) => number, settings: Settings): boolean {
  const verdict = tree.data?.pageType
  if (verdict && types.has(verdict.type)) return verdict.confidence >= leastConfidence(verdict.type)
  const guess = guessedType(tree) === undefined ? undefined : verdict?.alternative
  if (guess === undefined || !types.has(guess.type) || guess.confidence < leastConfidence(guess.type)) return false
  const run = proseRunOf(tree)
  return run.words < settings.articleBodyMinWords || run.share < settings.articleBodyMinShare
}

/** A short line's shape: its first two words, lower-cased, digits as `#`. */
function shapeOf(block: Block, maxLineWords: number): string | undefined {
  if (block.features.words === 0 || block.features.words > maxLineWords) return undefined
  return block.normal.split(' ').slice(0, 2).join(' ').replace(/\p{N}+/gu, '#')
}

/** A line's outline: each run of words `a`, each run of digits `#`, punctuation kept ("November 2012" and "May 2011" are both `a #`). */
function outlineOf(block: Block): string {
  return block.normal.replace(/\p{L}+(?:\s+\p{L}+)*/gu, 'a').replace(/\p{N}+/gu, '#')
}

/** The share of the commonest value. */
function mostCommonShare(values: string[]): number {
  const counts = new Map<string, number>()
  let most = 0
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1
    counts.set(value, count)
    most = Math.max(most, count)
  }
  return values.length === 0 ? 1 : most / values.length
}

/**
 * The lines of the page's records: from the first to the last of lines of one
 * shape recurring in a steady run, for every shape that does (a record's
 * name, its size and its price each widen what the others cover).
 */
function recordLines(blocks: Block[], settings: Settings): Set<number> {
  const places = new Map<string, number[]>()
  blocks.forEach((block, at) => {
    const shape = shapeOf(block, settings.maxLineWords)
    if (shape === undefined) return
    const list = places.get(shape)
    if (list) list.push(at)
    else places.set(shape, [at])
  })
  const lines = new Set<number>()
  // Runs of several shapes cover the same records: each line's outline is read once, when a run needs it.
  const outlines: Array<string | undefined> = []
  const outlineAt = (at: number): string => (outlines[at] ??= outlineOf(blocks[at] as Block))
  for (const shapePlaces of places.values()) {
    for (const run of steadyRuns(shapePlaces, settings)) {
      const first = run[0] as number
      const last = run[run.length - 1] as number
      const span = blocks.slice(first, last + 1)
      const words = span.reduce((sum, block) => sum + block.features.words, 0)
      if (words / run.length < settings.minRecordWords) continue
      if (mostCommonShare(Array.from({length: last - first + 1}, (_, offset) => outlineAt(first + offset))) > settings.maxUniformShare) continue
      for (let at = first; at <= last; at++) lines.add(at)
    }
  }
  return lines
}

/** Runs of at least `minRecords` places, each from 2 to `maxRecordLines` lines after the last. */
function steadyRuns(places: number[], settings: Settings): number[][] {
  const runs: number[][] = []
  let run: number[] = []
  for (const at of places) {
    const last = run[run.length - 1]
    if (last !== undefined && (at - last > settings.maxRecordLines || at - last < 2)) {
      if (run.length >= settings.minRecords) runs.push(run)
      run = []
    }
    run.push(at)
  }
  if (run.length >= settings.minRecords) runs.push(run)
  return runs
}
