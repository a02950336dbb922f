import type {Transformer} from 'unified'
import {quotedStart} from '../block.js'
import {keptBeforeSettling} from '../settle.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemovedAfterModel} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface RepeatedCopyOptions {
  /** Shortest block, in characters, that counts as a paragraph of a copy (default: 100). */
  minChars?: number
  /** Paragraphs of at least `minChars`, in a row, that repeat paragraphs kept above in the same order and make a second copy of the text (default: 2). */
  minParagraphs?: number
}

/**
 * Remove a second copy of the page's text: a run of kept blocks that repeats,
 * block for block and in the same order, blocks kept further up, with at
 * least `minParagraphs` paragraphs among them (a print copy, a mobile layout's
 * copy of the article, a dump that holds the story twice). The first copy
 * stays. It runs last and reads what is kept so far: the block model's
 * decisions, and the hand-set rules' where the model did not decide. A run
 * ends where it would hold a block twice, so one paragraph repeated over and
 * over (a test page's filler) is no copy of a text, and a paragraph repeated
 * alone (a pull quote) is left.
 */
export default function dechaffRepeatedCopy(options: RepeatedCopyOptions = {}): Transformer<Root> {
  const minChars = options.minChars ?? defaults.repeatedCopy.minChars
  const minParagraphs = options.minParagraphs ?? defaults.repeatedCopy.minParagraphs
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const keeps = keptBeforeSettling(blocks, tree.data?.pageType?.type)
    // The kept blocks, in page order, and where each text is first kept among them.
    const kept = blocks.filter((block, index) => keeps[index] && block.normal !== '')
    const firstAt = new Map<string, number>()
    kept.forEach((block, at) => {
      if (!firstAt.has(block.normal)) firstAt.set(block.normal, at)
    })
    for (let at = 0; at < kept.length; ) {
      const run = copyAt(kept, at, firstAt, minChars)
      if (run.length === 0 || run.filter((block) => block.features.chars >= minChars).length < minParagraphs) {
        at++
        continue
      }
      const original = kept[firstAt.get((kept[at] as Block).normal) as number] as Block
      const reason = `a second copy of the text above, from “${quotedStart(original.text)}” (${run.length} blocks in the same order)`
      for (const block of run) markRemovedAfterModel(block, {ruleId: 'repeated-copy', reason, score: 0.9})
      at += run.length
    }
  }
}

/**
 * The run of kept blocks from `at` that repeats, in order, the kept blocks
 * from the first place the block at `at` was kept, ending before that run
 * would reach its own start or hold a block twice (one paragraph repeated
 * over and over copies no text, and a run that stops there keeps the search
 * linear); empty when the block at `at` is shorter than `minChars` or kept
 * here first.
 */
function copyAt(kept: Block[], at: number, firstAt: Map<string, number>, minChars: number): Block[] {
  const block = kept[at] as Block
  const source = firstAt.get(block.normal) as number
  if (block.features.chars < minChars || source >= at) return []
  const run: Block[] = []
  const seen = new Set<string>()
  for (let offset = 0; source + offset < at && at + offset < kept.length; offset++) {
    const copy = kept[at + offset] as Block
    if (copy.normal !== (kept[source + offset] as Block).normal || seen.has(copy.normal)) break
    seen.add(copy.normal)
    run.push(copy)
  }
  return run
}
