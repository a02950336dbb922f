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

/** Hints that mark a comment thread, alone or run together (`commentbody`, `disqus_thread`). */
export const commentHint = new RegExp(`^(?:${domHintData.commentTokens.join('|')})`, 'u')
