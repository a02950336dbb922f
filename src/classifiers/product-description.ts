import type {Transformer} from 'unified'
import {normalise} from '../block.js'
import {tokenize} from '../metrics.js'
import {defaults} from '../thresholds.js'
import type {Block, PageType, Root} from '../types.js'
import {blocksOf, markRemoved} from '../tree.js'

export interface ProductDescriptionOptions {
  /** Page types whose pages are a product's (default: `['product']`). */
  pageTypes?: PageType[]
  /** Fewest words of a block that can be part of the description: fewer recur in any text by chance (default: 4). */
  minBlockWords?: number
}

/** Sure: the page states this text to be the product's description. */
const descriptionScore = 0.9

/**
 * A product page's description as the page states it in its JSON-LD
 * (`Product.description`) is content: on a product page, the blocks whose
 * words run word for word in it (the description as the page shows it,
 * however styled: its paragraphs, its bullet points) are kept, even when short or shaped like a list of specifications; where
 * the page's markup lacked it and the parser showed it after the `<h1>`,
 * that paragraph is kept. On other kinds of page (a review, a listing that
 * states one product) the JSON-LD says nothing about what the page's content
 * is: the paragraph the parser added is removed, the page's own blocks are
 * left to the other classifiers.
 */
export default function dechaffProductDescription(options: ProductDescriptionOptions = {}): Transformer<Root> {
  const pageTypes = new Set<string>(options.pageTypes ?? ['product'])
  const minBlockWords = options.minBlockWords ?? defaults.productDescription.minBlockWords
  return (tree) => {
    const description = tree.data?.productDescription
    if (!description) return
    const type = tree.data?.pageType?.type
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const text = wordRun(description.text)
    const normal = normalise(description.text)
    for (const block of blocks) {
      const added = description.rendered && block.normal === normal
      if (type && pageTypes.has(type)) {
        if (added || isPartOf(block, text, minBlockWords)) {
          block.protection = {ruleId: 'product-description', reason: added ? 'the product’s description, stated only in the page’s JSON-LD' : 'part of the product’s description the page states in its JSON-LD', score: descriptionScore}
        }
      } else if (added) {
        markRemoved(block, {ruleId: 'product-description', reason: `a product description stated only in the page’s JSON-LD, on a page of type ${type ?? 'unknown'}`, score: descriptionScore})
      }
    }
  }
}

/** A block of enough words that runs word for word in the description (a bullet or a heading's styling aside). */
function isPartOf(block: Block, description: string, minBlockWords: number): boolean {
  const own = tokenize(block.normal)
  return own.length >= minBlockWords && description.includes(` ${own.join(' ')} `)
}

/** The text's words, lower-cased, one space apart and around. */
function wordRun(text: string): string {
  return ` ${tokenize(normalise(text)).join(' ')} `
}
