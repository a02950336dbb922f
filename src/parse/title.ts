import {scoresOf, tokenOverlap} from '../metrics.js'

/** Separators used by `<title>` between the headline and the site name. */
export const titleSeparators = /\s+(?:\||-|–|—|::|·|•|»|\/)\s+/u

/** The headline part of a `<title>`: the longest part between site-name separators. */
export function headlineOf(title: string): string {
  const parts = title.split(titleSeparators).map((part) => part.trim()).filter(Boolean)
  return parts.reduce((best, part) => (part.length > best.length ? part : best), '')
}

/** Where the page title is among the blocks: the h1 closest to `<title>` (-1 when the page has no h1). */
export function titleIndex(blocks: ReadonlyArray<{text: string; heading?: number}>, documentTitle: string): number {
  let best = -1
  let bestF1 = -1
  blocks.forEach((block, index) => {
    if (block.heading !== 1) return
    if (best === -1) best = index
    if (!documentTitle) return
    const f1 = scoresOf(tokenOverlap(block.text, documentTitle)).f1
    if (bestF1 === -1 || f1 > bestF1) {
      best = index
      bestF1 = f1
    }
  })
  return best
}

/**
 * The block that shows `<title>`'s headline as written, where the page's title
 * is not an `<h1>` (-1 when none): on a page without an `<h1>`, or whose `<h1>`
 * shares less than `minOverlap` (F1 of words) with the headline (a site's or a
 * section's name: "Newsroom", "The Company Blog"). Not a list item or a link
 * (a breadcrumb's last entry, a related story's headline).
 */
export function shownHeadlineIndex(blocks: ReadonlyArray<{text: string; listItem: boolean; linkChars: number}>, headline: string, h1At: number, minOverlap: number): number {
  if (!headline) return -1
  if (h1At !== -1 && scoresOf(tokenOverlap((blocks[h1At] as {text: string}).text, headline)).f1 >= minOverlap) return -1
  const fold = (text: string): string => text.replace(/\s+/gu, ' ').trim().toLowerCase()
  const wanted = fold(headline)
  return blocks.findIndex((block) => !block.listItem && block.linkChars * 2 < block.text.length && fold(block.text) === wanted)
}
