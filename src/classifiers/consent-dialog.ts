import type {Transformer} from 'unified'
import data from '../data/consent.json' with {type: 'json'}
import {letteredWords} from '../block.js'
import {anyOf} from '../lexicon.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface ConsentDialogOptions {
  /** How many blocks a dialog's text may lie from its nearest control or category label (default: 3). */
  maxReach?: number
  /** Words of text about cookies and consent a dialog must hold (default: 20). */
  minTermWords?: number
  /** Controls a dialog must have, unless one follows its text as a banner's button does, so that an article's "Consent" section is not one (default: 2). */
  minControls?: number
}

/** A word or phrase only a text about cookies, consent and tracking uses (`data/consent.json` `terms`). */
const consentTerm = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${anyOf(data.terms)})(?![\\p{L}\\p{N}])`, 'u')
const controlWords: ReadonlySet<string> = new Set(data.controls)
const controlCores: ReadonlySet<string> = new Set(data.controlCores)
const categoryWords: ReadonlySet<string> = new Set(data.categoryWords)

/** How a block takes part in a consent dialog: a `label` is a preference centre's category name ("Functional Cookies") beside its toggle. */
type Part = 'control' | 'label' | 'term' | 'short' | undefined

/**
 * Remove a cookie consent dialog printed into the page: a consent manager's
 * banner and preference centre, which a dump keeps as paragraphs about
 * cookies between its category headings and its buttons ("Accept all",
 * "Always on", "Save my choices"). Sentence by sentence the phrase lexicon
 * finds the banner's stock lines; this finds the dialog as a whole: text
 * about cookies and consent (at least `minTermWords` words of it) held
 * together by controls (at least `minControls`, or a button after the text),
 * each block at most `maxReach` blocks from one or from a category's label
 * ("Strictly Necessary Cookies"), and a lead-in line inside its text. Prose
 * that talks about cookies with no controls around it (an article on the
 * cookie law) stays.
 */
export default function dechaffConsentDialog(options: ConsentDialogOptions = {}): Transformer<Root> {
  const maxReach = options.maxReach ?? defaults.consentDialog.maxReach
  const minTermWords = options.minTermWords ?? defaults.consentDialog.minTermWords
  const minControls = options.minControls ?? defaults.consentDialog.minControls
  return (tree) => {
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const parts = blocks.map(partOf)
    for (const {start, end} of dialogs(blocks, parts, maxReach)) {
      const dialog = blocks.slice(start, end)
      const roles = parts.slice(start, end)
      const termWords = dialog.reduce((sum, block, offset) => sum + (aboutConsent(roles[offset]) ? block.features.words : 0), 0)
      const controls = roles.filter((role) => role === 'control').length
      // A banner's button follows its text; a lone control line above text about consent may be an article's section heading ("Consent").
      const buttonAfterText = roles.lastIndexOf('control') > roles.findIndex(aboutConsent)
      if (termWords < minTermWords || (controls < minControls && !buttonAfterText)) continue
      const reason = `cookie consent dialog: ${termWords} words about cookies and consent among ${controls} of its controls`
      for (const block of dialog) markRemoved(block, {ruleId: 'consent-dialog', reason, score: 0.9})
    }
  }
}

/** The spans of blocks around the page's controls, those with nothing but consent text between them joined: a preference centre's categories, each under its toggle. */
function dialogs(blocks: Block[], parts: Part[], maxReach: number): Array<{start: number; end: number}> {
  const spans: Array<{start: number; end: number}> = []
  for (let index = 0; index < parts.length; index++) {
    if (parts[index] !== 'control') continue
    const span = dialogAround(blocks, parts, index, maxReach)
    const last = spans.at(-1)
    // Text about consent all the way between two spans joins them, however long.
    if (last && parts.slice(last.end, span.start).every((part) => part !== undefined)) last.end = Math.max(last.end, span.end)
    else spans.push(span)
    index = span.end - 1
  }
  return spans
}

/**
 * The blocks of the dialog that holds control `first`: back and on over its text, as far as
 * `maxReach` from a control or a category's label. One line that says nothing about consent
 * between the dialog and more of its text belongs to it ("We and our partners process data to
 * provide:" between a banner's text and its purposes); a sentence does not, as an article's
 * paragraph below a banner may be the one that says nothing about cookies.
 */
function dialogAround(blocks: Block[], parts: Part[], first: number, maxReach: number): {start: number; end: number} {
  let start = reach(blocks, parts, first, -1, maxReach)
  let end = reach(blocks, parts, first, 1, maxReach) + 1
  // A short line at either edge belongs to what lies beyond the dialog.
  while (start < first && parts[start] === 'short') start++
  while (end > first + 1 && parts[end - 1] === 'short') end--
  return {start, end}
}

/** The last block of the dialog from control `first` in a direction (`step` -1 back, 1 on): over its parts and bridged lines, each at most `maxReach` from the last anchor passed. */
function reach(blocks: Block[], parts: Part[], first: number, step: -1 | 1, maxReach: number): number {
  let anchor = first
  let edge = first
  for (let index = first + step; index >= 0 && index < parts.length && Math.abs(index - anchor) <= maxReach; index += step) {
    const beyond = index + step
    const bridged = bridges(blocks[index], parts[index]) && aboutConsent(parts[beyond]) && Math.abs(beyond - anchor) <= maxReach
    if (parts[index] === undefined && !bridged) break
    if (bridged) index = beyond
    if (isAnchor(parts[index])) anchor = index
    edge = index
  }
  return edge
}

/** A line that says nothing about consent but may sit inside a dialog's text: a lead-in or a label, no sentence. */
function bridges(block: Block | undefined, part: Part): boolean {
  return part === undefined && block !== undefined && !block.features.terminal
}

/** Text about cookies and consent: a paragraph or a category's label. */
function aboutConsent(part: Part): boolean {
  return part === 'term' || part === 'label'
}

/** What a dialog's text stands beside: its controls and its categories' labels. */
function isAnchor(part: Part): boolean {
  return part === 'control' || part === 'label'
}

function partOf(block: Block): Part {
  // A heading is a section's name ("Consent"), never a button.
  if ((block.removal?.ruleId === 'cookie-notice' || isControl(block)) && block.evidence.heading === undefined) return 'control'
  if (consentTerm.test(block.normal)) return isCategoryLabel(block) ? 'label' : 'term'
  return block.features.words <= 3 && !block.features.terminal ? 'short' : undefined
}

/** A preference centre's category name ("Strictly Necessary Cookies"): a few words, all of its categories' and controls' vocabulary, no sentence; "Chocolate Chip Cookies" is none. */
function isCategoryLabel(block: Block): boolean {
  const words = letteredWords(block)
  return words.length > 0 && words.length <= data.controlMaxWords && !block.features.terminal && words.every((word) => categoryWords.has(word) || controlWords.has(word) || consentTerm.test(word))
}

/**
 * A button or toggle of a consent dialog: a few words, all of its controls' vocabulary, one of them an action; a dump may run a row of buttons together ("Accept All CookiesReject All Cookies").
 * Splitting glued words only adds words, so a block of too many words is no row, glued or not, and its text is not searched.
 */
function isControl(block: Block): boolean {
  if (block.words.length > data.controlMaxWords) return false
  return controlRow(block.words) || (gluedWords.test(block.text) && controlRow(block.text.split(gluedWords).join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)))
}

/** Where a dump runs two buttons' words together: a lower-case letter then a capital. */
const gluedWords = /(?<=\p{Ll})(?=\p{Lu})/u

function controlRow(words: string[]): boolean {
  if (words.length === 0 || words.length > data.controlMaxWords) return false
  return words.every((word) => controlWords.has(word)) && words.some((word) => controlCores.has(word))
}
