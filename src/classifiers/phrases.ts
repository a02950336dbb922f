import type {Transformer} from 'unified'
import {furnitureLexicon, furnitureLexiconFor, Lexicon, removeLexiconMatches, type LexiconData} from '../lexicon.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface PhrasesOptions {
  /**
   * Phrase lexicon (default: dechaff's furniture lexicon, `data/furniture.json`,
   * with the page language's phrases from `data/furniture-languages.json`).
   */
  lexicon?: LexiconData
  /** Extra rules added to the lexicon, e.g. a site's own furniture (default: none). */
  extraRules?: LexiconData['rules']
  /** Longest block (characters) that can be a furniture phrase (default: 1,200: a site's copyright notice can run to a long paragraph). */
  blockMaxChars?: number
  /**
   * Least share of a block's text in sentences that match a phrase for the
   * block to be furniture (default: 0.5): a footer's legal line followed by a
   * short note of its own ("The editors do not answer enquiries.") goes, a
   * paragraph that mentions a phrase among its own sentences stays.
   */
  minMatchedShare?: number
  /** Longest sentence (characters) tested against the phrases; a longer one is prose (default: 1,200: a site's copyright notice can be one long sentence). */
  sentenceMaxChars?: number
}

/**
 * Remove blocks made only of furniture phrases: comment forms, spam, cookie and
 * JavaScript notices, skip links, share rows, newsletter boxes, ad slots,
 * disclosures, legal lines, feedback widgets, related-story headings and
 * "Read more" links, in English and in the page's language. The sentences
 * that match must hold most of the block's text, so prose that mentions a
 * phrase is kept; so is a `<blockquote>` that quotes one. A variant
 * picker's current choice goes with the control beside it.
 */
export default function dechaffPhrases(options: PhrasesOptions = {}): Transformer<Root> {
  const lexicons = new Map<string, Lexicon>()
  const minMatchedShare = options.minMatchedShare ?? defaults.phrases.minMatchedShare
  const sentenceMaxChars = options.sentenceMaxChars ?? defaults.phrases.sentenceMaxChars
  // A lexicon given in the options is used as it is; the bundled one grows by the page's language.
  const lexiconFor = (code: string): Lexicon => {
    const key = options.lexicon ? '' : code
    let lexicon = lexicons.get(key)
    if (!lexicon) {
      const base = options.lexicon ?? furnitureLexiconFor(code, furnitureLexicon)
      lexicon = new Lexicon({rules: {...base.rules, ...options.extraRules}}, {minMatchedShare, sentenceMaxChars})
      lexicons.set(key, lexicon)
    }
    return lexicon
  }
  const blockMaxChars = options.blockMaxChars ?? defaults.phrases.blockMaxChars
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    removeLexiconMatches(blocks, lexiconFor(tree.data?.language?.code ?? 'en'), {blockMaxChars, score: 1})
    removePickerChoices(blocks)
  }
}

/** "Colour: Sage": a short label, a colon and the value chosen. */
const labelledChoice = /^(\p{L}[\p{L} ]{0,24}?)\s*:\s*\S.{0,40}$/u

/**
 * A variant picker's current choice ("Colour: Sage") right beside the shop
 * control that changes it ("Select colour"), as a text dump shows them: the
 * control names the choice's label. A specification ("Colour: stainless
 * steel" in a product's table) has no such control beside it.
 */
function removePickerChoices(blocks: Block[]): void {
  blocks.forEach((block, index) => {
    if (block.removal || block.protection) return
    const label = labelledChoice.exec(block.normal)?.[1]?.split(' ')
    if (!label) return
    const control = [blocks[index - 1], blocks[index + 1]].find((other) => other?.removal?.ruleId === 'shop-control' && label.every((word) => other.words.includes(word)))
    if (control) markRemoved(block, {ruleId: 'shop-control', reason: `a variant picker’s current choice, beside “${control.text}”`, score: 1})
  })
}
