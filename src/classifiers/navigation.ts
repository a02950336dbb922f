import type {Transformer} from 'unified'
import data from '../data/navigation.json' with {type: 'json'}
import {letteredWords} from '../block.js'
import {alternation} from '../lexicon.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, BlockNode, Root} from '../types.js'

export interface NavigationOptions {
  /** Longest menu or breadcrumb line, in characters (default: 200). */
  maxChars?: number
  /** Share of a line's words that must be menu words (default: 0.85). */
  minMenuWordShare?: number
  /** Most words in one breadcrumb or link-row item (default: 4). */
  maxItemWords?: number
}

const menuWords = new Set(data.menuWords)
const separators = new RegExp(`\\s+(?:${alternation(data.crumbSeparators)})\\s+`, 'u')

/**
 * Remove navigation: breadcrumbs ("Home > Health > Nutrition"), separated link
 * rows ("About | Contact | Careers"), menu lines made of section names, and
 * tables of contents that repeat the page's own headings.
 */
export default function dechaffNavigation(options: NavigationOptions = {}): Transformer<Root> {
  const maxChars = options.maxChars ?? defaults.navigation.maxChars
  const minMenuWordShare = options.minMenuWordShare ?? defaults.navigation.minMenuWordShare
  const maxItemWords = options.maxItemWords ?? defaults.navigation.maxItemWords
  return (tree) => {
    const nodes = blocksOf(tree)
    let seenProse = false
    for (const node of nodes) {
      const block = node.data.block
      if (block.removal || block.features.chars > maxChars) {
        seenProse ||= block.features.chars >= defaults.regions.proseMinChars
        continue
      }
      if (isLinkRow(block, maxItemWords)) {
        markRemoved(block, {ruleId: 'navigation', reason: 'breadcrumb or row of separated links', score: 0.85})
      } else if (isMenuLine(block, minMenuWordShare)) {
        markRemoved(block, {ruleId: 'navigation', reason: 'menu of section names', score: 0.8})
      } else if (!seenProse && isSectionLabel(block)) {
        markRemoved(block, {ruleId: 'navigation', reason: 'section label above the article', score: 0.7})
      }
      seenProse ||= block.features.chars >= defaults.regions.proseMinChars
    }
    markTableOfContents(nodes)
  }
}

function isLinkRow(block: Block, maxItemWords: number): boolean {
  if (block.features.terminal) return false
  const items = block.text.split(separators).flatMap((item) => item.trim().split(/\s{2,}|\t/u))
  // Two items make a breadcrumb only near the top, and never in a heading ("Add-ons / Web Extensions").
  if (items.length < 3 && !(items.length === 2 && block.evidence.index < 10 && block.evidence.heading === undefined)) return false
  return items.every((item) => {
    const words = item.trim().split(/\s+/).filter(Boolean)
    return words.length > 0 && words.length <= maxItemWords
  })
}

function isMenuLine(block: Block, minShare: number): boolean {
  const words = letteredWords(block)
  if (words.length < 3 || block.features.terminal || /^["'“‘]/u.test(block.text)) return false
  const known = words.filter((word) => menuWords.has(word)).length
  return known / words.length >= minShare
}

/** A one- or two-word section name ("Business", "OPINION"). */
function isSectionLabel(block: Block): boolean {
  const words = block.words
  return words.length > 0 && words.length <= 2 && !block.features.terminal && words.every((word) => menuWords.has(word))
}

/**
 * A table of contents: a run of three or more short lines, before the
 * headings they name, each repeating a later heading-like line word for word.
 */
function markTableOfContents(nodes: BlockNode[]): void {
  const lastHeadingAt = new Map<string, number>()
  nodes.forEach((node, index) => {
    const block = node.data.block
    if (block.features.headingLike) lastHeadingAt.set(entryText(block), index)
  })
  let run: Block[] = []
  const flush = (): void => {
    if (run.length >= 3) {
      for (const block of run) markRemoved(block, {ruleId: 'navigation', reason: 'table of contents entry', score: 0.85})
    }
    run = []
  }
  nodes.forEach((node, index) => {
    const block = node.data.block
    const repeatedLater = (lastHeadingAt.get(entryText(block)) ?? -1) > index
    if (repeatedLater && block.features.chars <= 120 && block.evidence.heading === undefined) run.push(block)
    else flush()
  })
  flush()
}

/** A line's text without list numbering or bullets, to compare entries with headings. */
function entryText(block: Block): string {
  return block.normal.replace(/^(?:\d+(?:\.\d+)*\.?|[-•*])\s+/u, '')
}
