import type {ElementInfo} from './types.js'

/** Most ancestors looked at above a block: enough for any real page, bounded for hostile nesting. */
export const ancestorLimit = 40

/** The element and its ancestors in an HTML page's element table, nearest first, up to `ancestorLimit`. */
export function ancestry(elements: ElementInfo[], start: number): number[] {
  const chain: number[] = []
  for (let index = start; index >= 0 && chain.length < ancestorLimit; index = (elements[index] as ElementInfo).parent) chain.push(index)
  return chain
}
