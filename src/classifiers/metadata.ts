import type {Transformer} from 'unified'
import bio from '../data/bio.json' with {type: 'json'}
import data from '../data/metadata.json' with {type: 'json'}
import {alternation} from '../lexicon.js'
import {letteredWords, normalise} from '../block.js'
import {bylineStart, carriesDate, clockTime, leadingName, unglued} from '../dates.js'
import {defaults} from '../thresholds.js'
import {blocksOf, markRemoved} from '../tree.js'
import type {Block, Mark, Root} from '../types.js'

export interface MetadataOptions {
  /** Longest block (characters) that can be a byline or dateline (default: 200). */
  maxChars?: number
  /** Longest taxonomy line ("Posted in … | Tagged …") in characters (default: 300). */
  taxonomyMaxChars?: number
  /** Share of a line's words that must be metadata vocabulary (default: 0.75). */
  minVocabularyShare?: number
  /**
   * Longest line (in Latin-letter units) above the article's first paragraph
   * that is a dateline when it carries a date or a clock time and is no
   * sentence, whatever else it holds: a source, a reporter, a URL, text-size
   * controls (default: 120, `metadataAboveBody.maxChars` in
   * `data/thresholds.json`).
   */
  aboveBodyMaxChars?: number
  /**
   * Remove the lines found (default: true). With `false` (a forum's pages,
   * whose post heads are content) they are only recorded as
   * `block.metadataLine`, for the metadata step.
   */
  remove?: boolean
}

const vocabulary = new Set([...data.months, ...data.weekdays, ...data.relative, ...data.clock, ...data.markers])
const taxonomyStart = new RegExp(`^(?:${alternation(data.taxonomyStarts)})\\b\\s*(?::|\\s)`, 'u')
const navigationLine = new RegExp(
  `^[«‹←<\\s]*(?:${data.navigationWords.join('|')})(?: (?:${data.navigationObjects.join('|')}))?(?:\\s*[:»›→>|]|$)`,
  'u'
)
/** A link to the neighbouring post by its title, led or followed by an arrow ("← The Three Becks circuit", "Winter planting ›"); an opening guillemet never closed leads one too. */
const arrowLink = /^(?:[←‹]|«(?!.*»))\s*\S.*$|^[^←→‹›«»]*\S\s*[→›]$/u
/** A number of a metadata line; a numeric date may reach it split ("27/05" and "2024"; "27.05" is a price). */
const numberish = /^(?:\d+(?:st|nd|rd|th)?|\d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}\/\d{1,2}|\d+(?:am|pm|h|m|min|mins|k)?)$/u
const nameWithRole = new RegExp(
  `^\\p{Lu}[\\p{L}'’.-]+(?: \\p{Lu}[\\p{L}'’.-]+){1,3}\\s?[,|–—-]\\s?(?:[\\p{L}-]+ ){0,4}(?:${bio.roles.join('|')})s?(?: (?:at|for|of) [^.]{1,40})?$`,
  'iu'
)
const readTime = /\b\d+\s?(?:-|to)?\s?\d*\s?(?:min|mins|minute|minutes)\s(?:read|reading|listen|watch)\b|\breading time\b|\bread time\b/u

/**
 * Remove metadata lines: bylines ("By Jane Doe, Staff Writer"), datelines and
 * timestamps ("Updated 3:42 p.m. ET, March 4, 2024", "2 days ago"), read times,
 * taxonomy ("Posted in News | Tagged …") and previous/next post links. A
 * dateline above the first paragraph that holds more than dateline words (a
 * source, a URL) is `dateline`: its parts are read for the page's metadata
 * as those of a line no classifier marked.
 */
export default function dechaffMetadata(options: MetadataOptions = {}): Transformer<Root> {
  const maxChars = options.maxChars ?? defaults.metadata.maxChars
  const taxonomyMaxChars = options.taxonomyMaxChars ?? defaults.metadata.taxonomyMaxChars
  const minVocabularyShare = options.minVocabularyShare ?? defaults.metadata.minVocabularyShare
  const aboveBody: AboveBody = {...defaults.metadataAboveBody, maxChars: options.aboveBodyMaxChars ?? defaults.metadataAboveBody.maxChars}
  const mark = options.remove === false ? record : markRemoved
  return (tree) => {
    const nodes = blocksOf(tree)
    for (const node of nodes) {
      const block = node.data.block
      // Rows of a table are data (opening hours, fixtures), not a byline.
      if (block.removal || block.metadataLine || block.evidence.html?.inTable) continue
      const {chars} = block.features
      if (chars <= taxonomyMaxChars && taxonomyStart.test(block.normal)) {
        mark(block, {ruleId: 'taxonomy', reason: 'category or tag line', score: 0.9})
      } else if (chars <= maxChars && (navigationLine.test(block.normal) || arrowLink.test(block.normal))) {
        mark(block, {ruleId: 'post-navigation', reason: 'previous/next link', score: 0.9})
      } else {
        const reason = chars <= maxChars ? metadataReason(block, minVocabularyShare) : undefined
        if (reason) mark(block, {ruleId: 'byline', reason, score: 0.85})
        else if (chars <= taxonomyMaxChars && isDatelineWithCategories(block.text)) mark(block, {ruleId: 'taxonomy', reason: 'dateline with the post’s categories', score: 0.85})
      }
    }
    for (const block of datelinesAboveBody(nodes.map((node) => node.data.block), aboveBody)) {
      mark(block, {ruleId: 'dateline', reason: 'dateline above the article: a date or time in a short line that is no sentence', score: 0.8})
    }
    nodes.forEach((node, index) => {
      const block = node.data.block
      if (block.removal || block.metadataLine || !personName.test(block.text)) return
      const besideByline = [nodes[index - 1], nodes[index + 1]].some((other) => (other?.data.block.removal ?? other?.data.block.metadataLine)?.ruleId === 'byline')
      if (besideByline) {
        mark(block, {ruleId: 'byline', reason: 'author name beside a byline or dateline', score: 0.75})
      }
    })
  }
}

/** Where datelines above the body are looked for, settled at attach time (`metadataAboveBody` in `data/thresholds.json`). */
type AboveBody = typeof defaults.metadataAboveBody

/**
 * The datelines just above the article's first paragraph: at most
 * `metadataAboveBody.maxLines` such lines within `window` blocks of it. More
 * dated lines there are a schedule's or a list's rows, which are content.
 */
function datelinesAboveBody(blocks: Block[], {maxChars, bodyMinChars, window, maxLines}: AboveBody): Block[] {
  // The body starts at the first paragraph of prose: long enough, and ending as a sentence.
  const bodyStart = blocks.findIndex((block) => block.features.chars >= bodyMinChars && block.features.terminal)
  const found = blocks.slice(Math.max(bodyStart - window, 0), Math.max(bodyStart, 0)).filter((block) => !block.removal && !block.metadataLine && isDatelineAboveBody(block, maxChars))
  return found.length <= maxLines ? found : []
}

/**
 * A line between the headline and the body that dates the article with
 * whatever the site put beside the date ("http://www.sina.com.cn 2012年01月17日
 * 21:22 新浪财经微博", "Reporter Jane Doe / Taipei 2012-01-17"): short, dated
 * or timed, no sentence. Headings and table rows are the page's own text.
 */
function isDatelineAboveBody(block: Block, maxChars: number): boolean {
  if (block.features.chars > maxChars || block.features.terminal || block.evidence.heading || block.evidence.title || block.evidence.listItem || block.evidence.html?.inTable || block.evidence.html?.inList) return false
  return carriesDate(block) || colonTime.test(block.normal)
}

/** A clock time written with a colon ("21:22"): a dot may be a price's ("3.50"). */
const colonTime = /\b\d{1,2}:\d{2}\b/u

/** Record a line without removing it. */
function record(block: Block, line: Mark): void {
  block.metadataLine ??= line
}

/** Two or three capitalised words and nothing else: a person's name. */
const personName = /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,2}$/u

/** Why a short line is metadata, or nothing when it is not. */
function metadataReason(block: Block, minVocabularyShare: number): string | undefined {
  const text = block.normal
  const signals: string[] = []
  if (carriesDate(block)) signals.push('date')
  if (clockTime.test(text)) signals.push('time')
  if (readTime.test(text)) signals.push('read time')
  const byline = bylineStart.exec(text)
  if (byline && isNameRun(block.text.slice(byline[0].length))) signals.push('byline')
  if (signals.length === 0 && nameWithRole.test(block.text)) return 'byline: name and role'
  if (signals.length === 0) return undefined
  // The writer's name leading a dateline ("Jane Doe March 4, 2024") is part of the line, like a byline's.
  const lead = signals.includes('date') ? leadingName.exec(block.text) : null
  const names = byline ? nameWords(block.text) : lead ? nameWords(lead[1] as string) : new Set<string>()
  const words = letteredWords(block)
  if (words.length === 0) return undefined
  const known = words.filter((word) => vocabulary.has(word) || numberish.test(word) || names.has(word)).length
  if (known / words.length < minVocabularyShare) return undefined
  return `metadata line (${signals.join(', ')})`
}

/** The "in" after a dateline, before the first category: "Posted on March 4, 2024 by Jane Doe in News, Travel | Permalink"; a dump glues it to a name ("Jane DoeIn News"). */
const inBeforeCategory = /(?:\s+(?:in|In|IN)|(\p{Ll})In):?\s+(?=\p{Lu})/gu
/** What separates a post's categories, and the parts of the row after them ("| Permalink | Comments (0)"). */
const categorySeparator = /\s*(?:[,|·•;/&]|\band\b)\s*/u
/** Longest dateline before its categories, in characters, and most words of one category ("Master of Science in Applied Nutrition"). */
const {datelineBeforeCategoriesMaxChars: datelineMaxChars, categoryMaxWords} = defaults.metadata

/**
 * A blog post's dateline followed by its categories ("Posted on March 4, 2024
 * in News, Travel", "December 26, 2006 in Law Online | Permalink | Comments
 * (0)", "Published on May 3, 2010 in Tools. Tags: battery, nokia"): before
 * "in", a date and nothing but dateline words and the names after "by"; after
 * it, capitalised categories, then tags. The dateline starts like a byline
 * ("Posted on"), names its writer ("by Jane Doe") or the categories lead a row
 * of post links ("| Permalink"):
 * a bare "March 4, 2024 in Chicago" may be an event's row. "Taylor Swift was
 * born on December 13, 1989 in Reading" is no such line: "was born" is no
 * dateline word.
 */
function isDatelineWithCategories(text: string): boolean {
  // The first "in" before a capital that leaves a dateline's few characters ahead of it; searched, not matched from the start, so a paragraph costs one scan.
  inBeforeCategory.lastIndex = 0
  let split = inBeforeCategory.exec(text)
  while (split && split.index < 4) split = inBeforeCategory.exec(text)
  if (!split || split.index > datelineMaxChars) return false
  // A glued "In" was found with the letter before it (a look-behind would cost every line three times the scan).
  const written = text.slice(0, split.index + (split[1]?.length ?? 0))
  // A dateline's date has digits ("March 4, 2024", "04/03/2024"): prose "in Paris" without one costs no more.
  if (!/\d/u.test(written)) return false
  const rest = text.slice(split.index + split[0].length)
  // A text dump glues a dateline's parts: "On January 12, 2025January 22, 2025 By Jane DoeIn News".
  const head = unglued(written)
  const headNormal = normalise(head)
  const words = headNormal.split(/[\s,;|·•–—]+/u).map((word) => word.replace(/\.$/u, '')).filter(Boolean)
  const by = head.search(/\bby\b/iu)
  const names = by === -1 ? new Set<string>() : nameWords(head.slice(by))
  if (!carriesDate({words, normal: headNormal}) || !words.every((word) => vocabulary.has(word) || numberish.test(word) || names.has(word))) return false
  const [categories = '', ...after] = rest.split(/\.\s+/u)
  if (!after.every((part) => taxonomyStart.test(normalise(part)))) return false
  const parts = categories.replace(/\.$/u, '').split(categorySeparator)
  if (!parts.every((part) => /^[\p{Lu}\d]/u.test(part) && part.split(/\s+/u).length <= categoryMaxWords)) return false
  return bylineStart.test(headNormal) || names.size > 0 || rest.includes('|')
}

/** After "By", a run of capitalised name words (with "and", commas, roles). */
function isNameRun(rest: string): boolean {
  return /^[\s:]*\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|del|der|la|le|bin))*\s*(?:$|[,|·•—–;-]|\s(?:and|&|on|at|in|for|from|with|updated|published)\b)/u.test(
    rest
  )
}

/** Capitalised words of the line (normalised): names in a byline. */
function nameWords(text: string): Set<string> {
  const names = new Set<string>()
  for (const match of text.matchAll(/\p{Lu}[\p{L}'’.-]*/gu)) names.add(match[0].toLowerCase().replace(/’/g, "'"))
  return names
}
