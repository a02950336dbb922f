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
