import type {Transformer} from 'unified'
import domHintData from '../data/dom-hints.json' with {type: 'json'}
import pageTypeData from '../data/page-types.json' with {type: 'json'}
import {ancestry, commentHint} from '../elements.js'
import {defaults} from '../thresholds.js'
import {blocksOf, claimForComments, markRemoved} from '../tree.js'
import type {Block, ElementInfo, Root} from '../types.js'

export interface DomHintsOptions {
  /** Also judge ancestors above the article container (default: false: only those between block and container). */
  aboveArticle?: boolean
  /**
   * Whether the items the repeated-items classifier found are the page's
   * content whatever their own class words say (`teaser`, `promo`, `meta`):
   * on a listing the cards are what the page is for, and the hints around
   * the list were judged when it was found (default: false; true on listing,
   * collection, product and service pages, `data/page-types.json`; not on a
   * forum, whose posts hold signatures and poster profiles).
   */
  itemsAreContent?: boolean
  /**
   * Characters of prose (paragraphs of 150+ characters, few links, some
   * function words) from which an element named for ads (`intextAd`) is a
   * text column with ad slots between its paragraphs, not an ad, and one
   * named for printing (`print-layer`, not `dont-print`) the article's
   * printable copy, not a print button (default: 600).
   */
  adColumnMinProseChars?: number
  /**
   * Share of a page's paragraph prose (as `adColumnMinProseChars` counts it)
   * from which the prose in caption and credit elements is the page's text,
   * not captions: a slideshow or gallery article writes its story in its
   * slides' captions (default: 0.4).
   */
  captionTextMinShare?: number
}

/**
 * Remove blocks inside furniture elements of an HTML page: an element whose
 * class, id, role or itemprop names comments, sharing, related stories,
 * newsletters, bios, captions, navigation, sidebars, cookies or ads, or a
 * `<nav>`, `<footer>`, `<aside>`, `<figcaption>` or `<form>`. Inside the
 * article, only the elements between the block and the article container
 * count, so a page-wide wrapper class cannot remove the article; outside it,
 * the walk stops at the elements that wrap the article (a site whose page
 * wrapper is `nav-drawer` or `menu-slide` has not put its article in a menu).
 * On some kinds of page some hints name content (`data/page-types.json`):
 * a forum thread's posts are `comment` and `reply` elements, though a
 * comment under a Q&A site's question or answer is a remark, not a post. Inside the
 * article a `widget` is one of its building blocks (Blogger's post, a
 * product box) unless it is a gallery or a player; outside it, a sidebar's.
 */
export default function dechaffDomHints(options: DomHintsOptions = {}): Transformer<Root> {
  const aboveArticle = options.aboveArticle ?? false
  const itemsAreContent = options.itemsAreContent ?? false
  const adColumnMinProseChars = options.adColumnMinProseChars ?? defaults.domHints.adColumnMinProseChars
  const captionTextMinShare = options.captionTextMinShare ?? defaults.domHints.captionTextMinShare
  return (tree) => {
    const type = tree.data?.pageType?.type
    const content = type ? contentHints.get(type) : undefined
    const holders = type ? remarkHolders.get(type) : undefined
    const elements = tree.data?.elements
    if (!elements) return
    const area = new Set(tree.data?.articleElements ?? [])
    const wrappers = new Set([...area].flatMap((element) => ancestry(elements, element).slice(1)))
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const title = blocks.find((block) => block.evidence.title)
    let prose: Map<number, number> | undefined
    const isProseColumn = (index: number, element: ElementInfo, hint: string): boolean =>
      (adTokens.has(hint) || (printTokens.has(hint) && !namesUnprinted(element))) && ((prose ??= proseChars(blocks, elements)).get(index) ?? 0) >= adColumnMinProseChars
    const marks: Array<{block: Block; element: ElementInfo; furniture: string}> = []
    for (const block of blocks) {
      const html = block.evidence.html
      if (!html || block === title || (itemsAreContent && block.inItemList)) continue
      if (block.removal) {
        if (block.removal.ruleId === 'byline' && ancestry(elements, html.element).some((index) => commentHint.test((elements[index] as ElementInfo).furniture ?? ''))) claimForComments(block)
        continue
      }
      const chain = ancestry(elements, html.element)
      for (const [at, index] of chain.entries()) {
        if ((area.has(index) || wrappers.has(index)) && !aboveArticle) break
        const element = elements[index] as ElementInfo
        if (element.tag === 'body') break
        const furniture = element.furniture
        if (!furniture) continue
        // Inside the article a "widget" is one of its building blocks (Blogger's post, a product box), not a sidebar's; a gallery or a player widget is an embed.
        if (componentWords.has(furniture) && !element.tokens.some((token) => mediaWords.has(token)) && chain.some((ancestor) => area.has(ancestor))) continue
        // A content hint names this page's content, unless a remark holder sits above it.
        const namesContent = content?.test(furniture) === true && !(holders && heldAbove(elements, chain, at, holders))
        if (!namesContent && !isProseColumn(index, element, furniture)) {
          marks.push({block, element, furniture})
          break
        }
      }
    }
    const captionsAreText = captionProseShare(blocks, marks) >= captionTextMinShare
    for (const {block, element, furniture} of marks) {
      if (captionsAreText && element.furnitureInFlow) continue
      markRemoved(block, {
        ruleId: 'dom-hint',
        reason: `inside ${describe(element)} (${furniture})`,
        score: 0.75,
        inFlow: element.furnitureInFlow === true,
        ...(commentHint.test(furniture) ? {comment: true} : {})
      })
    }
  }
}

/** Hints that name content on some kinds of page, alone or run together (`commentbody`): a forum's posts sit in `comment` and `reply` elements. */
const contentHints = new Map(Object.entries(pageTypeData.contentHints).map(([type, words]) => [type, new RegExp(`^(?:${words.join('|')})`, 'u')]))

/** Words of a post under which the content hints name remarks on it, by page type (a Q&A site's `question` and `answer`). */
const remarkHolders = new Map(Object.entries(pageTypeData.remarkHolders).map(([type, words]) => [type, new Set<string>(words)]))

/**
 * Whether an element above position `at` of the chain is named by one of
 * `holders`: a comment under a Q&A site's question or answer remarks on that
 * post; it is no post of the thread.
 */
function heldAbove(elements: ElementInfo[], chain: number[], at: number, holders: ReadonlySet<string>): boolean {
  for (let above = at + 1; above < chain.length; above++) {
    if ((elements[chain[above] as number] as ElementInfo).tokens.some((token) => holders.has(token))) return true
  }
  return false
}

/** Words that name a building block of any region, and the words that make one a media embed (`data/dom-hints.json` `pageBuilders`). */
const componentWords: ReadonlySet<string> = new Set(domHintData.pageBuilders.componentWords)
const mediaWords: ReadonlySet<string> = new Set(domHintData.pageBuilders.mediaWords)

/** Furniture words that name ads (`data/dom-hints.json` `adTokens`). */
const adTokens: ReadonlySet<string> = new Set(domHintData.adTokens)

/** Furniture words that name printing, and the words that before one say a printout leaves the element out (`data/dom-hints.json`). */
const printTokens: ReadonlySet<string> = new Set(domHintData.printTokens)
const unprintedWords: ReadonlySet<string> = new Set(domHintData.unprintedWords)

/** The element's name says a printout leaves it out (`dont-print`, `do-not-print`). */
function namesUnprinted(element: ElementInfo): boolean {
  return element.tokens.some((token, at) => at > 0 && printTokens.has(token) && unprintedWords.has(element.tokens[at - 1] as string))
}

/** Paragraph prose: long enough, hardly linked, with function words. */
const {proseMinChars, proseMaxLinkDensity, proseMinStopwords} = defaults.domHints
const isProse = (block: Block): boolean =>
  block.features.chars >= proseMinChars && block.evidence.linkDensity <= proseMaxLinkDensity && block.features.stopwordDensity >= proseMinStopwords

/** Characters of paragraph prose under each element. */
function proseChars(blocks: Block[], elements: ElementInfo[]): Map<number, number> {
  const totals = new Map<number, number>()
  for (const block of blocks) {
    const html = block.evidence.html
    if (!html || !isProse(block)) continue
    for (const index of ancestry(elements, html.element)) totals.set(index, (totals.get(index) ?? 0) + block.features.chars)
  }
  return totals
}

/** The share of a page's paragraph prose that sits in caption and credit elements. */
function captionProseShare(blocks: Block[], marks: Array<{block: Block; element: ElementInfo}>): number {
  const inCaptions = new Set(marks.filter((mark) => mark.element.furnitureInFlow).map((mark) => mark.block))
  if (inCaptions.size === 0) return 0
  let captions = 0
  let all = 0
  for (const block of blocks) {
    if (!isProse(block)) continue
    all += block.features.chars
    if (inCaptions.has(block)) captions += block.features.chars
  }
  return all === 0 ? 0 : captions / all
}

function describe(element: ElementInfo): string {
  return element.tokens.length > 0 ? `<${element.tag} ${element.tokens.slice(0, 4).join(' ')}>` : `<${element.tag}>`
}
