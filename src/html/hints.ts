import hints from '../data/dom-hints.json' with {type: 'json'}
import {alternation} from '../lexicon.js'
import type {ElementInfo} from '../types.js'

const negativeTokens = new Set(hints.negativeTokens)
const negativeTags = new Set(hints.negativeTags)
const positiveTokens = new Set(hints.positiveTokens)
const quoteTokens = new Set(hints.quoteTokens)
const metadataTokens = new Set(hints.metadataTokens)
const compoundFurniture = new RegExp(`^(?:${alternation(hints.compoundHeads)})(?:${alternation(hints.compoundTails)})$`, 'u')
const inFlowHints = new Set([...hints.inFlowTokens, ...hints.inFlowTags.map((tag) => `<${tag}>`)])
/** Class names that, whole, mark a post wrapper. */
export const postClassNames: ReadonlySet<string> = new Set(hints.postTokens)

/** Most ancestors looked at above a block: enough for any real page, bounded for hostile nesting. */
export const ancestorLimit = 40

/** The furniture word or tag that marks an element, if any. */
export function negativeHint(element: ElementInfo): string | undefined {
  // The page's own word that this is the article (`itemprop="articleBody"`) outweighs a widget's id on it.
  if (element.articleBody || element.tokens.some((token) => quoteTokens.has(token))) return undefined
  if (negativeTags.has(element.tag)) return `<${element.tag}>`
  // A post wrapper names its author or "more" link in its classes; that does not make it furniture.
  return element.tokens.find((token) => isFurnitureToken(token) && !(element.postWrapper && metadataTokens.has(token)))
}

/** A furniture word, alone or run together with its object (`relatedposts`, `sharethis`). */
function isFurnitureToken(token: string): boolean {
  return negativeTokens.has(token) || compoundFurniture.test(token)
}

/** Whether a hint names furniture inside the article's flow (a caption) rather than around it. */
export function isInFlowHint(hint: string): boolean {
  return inFlowHints.has(hint)
}

/** Readability-style class weight: +25 for article words, −25 for furniture words. */
export function classWeight(element: ElementInfo): number {
  let weight = 0
  if (element.tokens.some((token) => positiveTokens.has(token))) weight += 25
  if (element.tokens.some(isFurnitureToken)) weight -= 25
  return weight
}

/** The element and its ancestors, nearest first, up to `ancestorLimit`. */
export function ancestry(elements: ElementInfo[], start: number): number[] {
  const chain: number[] = []
  for (let index = start; index >= 0 && chain.length < ancestorLimit; index = (elements[index] as ElementInfo).parent) chain.push(index)
  return chain
}
