import type {Transformer} from 'unified'
import {demoted, isProse, readsAsSentence} from '../regions.js'
import {defaults} from '../thresholds.js'
import {blocksOf} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface MainRegionOptions {
  /**
   * Most blocks between two prose blocks of one run (default: 10). List items,
   * quantity lines, short whole sentences and captions do not count; other
   * removed blocks (share rows, comment headers) do, as they divide a page.
   */
  maxGapBlocks?: number
  /** Share of the largest run's prose that the first run must hold to be the article (default: 0.3). */
  minRunShare?: number
  /** Share of all the page's prose that the article's runs must hold for the rest to be judged outside it (default: 0.6). */
  minMainShare?: number
  /** Characters of lines above the article's first prose left to the title rule (default: 300). */
  titleWindowChars?: number
  /** Characters of lines below the article's last prose left to context (default: 150). */
  tailWindowChars?: number
}

interface Run {
  start: number
  end: number
  chars: number
}

/**
 * Find the article in a page that has no article container (a text dump, or
 * HTML without one): the first run of prose blocks, close together, that
 * holds a fair share of the largest run's prose, joined by earlier runs when
 * nothing was removed between them. When it holds most of the page's prose
 * (all of it, when it is the page's only run),
 * blocks well above or below it drop a quality step, as outside an HTML
 * article container: likely boilerplate, left to context. The lines just
 * above the run (title, deck, byline) and just below it are left alone.
 */
export default function dechaffMainRegion(options: MainRegionOptions = {}): Transformer<Root> {
  const settings = {...defaults.mainRegion, ...options}
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    if (blocks.some((block) => block.inArticle)) return
    const runs = proseRuns(blocks, settings)
    if (runs.length === 0) return
    const largest = Math.max(...runs.map((run) => run.chars))
    const mainIndex = runs.findIndex((run) => run.chars >= settings.minRunShare * largest)
    const main = {...(runs[mainIndex] as Run)}
    // An earlier run is the article's opening when nothing was removed between them (a list of pros and cons after the intro).
    for (const run of runs.slice(0, mainIndex).reverse()) {
      if (blocks.slice(run.end + 1, main.start).some((block) => block.removal && !block.removal.inFlow)) break
      main.start = run.start
      main.chars += run.chars
    }
    // Sections of similar weight (an FAQ, a listing) leave no single article to prefer.
    if (main.chars < settings.minMainShare * runs.reduce((sum, run) => sum + run.chars, 0)) return
    const first = windowEdge(blocks, main.start, -1, settings.titleWindowChars)
    const last = windowEdge(blocks, main.end, 1, settings.tailWindowChars)
    blocks.forEach((block, index) => {
      if ((index >= first && index <= last) || block.removal || !block.quality) return
      block.outsideArticle = true
      block.quality = demoted(block.quality, 'outside the main prose region')
    })
  }
}

/** Prose of any length: articles written in short paragraphs count. */
const anyLength = {proseMinChars: 0}

/** A line that starts with a quantity ("1 ½ cups flour", "200 g butter"): an ingredient or parts list. */
const quantityLine = /^(?:\d|[¼½¾⅓⅔⅛])/u

/** Lines that may sit inside an article between its paragraphs: list items, quantity lines, short whole sentences. */
function bridges(block: Block): boolean {
  return block.features.listMarker || quantityLine.test(block.text) || readsAsSentence(block)
}

/** Runs of prose blocks whose gaps hold at most `maxGapBlocks` blocks that neither bridge paragraphs nor sit in the article's flow. */
function proseRuns(blocks: Block[], settings: Required<MainRegionOptions>): Run[] {
  const runs: Run[] = []
  let current: Run | undefined
  let gap = 0
  blocks.forEach((block, index) => {
    if (isProse(block, anyLength)) {
      if (current && gap <= settings.maxGapBlocks) {
        current.end = index
        current.chars += block.features.chars
      } else {
        current = {start: index, end: index, chars: block.features.chars}
        runs.push(current)
      }
      gap = 0
    } else if (!block.removal?.inFlow && !bridges(block)) gap++
  })
  return runs
}

/** The farthest index from `from`, stepping by `step`, whose kept blocks in between hold at most `maxChars` characters. */
function windowEdge(blocks: Block[], from: number, step: 1 | -1, maxChars: number): number {
  let chars = 0
  let edge = from
  for (let at = from + step; at >= 0 && at < blocks.length; at += step) {
    const block = blocks[at] as Block
    if (!block.removal) chars += block.features.chars
    if (chars > maxChars) break
    edge = at
  }
  return edge
}
