import domHintData from './data/dom-hints.json' with {type: 'json'}
import type {ElementInfo} from './types.js'

/** Most ancestors looked at above a block: enough for any real page, bounded for hostile nesting. */
export const ancestorLimit = 40

/** The element and its ancestors in an HTML page's element table, nearest first, up to `ancestorLimit`. */
export function ancestry(elements: ElementInfo[], start: number): number[] {
  const chain: number[] = []
  for (let index = start; index >= 0 && chain.length < ancestorLimit; index = (elements[index] as ElementInfo).parent) chain.push(index)
  return chain
}

/** The nearest of the element and its ancestors, up to `limit` of them (`ancestorLimit`), that passes `test` (−1: none, or an index outside the table); read for every block, so no chain is built. */
export function closestAncestor(elements: ElementInfo[], start: number, test: (element: ElementInfo) => boolean, limit = ancestorLimit): number {
  for (let index = start, seen = 0; index >= 0 && seen < limit; seen++) {
    const element = elements[index]
    if (!element) return -1
    if (test(element)) return index
    index = element.parent
  }
  return -1
}

/** Hints that mark a comment thread, alone or run together (`commentbody`, `disqus_thread`). */
export const commentHint = new RegExp(`^(?:${domHintData.commentTokens.join('|')})`, 'u')
