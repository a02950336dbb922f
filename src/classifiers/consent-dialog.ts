import type {Transformer} from 'unified'
import data from '../data/consent.json' with {type: 'json'}
import {anyOf} from '../lexicon.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, Root} from '../types.js'

export interface ConsentDialogOptions {
  /** How many blocks a dialog's text may lie from its nearest control (default: 3). */
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

/** How a block takes part in a consent dialog. */
type Part = 'control' | 'term' | 'short' | undefined

/**
 * Remove a cookie consent dialog printed into the page: a consent manager's
 * banner and preference centre, which a dump keeps as paragraphs about
 * cookies between its category headings and its buttons ("Accept all",
 * "Always on", "Save my choices"). Sentence by sentence the phrase lexicon
 * finds the banner's stock lines; this finds the dialog as a whole: text
 * about cookies and consent (at least `minTermWords` words of it) held
 * together by controls (at least `minControls`, or a button after the text),
 * each block at most `maxReach` blocks from one. Prose
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
    for (const {start, end} of dialogs(parts, maxReach)) {
      const dialog = blocks.slice(start, end)
      const roles = parts.slice(start, end)
      const termWords = dialog.reduce((sum, block, offset) => sum + (roles[offset] === 'term' ? block.features.words : 0), 0)
      const controls = roles.filter((role) => role === 'control').length
      // A banner's button follows its text; a lone control line above text about consent may be an article's section heading ("Consent").
      const buttonAfterText = roles.lastIndexOf('control') > roles.indexOf('term')
      if (termWords < minTermWords || (controls < minControls && !buttonAfterText)) continue
      const reason = `cookie consent dialog: ${termWords} words about cookies and consent among ${controls} of its controls`
      for (const block of dialog) markRemoved(block, {ruleId: 'consent-dialog', reason, score: 0.9})
    }
  }
}

/** The spans of blocks around the page's controls, those with nothing but consent text between them joined: a preference centre's categories, each under its toggle. */
function dialogs(parts: Part[], maxReach: number): Array<{start: number; end: number}> {
  const spans: Array<{start: number; end: number}> = []
  for (let index = 0; index < parts.length; index++) {
    if (parts[index] !== 'control') continue
    const span = dialogAround(parts, index, maxReach)
    const last = spans.at(-1)
    // Text about consent all the way between two spans joins them, however long.
    if (last && parts.slice(last.end, span.start).every((part) => part !== undefined)) last.end = Math.max(last.end, span.end)
    else spans.push(span)
    index = span.end - 1
  }
  return spans
}

/** The blocks of the dialog that holds control `first`: back and on over its text, as far as `maxReach` from a control. */
function dialogAround(parts: Part[], first: number, maxReach: number): {start: number; end: number} {
  let start = first
  while (start > 0 && first - (start - 1) <= maxReach && parts[start - 1] !== undefined) start--
  let lastControl = first
  let end = first + 1
  for (let index = first + 1; index < parts.length && index - lastControl <= maxReach && parts[index] !== undefined; index++) {
    if (parts[index] === 'control') lastControl = index
    end = index + 1
  }
  // A short line at either edge belongs to what lies beyond the dialog.
  while (start < first && parts[start] === 'short') start++
  while (end > lastControl + 1 && parts[end - 1] === 'short') end--
  return {start, end}
}

function partOf(block: Block): Part {
  // A heading is a section's name ("Consent"), never a button.
  if ((block.removal?.ruleId === 'cookie-notice' || isControl(block)) && block.evidence.heading === undefined) return 'control'
  if (consentTerm.test(block.normal)) return 'term'
  return block.features.words <= 3 && !block.features.terminal ? 'short' : undefined
}

/** A button or toggle of a consent dialog: a few words, all of its controls' vocabulary, one of them an action. */
function isControl(block: Block): boolean {
  const words = block.words
  if (words.length === 0 || words.length > data.controlMaxWords) return false
  return words.every((word) => controlWords.has(word)) && words.some((word) => controlCores.has(word))
}
