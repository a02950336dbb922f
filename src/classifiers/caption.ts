import type {Transformer} from 'unified'
import data from '../data/captions.json' with {type: 'json'}
import {alternation} from '../lexicon.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, BlockNode, ElementInfo, Root} from '../types.js'
import {commonEnglishWords} from '../words.js'

export interface CaptionOptions {
  /** Longest credit line in characters (default: 200). */
  creditMaxChars?: number
  /** Longest caption that ends in a bracketed credit, in characters (default: 250). */
  captionMaxChars?: number
  /** Longest caption that ends in a bracketed photo credit ("(AP Photo/Jane Doe)"), in characters, however many sentences it holds (default: 800: a wire photo's caption names everyone in the picture). */
  longCaptionMaxChars?: number
  /**
   * Longest caption above a credit line, in characters, where no element ties
   * the two together (a text dump's lines; default: 150): a caption is
   * shorter than the paragraphs around it, and the article's lead printed
   * above a photo's credit is not its caption.
   */
  looseCaptionMaxChars?: number
  /** Fewest words of an alt-text line (default: 6). */
  altTextMinWords?: number
  /** Highest stopword density of an alt-text line (default: 0.3: "a bench covered in organ pipes and hand tools"). */
  altTextMaxStopwords?: number
}

// "Photo: …", or a label and a web address alone ("Фото city.kharkov.ua", "Photo from example.com").
const creditLabel = new RegExp(`^(?:${alternation(data.creditLabels)})(?:(?: (?:credit|credits|source|by))?\\s?[:：|,]\\s?\\S| (?:\\p{L}{1,4} )?(?:www\\.)?(?:[\\p{L}\\p{N}-]+\\.)+\\p{L}{2,}$)`, 'u')
const creditBy = new RegExp(`^(?:${alternation(data.creditBy)})\\s+\\S`, 'u')
const agencyLine = new RegExp(`^(?:${alternation(data.agencies)})(?:\\s?(?:/|via|for|,)\\s?[^.]{0,60})?$`, 'u')
/** "Andy Boxall/Digital Trends": capitalised name, slash, outlet (matched on the text as written). */
const slashCredit = /^\(?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}\s?\/\s?\p{Lu}[\p{L}\p{N}&.'’ -]{1,40}\)?$/u
/**
 * A credit in brackets ending a caption: a label and who is credited ("(Photo:
 * Reuters)", "(图/新华社)"); a label alone ("(Photo)", "(图)") tags a
 * headline's media and credits no one. A label may end in a full stop
 * ("fot."), so it ends where no letter follows; "/© Agency" closes a caption too.
 */
const trailingCredit = new RegExp(`(?:\\((?:©\\s?)?(?:${alternation(data.parentheticalLabels)})(?![\\p{L}\\p{N}])[^()\\p{L}\\p{N}]{0,10}[\\p{L}\\p{N}][^()]{0,100}\\)|\\s/\\s?©[^/()]{1,60})$`, 'u')
/** A bracketed credit only a picture carries, ending a caption: a photo label, then a slash, a colon or "by" and who is credited ("(AP Photo/Jane Doe)", "(Photo by Jane Doe)"). */
const photoCredit = new RegExp(`\\((?:${alternation(data.photoLabels)})(?:\\s?[/:：|]\\s?| by | courtesy (?:of )?)[^()]{1,100}\\)$`, 'u')
const creditWithin = new RegExp(`^[^.]{0,60}[;,] (?:${alternation(data.creditBy)}|${alternation(data.creditLabels)} by) [^.;]{1,60}$`, 'u')
const bracketVia = new RegExp(`^\\[(?:via|h/t|hat tip|from|${alternation(data.parentheticalLabels)})(?![\\p{L}\\p{N}])[^\\]]{0,150}\\]$`, 'u')
/** The reason of a labelled credit ("Photo credit: …", "Photographs by …"), which a specification's row can look like ("Graphics: …"). */
const labelledCreditReason = 'photo or source credit'
/** The reason of a slash credit ("Name/Outlet", "/Outlet"): too weak a sign to make the line above it a caption. */
const slashCreditReason = 'photographer/agency credit'
/** "/RMF FM", "/© Panthermedia": a name after a slash, the credit of the caption above it (not "/every $1", a price's unit). */
const slashLedCredit = /^\/\s?©?\s?\p{Lu}[\p{L}\p{N} &'’-]{0,60}$/u

/**
 * Remove image captions and credits: "Andy Boxall/Digital Trends", "Photo
 * credit: …", "Credits: …", "(Source: Nokia)" closing a caption, "[Via …]",
 * agency lines ("Getty Images") and image alt text left in a dump (a long run
 * of lower-case keywords with no punctuation and few function words).
 */
export default function dechaffCaption(options: CaptionOptions = {}): Transformer<Root> {
  const creditMaxChars = options.creditMaxChars ?? defaults.caption.creditMaxChars
  const captionMaxChars = options.captionMaxChars ?? defaults.caption.captionMaxChars
  const longCaptionMaxChars = options.longCaptionMaxChars ?? defaults.caption.longCaptionMaxChars
  const looseCaptionMaxChars = options.looseCaptionMaxChars ?? defaults.caption.looseCaptionMaxChars
  const altTextMinWords = options.altTextMinWords ?? defaults.caption.altTextMinWords
  const altTextMaxStopwords = options.altTextMaxStopwords ?? defaults.caption.altTextMaxStopwords
  return (tree) => {
    const nodes = blocksOf(tree)
    nodes.forEach((node, index) => {
      const block = node.data.block
      if (block.removal) return
      const reason = creditReason(block, {creditMaxChars, captionMaxChars, longCaptionMaxChars})
      // "Graphics: NVIDIA GTX 970" between "Memory: 8 GB RAM" and "Storage: 85 GB": a specification's row, not a credit.
      if (reason && !(reason === labelledCreditReason && isSpecificationRow(nodes, index))) {
        markRemoved(block, {ruleId: 'image-credit', reason, score: 0.9, inFlow: true})
      } else if (isAltText(block, altTextMinWords, altTextMaxStopwords) && !isAltText(neighbour(nodes, index - 1), 1, 1) && !isAltText(neighbour(nodes, index + 1), 1, 1)) {
        markRemoved(block, {ruleId: 'alt-text', reason: 'image alt text: lower-case keywords without punctuation', score: 0.7, inFlow: true})
      }
    })
    nodes.forEach((node, index) => {
      const block = node.data.block
      const next = neighbour(nodes, index + 1)
      const container = sharedContainer(tree.data?.elements, block, next)
      if (!block.removal && container !== false && isCaptionAboveCredit(block, next, container === undefined ? looseCaptionMaxChars : captionMaxChars)) {
        markRemoved(block, {ruleId: 'caption', reason: 'caption above an image credit', score: 0.75, inFlow: true})
      } else if (!block.removal && !block.evidence.html && isCaptionSentence(block)) {
        markRemoved(block, {ruleId: 'caption', reason: 'photo caption: a name, then a place or an -ing verb, no finite verb', score: 0.6, inFlow: true})
      }
    })
  }
}

/** "Margaret Hartnell at her bench.", "Daniel re-leathering a pallet.": a name (the first group), then a place or an -ing verb, no finite verb. */
const captionPhrase = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}) (?:at|in|on|during|with|near|outside|inside|beside|behind|[\p{L}-]+ing) \S+ [^.!?]{2,100}\.$/u
const finiteVerbs = /\b(?:is|are|was|were|has|have|had|said|says|will|would|can|could|did|does|do|[\p{L}]{3,}ed)\b/u

/**
 * A standalone photo caption in a text dump: a name-led verbless sentence,
 * maybe with one more short sentence. A page's HTML marks its captions
 * (`<figcaption>`, a caption class: the DOM hints'), and there the shape alone
 * took more feature bullets and headings ("Customizable RGB lighting with 44
 * built-in patterns.") than captions.
 */
function isCaptionSentence(block: Block): boolean {
  if (block.features.chars > 160 || block.features.sentences > 2) return false
  const first = block.text.split(/(?<=\.)\s/u)[0] ?? ''
  const name = captionPhrase.exec(first)?.[1]
  return name !== undefined && namesSomeone(name) && !finiteVerbs.test(first.toLowerCase())
}

/** Capitalised words that may name someone: not all common words ("Compare remodeling costs…" and "Staying on the cutting edge." are an instruction and a heading, not a caption). */
function namesSomeone(words: string): boolean {
  return words.split(' ').some((word) => !commonEnglishWords.has(word.toLowerCase().replace(/['’]s$/u, '')))
}

/**
 * A caption: one or two short sentences directly above an image's credit
 * line (caption and credit travel together; the article resumes below). A
 * slash credit (`Name/Outlet`, `/Outlet`) is too weak a sign: a menu's
 * "Science/Nature" reads the same, and so does a lead above "/© Agency".
 */
function isCaptionAboveCredit(block: Block, next: Block | undefined, maxChars: number): boolean {
  const { features } = block
  return (
    next?.removal?.ruleId === 'image-credit' &&
    next.removal.reason !== slashCreditReason &&
    features.chars <= maxChars &&
    features.sentences <= 2 &&
    !features.headingLike &&
    !features.listMarker &&
    !/^["“‘']/u.test(block.text)
  )
}

function creditReason(block: Block, {creditMaxChars, captionMaxChars, longCaptionMaxChars}: {creditMaxChars: number; captionMaxChars: number; longCaptionMaxChars: number}): string | undefined {
  const text = block.normal
  const chars = block.features.chars
  if (chars <= creditMaxChars) {
    if (bracketVia.test(text)) return 'source attribution in brackets'
    if (creditLabel.test(text) || creditBy.test(text)) return labelledCreditReason
    if (agencyLine.test(text)) return 'picture agency credit'
    if (slashLedCredit.test(block.text)) return slashCreditReason
    // A heading element such as "Add-ons / Web Extensions" names a section, not a photographer.
    if (chars <= 80 && block.features.sentences <= 1 && !block.features.terminal && block.evidence.heading === undefined && slashCredit.test(block.text)) {
      return slashCreditReason
    }
  }
  if (chars <= captionMaxChars && block.features.sentences <= 3) {
    if (trailingCredit.test(text)) return 'caption ending in a credit'
    const last = block.sentences[block.sentences.length - 1]
    if (block.sentences.length > 1 && last !== undefined && isCreditSentence(last)) return 'caption ending in a credit'
  }
  if (chars <= longCaptionMaxChars && photoCredit.test(text)) return 'caption ending in a photo credit'
  return undefined
}

/** A row of a specification: a label of a few words, a colon, its value ("Memory: 8 GB RAM"). */
const specificationRow = /^\p{L}[\p{L}\p{N} /&-]{0,30}:\s?\S/u

/** Whether the rows on both sides of a block are a specification's, none of them a credit: the block is a row of the same list. */
function isSpecificationRow(nodes: BlockNode[], index: number): boolean {
  return [index - 1, index + 1].every((at) => {
    const block = neighbour(nodes, at)
    return block !== undefined && specificationRow.test(block.text) && !creditLabel.test(block.normal)
  })
}

/** Whether caption and credit share an element (a figure, a caption box) in an HTML page; `undefined` where there are no elements to compare (a text dump). */
function sharedContainer(elements: ElementInfo[] | undefined, block: Block, other: Block | undefined): boolean | undefined {
  const a = block.evidence.html
  const b = other?.evidence.html
  if (!elements || !a || !b) return undefined
  const parentOf = (index: number): number => elements[index]?.parent ?? -1
  return a.element === b.element || parentOf(a.element) === b.element || a.element === parentOf(b.element)
}

/** A caption's closing credit: "Image: Google Street View", "Photograph by …", "Image used with permission by …". */
function isCreditSentence(sentence: string): boolean {
  const core = sentence.replace(/[.\s]+$/u, '')
  return (
    creditLabel.test(core) ||
    creditBy.test(core) ||
    agencyLine.test(core) ||
    creditWithin.test(core) ||
    /^(?:image|photo|picture|video)s? used with permission\b/u.test(core)
  )
}

function neighbour(nodes: BlockNode[], index: number): Block | undefined {
  return nodes[index]?.data.block
}

/**
 * Image alt text: lower-case keywords, no punctuation, hardly any function
 * words. Only a text dump has it inline; an HTML page keeps it in attributes.
 */
function isAltText(block: Block | undefined, minWords: number, maxStopwords: number): boolean {
  if (!block || block.evidence.html) return false
  const {words, features} = block
  if (words.length < minWords || features.chars > 200) return false
  if (!/^\p{Ll}/u.test(block.text) || /[.,;:!?()"“”]/u.test(block.text)) return false
  const stop = words.filter((word) => block.language.stopwords.has(word)).length
  return stop / words.length <= maxStopwords
}
