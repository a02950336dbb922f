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
/** Words of a class name after which it describes a neighbour (`anchorWithStickyNavbar`). */
export const relationWords: ReadonlySet<string> = new Set(hints.relationWords)
/** Search words, and the words after which they name what a search found (`search-results`), not a search box. */
export const searchWords: ReadonlySet<string> = new Set(hints.searchResults.searchWords)
export const resultWords: ReadonlySet<string> = new Set(hints.searchResults.resultWords)
/** First words of a class name that states what the element holds or lacks (`has-profile`). */
export const statePrefixes: ReadonlySet<string> = new Set(hints.statePrefixes)
/** First words of a class name that is a script's handle on the element (`js-social-images`). */
export const hookPrefixes: ReadonlySet<string> = new Set(hints.hookPrefixes)
/**
 * Class-name prefixes of page builders (Elementor, HubSpot, SiteOrigin), as
 * word lists, and the words that in their class names name a building block
 * rather than a region: `elementor-widget-container` wraps every part of the
 * page, its article included, where WordPress's own `widget` is a sidebar's.
 */
export const pageBuilderPrefixes: ReadonlyArray<readonly string[]> = hints.pageBuilders.prefixes.map((prefix) => prefix.split('-'))
export const pageBuilderComponentWords: ReadonlySet<string> = new Set(hints.pageBuilders.componentWords)
/** A post wrapper's class names that name its tags and categories (`tag-cookie-recipes`), not a region. */
export const taxonomyClass = new RegExp(`^(?:${alternation(hints.taxonomyPrefixes)})-`, 'iu')
/** Words naming a panel one click opens (an accordion's answer, a tab's pane): hidden in the markup, read as the page's. */
const disclosureWords: ReadonlySet<string> = new Set(hints.disclosureTokens)
const disclosureHeads: ReadonlySet<string> = new Set(hints.disclosureCompounds.heads)
const disclosureTails: ReadonlySet<string> = new Set(hints.disclosureCompounds.tails)
/** Whether an element's words name a panel one click opens: a disclosure word, or a tab's panel in two words (`tab-pane`, `cpTabPanel`). */
export function namesDisclosure(tokens: readonly string[]): boolean {
  return tokens.some((token, index) => disclosureWords.has(token) || (disclosureHeads.has(token) && disclosureTails.has(tokens[index + 1] as string)))
}
/** Words of a name for a skip link's landing place (`chakra-skip-nav` on the content's wrapper), which says nothing of the element it names. */
export const landingWords: ReadonlySet<string> = new Set(hints.landingWords)
/** Words naming a script's copy of an element (a carousel's cloned slide): hidden, and a copy. */
export const cloneWords: ReadonlySet<string> = new Set(hints.cloneTokens)
/** Class names that, whole, mark a post wrapper. */
export const postClassNames: ReadonlySet<string> = new Set(hints.postTokens)

/** What an element's tag and class words say about it, before the hints are known. */
type BareElement = Omit<ElementInfo, 'furniture' | 'furnitureInFlow' | 'classWeight'>

/** The element with its DOM-hint evidence: the furniture it names, if any, and its class weight. */
export function withHints(element: BareElement, isFurniture: (token: string) => boolean = isFurnitureToken): ElementInfo {
  const furniture = negativeHint(element, isFurniture)
  return {
    ...element,
    ...(furniture ? {furniture, furnitureInFlow: inFlowHints.has(furniture)} : {}),
    classWeight: classWeight(element, isFurniture)
  }
}

/** The furniture word or tag that marks an element, if any. */
function negativeHint(element: BareElement, isFurniture: (token: string) => boolean): string | undefined {
  // The page's own word that this is the article (`itemprop="articleBody"`) outweighs a widget's id on it.
  if (element.articleBody || element.tokens.some((token) => quoteTokens.has(token))) return undefined
  // The root elements' class words describe the page's state (`sidebar-enabled`, `menu-open`), not a region of it.
  if (element.tag === 'body' || element.tag === 'html') return undefined
  if (negativeTags.has(element.tag)) return `<${element.tag}>`
  // A post wrapper names its author or "more" link in its classes; that does not make it furniture.
  return element.tokens.find((token) => isFurniture(token) && !(element.postWrapper && metadataTokens.has(token)))
}

/** A furniture word, alone or run together with its object (`relatedposts`, `sharethis`). */
function isFurnitureToken(token: string): boolean {
  return negativeTokens.has(token) || compoundFurniture.test(token)
}

/** `isFurnitureToken` with each word tested once: the cache lives as long as the function, one page, whose elements repeat their few class words. */
export function furnitureTokenCache(): (token: string) => boolean {
  const cache = new Map<string, boolean>()
  return (token) => {
    let furniture = cache.get(token)
    if (furniture === undefined) {
      furniture = isFurnitureToken(token)
      cache.set(token, furniture)
    }
    return furniture
  }
}

/** Readability-style class weight: +25 for article words, −25 for furniture words. */
function classWeight(element: BareElement, isFurniture: (token: string) => boolean): number {
  let weight = 0
  if (element.tokens.some((token) => positiveTokens.has(token))) weight += 25
  if (element.tokens.some(isFurniture)) weight -= 25
  return weight
}
