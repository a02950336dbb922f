import type {Transformer} from 'unified'
import pageTypeData from '../data/page-types.json' with {type: 'json'}
import {ancestry} from '../elements.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, ElementInfo, Root} from '../types.js'

export interface RepeatedItemsOptions {
  /** Fewest sibling elements of one kind that make a list of items (default: 3). */
  minItems?: number
  /** Fewest words an item holds on average: fewer make a menu, not cards (default: 6). */
  minItemWords?: number
  /** Share of items that must hold more than a lone link (a second block, or unlinked text) (default: 0.5). */
  minSubstantialShare?: number
  /** Other lists holding this share of the largest list's words are items too (default: 0.3). */
  minListShare?: number
  /** A line that recurs word for word in this share of a list's items (removed copies count) is a control ("Add to cart", "Read more"), not content (default: 0.5). */
  controlShare?: number
}

interface Totals {
  blocks: number
  words: number
  chars: number
  linkChars: number
}

interface ItemList {
  items: number[]
  words: number
}

/**
 * Find the page's items on pages made of them (listings, collections): runs
 * of three or more sibling elements of one kind (same tag and class words)
 * that each hold a name and a little text, not a lone link (cards, result
 * rows, table rows). The largest such list, and lists of comparable size, are
 * the page's content: their blocks are marked `inItemList` for the quality
 * classifier, which keeps them even when short or linked (an item's name is
 * usually a link). A line that recurs word for word in most items ("Add to
 * cart", "Read more", "Rate this book") is the list's chrome and is removed.
 * Lists inside furniture (a menu, a footer, a "related" rail) are not items.
 */
export default function dechaffRepeatedItems(options: RepeatedItemsOptions = {}): Transformer<Root> {
  const settings = {...defaults.repeatedItems, ...options}
  return (tree) => {
    const elements = tree.data?.elements
    if (!elements || elements.length === 0) return
    const type = tree.data?.pageType?.type
    const content = new Set<string>(type ? ((pageTypeData.contentHints as Record<string, string[]>)[type] ?? []) : [])
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const totals = elementTotals(elements, blocks)
    const lists = itemLists(elements, totals, settings).filter((list) => !inFurniture(elements, list.items[0] as number, content))
    const largest = Math.max(0, ...lists.map((list) => list.words))
    const chosen = lists.filter((list) => list.words >= largest * settings.minListShare)
    if (chosen.length === 0) return
    const itemOf = new Map<number, {list: ItemList; item: number}>()
    for (const list of chosen) for (const item of list.items) itemOf.set(item, {list, item})
    const members = new Map<Block, {list: ItemList; item: number}>()
    for (const block of blocks) {
      const html = block.evidence.html
      if (!html) continue
      // The outermost list wins: a card's own list of tags is part of the card.
      const owner = ancestry(elements, html.element).reverse().find((element) => itemOf.has(element))
      if (owner !== undefined) members.set(block, itemOf.get(owner) as {list: ItemList; item: number})
    }
    const controls = controlLines(members, settings.controlShare, settings.minItems)
    for (const [block, {list}] of members) {
      if (block.removal) continue
      if (controls.get(list)?.has(block.normal)) {
        markRemoved(block, {ruleId: 'repeated-items', reason: `control repeated in the items of a list (${list.items.length} items)`, score: 0.7})
      } else {
        block.inItemList = true
      }
    }
  }
}

/** Words, characters and linked characters of the kept blocks under each element (bounded ancestry per block). */
function elementTotals(elements: ElementInfo[], blocks: Block[]): Map<number, Totals> {
  const totals = new Map<number, Totals>()
  for (const block of blocks) {
    const html = block.evidence.html
    if (!html || block.removal) continue
    for (const element of ancestry(elements, html.element)) {
      const total = totals.get(element) ?? {blocks: 0, words: 0, chars: 0, linkChars: 0}
      total.blocks++
      total.words += block.features.words
      total.chars += block.features.chars
      total.linkChars += block.evidence.linkDensity * block.features.chars
      totals.set(element, total)
    }
  }
  return totals
}

/** Sibling elements of one tag and class signature (numbers left out: `post-123`), with text, that read as items. */
function itemLists(elements: ElementInfo[], totals: Map<number, Totals>, settings: Required<RepeatedItemsOptions>): ItemList[] {
  const groups = new Map<string, number[]>()
  totals.forEach((_, element) => {
    const info = elements[element] as ElementInfo
    if (info.parent < 0 || info.tag === 'body') return
    const key = `${info.parent}|${info.tag}|${info.tokens.filter((token) => !/\d/u.test(token)).join(' ')}`
    const group = groups.get(key)
    if (group) group.push(element)
    else groups.set(key, [element])
  })
  const lists: ItemList[] = []
  for (const items of groups.values()) {
    if (items.length < settings.minItems) continue
    const stats = items.map((item) => totals.get(item) as Totals)
    const words = stats.reduce((sum, total) => sum + total.words, 0)
    const substantial = stats.filter((total) => total.blocks > 1 || total.linkChars < total.chars / 2).length
    if (words / items.length >= settings.minItemWords && substantial >= settings.minSubstantialShare * items.length) lists.push({items, words})
  }
  return lists
}

/**
 * Whether the list sits in an element that names furniture (other than words
 * that name content on this kind of page). The item's own class counts
 * unless its hint is one of `cardHints` (`data/page-types.json`): a
 * listing's cards are often named for what they are elsewhere (`teaser`,
 * `promo`), while a rail of related cards is named on its wrapper, and a
 * menu's entries are named for the menu.
 */
function inFurniture(elements: ElementInfo[], item: number, content: Set<string>): boolean {
  return ancestry(elements, item).some((element, depth) => {
    const furniture = (elements[element] as ElementInfo).furniture
    return furniture !== undefined && !content.has(furniture) && !(depth === 0 && cardHints.has(furniture))
  })
}

/** Furniture words that an item of a list may carry as its own class (`data/page-types.json` `cardHints`). */
const cardHints: ReadonlySet<string> = new Set(pageTypeData.cardHints)

/** Lines that recur word for word in at least `share` of a list's items (and in `minItems` of them). */
function controlLines(members: Map<Block, {list: ItemList; item: number}>, share: number, minItems: number): Map<ItemList, Set<string>> {
  const itemsByLine = new Map<ItemList, Map<string, Set<number>>>()
  for (const [block, {list, item}] of members) {
    const lines = itemsByLine.get(list) ?? new Map<string, Set<number>>()
    itemsByLine.set(list, lines)
    const items = lines.get(block.normal) ?? new Set<number>()
    lines.set(block.normal, items.add(item))
  }
  const controls = new Map<ItemList, Set<string>>()
  for (const [list, lines] of itemsByLine) {
    const least = Math.max(minItems, share * list.items.length)
    controls.set(list, new Set([...lines].filter(([, items]) => items.size >= least).map(([line]) => line)))
  }
  return controls
}
