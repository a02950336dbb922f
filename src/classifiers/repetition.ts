import type {Transformer} from 'unified'
import {blocksOf, markRemoved} from '../tree.js'
import type {Root} from '../types.js'

export interface RepetitionOptions {
  /** Fewest words of a heading whose later copies are removed (default: 3). */
  minWords?: number
}

/**
 * Remove later copies of a heading-like line: a recipe card repeating the
 * title, an "On this page" list repeating the section headings at the end.
 * Only headings are compared, so a pull quote repeating a sentence of the
 * body, or a list item that recurs, is left alone.
 */
export default function dechaffRepetition(options: RepetitionOptions = {}): Transformer<Root> {
  const minWords = options.minWords ?? 3
  return (tree) => {
    const seen = new Set<string>()
    for (const node of blocksOf(tree)) {
      const block = node.data.block
      if (!block.features.headingLike) continue
      if (seen.has(block.normal)) {
        if (block.features.words >= minWords) markRemoved(block, {ruleId: 'repetition', reason: 'repeats an earlier heading', score: 0.7})
      } else if (!block.removal) {
        seen.add(block.normal)
      }
    }
  }
}
