import type {Transformer} from 'unified'
import {furnitureLexicon, Lexicon, removeLexiconMatches, type LexiconData} from '../lexicon.js'
import {defaults} from '../thresholds.js'
import {blocksOf} from '../tree.js'
import type {Root} from '../types.js'

export interface PhrasesOptions {
  /** Phrase lexicon (default: dechaff's furniture lexicon, `data/furniture.json`). */
  lexicon?: LexiconData
  /** Extra rules added to the lexicon, e.g. a site's own furniture (default: none). */
  extraRules?: LexiconData['rules']
  /** Longest block (characters) that can be a furniture phrase (default: 600). */
  blockMaxChars?: number
}

/**
 * Remove blocks made only of furniture phrases: comment forms, spam, cookie and
 * JavaScript notices, skip links, share rows, newsletter boxes, ad slots,
 * disclosures, legal lines, feedback widgets, related-story headings and
 * "Read more" links. Every sentence of the block must match, so prose that
 * mentions a phrase is kept; so is a `<blockquote>` that quotes one.
 */
export default function dechaffPhrases(options: PhrasesOptions = {}): Transformer<Root> {
  const base = options.lexicon ?? furnitureLexicon
  const lexicon = new Lexicon({rules: {...base.rules, ...options.extraRules}})
  const blockMaxChars = options.blockMaxChars ?? defaults.phrases.blockMaxChars
  return (tree) => {
    removeLexiconMatches(
      blocksOf(tree).map((node) => node.data.block),
      lexicon,
      blockMaxChars,
      1
    )
  }
}
