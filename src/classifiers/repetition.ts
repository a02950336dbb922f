import type {Transformer} from 'unified'
import {looksLikeCode} from '../block.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface RepetitionOptions {
  /** Fewest words of a heading whose later copies are removed (default: 3). */
  minWords?: number
  /** Fewest distinct consecutive short lines, each repeated elsewhere on the page, that make a duplicated menu (default: 3). */
  minMenuLines?: number
}

/** Longest line of a menu (characters); longer lines are headlines or prose. */
const {menuLineMaxChars} = defaults.repetition

/**
 * Remove later copies of a heading-like line: a recipe card repeating the
 * title, an "On this page" list repeating the section headings at the end.
 * The page's headline stays, though a list of recent posts above it names it
 * first. Only headings are compared, so a pull quote repeating a sentence of
 * the body, or a list item that recurs, is left alone. Also remove duplicated
 * menus: a page's navigation is often in its text twice (desktop and mobile
 * menus), as runs of distinct short lines, none of them code, with no blank
 * line between them, that each occur more than once and that no prose
 * borders. Lines of a list's records (`inItemList`, found before it) are left
 * alone: a record's labels and values recur by nature.
 */
export default function dechaffRepetition(options: RepetitionOptions = {}): Transformer<Root> {
  const minWords = options.minWords ?? defaults.repetition.minWords
  const minMenuLines = options.minMenuLines ?? defaults.repetition.minMenuLines
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const seen = new Set<string>()
    for (const block of blocks) {
      if (!block.features.headingLike || block.inItemList) continue
      // The page's headline stays where it heads the article, though a list of recent posts above it names it too.
      if (seen.has(block.normal) && !block.evidence.title) {
        if (block.features.words >= minWords) markRemoved(block, {ruleId: 'repetition', reason: 'repeats an earlier heading', score: 0.7})
      } else if (!block.removal) {
        seen.add(block.normal)
      }
    }
    markDuplicatedMenus(blocks, minMenuLines)
  }
}

/**
 * A short line without sentence punctuation: one entry of a menu. A line of
 * code is none: a code sample shown twice (a request and its response, tabs
 * for two languages) repeats its lines too.
 */
function isMenuEntry(block: Block): boolean {
  return !block.inItemList && block.features.words > 0 && block.features.chars <= menuLineMaxChars && !block.features.terminal && !looksLikeCode(block.text)
}

function markDuplicatedMenus(blocks: Block[], minLines: number): void {
  const counts = new Map<string, number>()
  for (const block of blocks) if (isMenuEntry(block)) counts.set(block.normal, (counts.get(block.normal) ?? 0) + 1)
  const repeated = blocks.map((block) => isMenuEntry(block) && (counts.get(block.normal) ?? 0) > 1)
  for (let start = 0; start < blocks.length; start++) {
    if (!repeated[start]) continue
    // A menu's entries are consecutive lines: a blank line ends the run.
    let end = start
    while (repeated[end + 1] && (blocks[end + 1] as Block).evidence.blankLinesBefore === 0) end++
    const run = blocks.slice(start, end + 1)
    const bordersProse = [blocks[start - 1], blocks[end + 1]].some((block) => block !== undefined && block.features.chars >= defaults.regions.proseMinChars)
    if (new Set(run.map((block) => block.normal)).size >= minLines && !bordersProse) {
      for (const block of run) {
        markRemoved(block, {ruleId: 'repetition', reason: `part of a menu that appears more than once (${run.length} lines)`, score: 0.7})
      }
    }
    start = end
  }
}
