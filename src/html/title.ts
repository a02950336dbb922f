import {scoresOf, tokenOverlap} from '../metrics.js'
import type {Block} from '../types.js'

/** The page title: the h1 closest to `<title>`, or the title taken from `<title>`. */
export function titleBlock(blocks: Block[], documentTitle: string | undefined): Block | undefined {
  const headings = blocks.filter((block) => block.evidence.heading === 1)
  if (headings.length <= 1 || !documentTitle) return headings[0]
  return headings.reduce((best, block) =>
    scoresOf(tokenOverlap(block.text, documentTitle)).f1 > scoresOf(tokenOverlap(best.text, documentTitle)).f1 ? block : best
  )
}

