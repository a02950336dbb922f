import type {Transformer} from 'unified'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, Root} from '../types.js'

/**
 * Remove the site's header: on a page whose parser found a breadcrumb that
 * leads to the headline just below it ("Home / Blog / Keeper emails" over
 * "Keeper emails", `evidence.breadcrumb`), the page's own content starts at the
 * breadcrumb, and every block above it is what the site prints on each of its
 * pages: the logo's line, the menus, a menu's dropdown text (which a text dump
 * glues to its entry, so that it reads as prose), a login row. The breadcrumb
 * goes with them (navigation, however few its steps). Blocks another
 * classifier removed first keep that reason (a cookie notice stays a cookie
 * notice); protected blocks stay.
 */
/** The site-header classifier takes no options: `{}` (or nothing) runs it, `false` in `classifiers` turns it off. */
export type SiteHeaderOptions = Record<string, never>

export default function dechaffSiteHeader(): Transformer<Root> {
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const breadcrumb = blocks.findIndex((block) => block.evidence.breadcrumb)
    if (breadcrumb <= 0) return
    for (const block of blocks.slice(0, breadcrumb)) {
      if (block.features.words > 0) markRemoved(block, {ruleId: 'site-header', reason: 'above the breadcrumb that leads to the headline: the site’s header', score: 0.9})
    }
    markRemoved(blocks[breadcrumb] as Block, {ruleId: 'site-header', reason: 'the breadcrumb that leads to the headline', score: 0.9})
  }
}
