import {RegExpParser, type AST} from '@eslint-community/regexpp'
import furnitureData from './data/furniture.json' with {type: 'json'}
import furnitureLanguageData from './data/furniture-languages.json' with {type: 'json'}
import {isHighSurrogate} from './block-parser.js'
import {defaults} from './thresholds.js'
import type {Block} from './types.js'

/** How a lexicon matches blocks. */
export interface LexiconOptions {
  /** Least share of a block's text (characters of its sentences with letters or digits) in sentences that match (default: 1, every sentence). */
  minMatchedShare?: number
  /** Longest sentence (characters, normalised) tested against the patterns; a longer one is prose, never a phrase (default: `phrases.sentenceMaxChars` in `data/thresholds.json`, 1,200: a site's copyright notice can be one long sentence). */
  sentenceMaxChars?: number
}

/** One rule of a phrase lexicon, as written in a data file. */
export interface LexiconRuleData {
  reason: string
  /** Regular expressions, each matched against a whole normalised sentence. */
  patterns?: string[]
  /** Word lists: a block made only of `words`, with at least one of `core`. */
  vocabulary?: {words: string[]; core: string[]}
}

/** A phrase lexicon: rules by id. */
export interface LexiconData {
  rules: Record<string, LexiconRuleData>
}

/** What matched a block. */
export interface LexiconMatch {
  ruleId: string
  reason: string
  /** The sentence (or the block) that matched, normalised. */
  matched: string
}

interface CompiledRule {
  ruleId: string
  reason: string
  patterns: RegExp[]
  vocabulary?: {words: Set<string>; core: Set<string>}
}

/** The furniture lexicon bundled with dechaff. */
export const furnitureLexicon: LexiconData = furnitureData

/** Furniture patterns of other languages than English, by language and rule id (`data/furniture-languages.json`). */
const furnitureLanguages: Record<string, Record<string, string[]>> = furnitureLanguageData.languages

/** Languages whose furniture dechaff knows besides English. */
export const furnitureLanguageCodes = Object.keys(furnitureLanguages)

/**
 * The furniture lexicon for a page in one language: the English rules (menus
 * and widgets are often left in English) with that language's patterns added
 * to the rules of the same id.
 */
export function furnitureLexiconFor(code: string, base: LexiconData = furnitureLexicon): LexiconData {
  const extra = furnitureLanguages[code]
  if (!extra) return base
  const rules: LexiconData['rules'] = {...base.rules}
  for (const [ruleId, patterns] of Object.entries(extra)) {
    const rule = rules[ruleId]
    if (!rule) throw new Error(`furniture-languages.json: ${code} adds to unknown rule \`${ruleId}\``)
    rules[ruleId] = {...rule, patterns: [...(rule.patterns ?? []), ...patterns]}
  }
  return {rules}
}

const leadingJunk = /^[\s•·|»›>→\-*–—▸►✓✔#{]+/u
/** One character of the trailing junk (punctuation, arrows, symbols, emoji joiners). */
const trailingJunkCharacter = /^[\s.:!?…。»›→*|\-–—>}\p{So}\p{Sk}\u{FE0F}\u{200D}]$/u

/**
 * The part of a normalised sentence that patterns see: no bullets, no
 * trailing punctuation, Greek without its accents (patterns are read without
 * them too). The trailing junk is read back from the end, character by
 * character: an expression anchored at the end would try every space of a
 * long sentence as its start.
 */
export function sentenceCore(sentence: string): string {
  return withoutGreekAccents(trimmedCore(sentence))
}

/** Greek letters, which may carry accents that capitals drop. */
const greekLetter = /[\u0370-\u03ff\u1f00-\u1fff]/u
/** An acute accent or a diaeresis on a Greek vowel, once decomposed. */
const greekAccent = /(?<=[\u0391-\u03c9])[\u0301\u0308]+/gu

/**
 * Greek text without its vowels' accents: written in capitals ("ΠΑΡΟΜΟΙΑ
 * ΘΕΜΑΤΑ") it drops them, so patterns and sentences are both read without
 * them. Text with no Greek letter is returned as it is.
 */
function withoutGreekAccents(text: string): string {
  return greekLetter.test(text) ? text.normalize('NFD').replace(greekAccent, '').normalize('NFC') : text
}

/** A sentence less its leading bullets and its trailing junk. */
function trimmedCore(sentence: string): string {
  const start = leadingJunk.exec(sentence)?.[0].length ?? 0
  let end = sentence.length
  while (end > start) {
    const low = sentence.charCodeAt(end - 1)
    const width = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && isHighSurrogate(sentence.charCodeAt(end - 2)) ? 2 : 1
    if (!trailingJunkCharacter.test(sentence.slice(end - width, end))) break
    end -= width
  }
  return start === 0 && end === sentence.length ? sentence : sentence.slice(start, end)
}

/**
 * A compiled lexicon. A block matches when its sentences that match a pattern
 * of some rule hold at least `minMatchedShare` of its text (every sentence, by
 * default), or when its words are all vocabulary of one rule; so a paragraph
 * that merely mentions a phrase among its own sentences never matches.
 */
export class Lexicon {
  readonly rules: CompiledRule[]
  /** Least share of a block's characters, in its sentences with letters or digits, that matching sentences must hold. */
  private readonly minMatchedShare: number
  /** Longest sentence tested against the patterns. */
  private readonly sentenceMaxChars: number
  /** Every pattern in rule order, with what its matches must hold. */
  private readonly entries: PatternEntry[]
  /** The patterns a sentence starting with a character could match, by character. */
  private readonly byFirst = new Map<number, PatternEntry[]>()

  constructor(data: LexiconData, options: LexiconOptions = {}) {
    this.minMatchedShare = options.minMatchedShare ?? 1
    this.sentenceMaxChars = options.sentenceMaxChars ?? defaults.phrases.sentenceMaxChars
    this.rules = []
    this.entries = []
    for (const [ruleId, rule] of Object.entries(data.rules)) {
      const compiled: CompiledRule = {
        ruleId,
        reason: rule.reason,
        patterns: [],
        ...(rule.vocabulary ? {vocabulary: {words: new Set(rule.vocabulary.words), core: new Set(rule.vocabulary.core)}} : {})
      }
      for (const written of rule.patterns ?? []) {
        const source = withoutGreekAccents(written)
        const pattern = compilePattern(source, ruleId)
        const {first, needs} = patternShape(source)
        compiled.patterns.push(pattern)
        // Only patterns that can start anywhere are worth a look for their words first; the others fail at their first characters.
        this.entries.push({rule: compiled, pattern, first, needs: first ? undefined : needs})
      }
      this.rules.push(compiled)
    }
  }

  /**
   * The rule matching one normalised sentence, if any: the first in rule
   * order. Only the patterns the sentence could match are tested, each on its
   * own; one expression joining them costs more to compile than it saves.
   */
  matchSentence(sentence: string): CompiledRule | undefined {
    const core = sentenceCore(sentence)
    if (core.length === 0 || core.length > this.sentenceMaxChars) return undefined
    for (const entry of this.candidatesFor(core.codePointAt(0) as number)) {
      if (entry.needs && !holdsAny(core, entry.needs)) continue
      if (entry.pattern.test(core)) return entry.rule
    }
    return undefined
  }

  /** A row of controls set apart by separators ("Jump to Recipe · Print Recipe"): each one furniture; the first one's rule. */
  private matchRow(sentence: string): CompiledRule | undefined {
    const parts = sentence.split(rowSeparator)
    if (parts.length < 2) return undefined
    let first: CompiledRule | undefined
    for (const part of parts) {
      const rule = this.matchSentence(part)
      if (!rule) return undefined
      first ??= rule
    }
    return first
  }

  private candidatesFor(first: number): PatternEntry[] {
    let candidates = this.byFirst.get(first)
    if (!candidates) {
      candidates = this.entries.filter((entry) => !entry.first || entry.first.has(first))
      this.byFirst.set(first, candidates)
    }
    return candidates
  }

  /** Match a block given its normalised sentences and words. */
  matchBlock(sentences: string[], words: string[]): LexiconMatch | undefined {
    const byVocabulary = this.matchVocabulary(words)
    if (byVocabulary) return byVocabulary
    const meaningful = sentences.filter((sentence) => letterOrDigit.test(sentence))
    if (meaningful.length === 0) return undefined
    const total = meaningful.reduce((sum, sentence) => sum + sentence.length, 0)
    // Unmatched text the block may hold; past it no match can make the share.
    const allowance = (1 - this.minMatchedShare) * total
    let unmatched = 0
    let matchedSentences = 0
    let first: LexiconMatch | undefined
    for (const sentence of meaningful) {
      const rule = this.matchSentence(sentence) ?? this.matchRow(sentence)
      if (!rule) {
        unmatched += sentence.length
        if (unmatched > allowance) return undefined
        continue
      }
      matchedSentences++
      first ??= {ruleId: rule.ruleId, reason: rule.reason, matched: sentence}
    }
    if (first === undefined || matchedSentences === meaningful.length) return first
    const share = Math.round((100 * (total - unmatched)) / total)
    return {...first, reason: `${first.reason} (${matchedSentences} of its ${meaningful.length} sentences, ${share}% of its text)`}
  }

  private matchVocabulary(words: string[]): LexiconMatch | undefined {
    if (words.length < 2) return undefined
    for (const rule of this.rules) {
      const vocabulary = rule.vocabulary
      if (!vocabulary) continue
      if (words.every((word) => vocabulary.words.has(word)) && words.some((word) => vocabulary.core.has(word))) {
        return {ruleId: rule.ruleId, reason: rule.reason, matched: words.join(' ')}
      }
    }
    return undefined
  }
}

const letterOrDigit = /[\p{L}\p{N}]/u
/** What sets a row's controls apart: a middle dot, bar or bullet between spaces. */
const rowSeparator = /\s+[·|•]\s+/u

/** One pattern of a lexicon, with what every match of it holds. */
interface PatternEntry {
  rule: CompiledRule
  pattern: RegExp
  /** The characters (code points) its matches can start with; `undefined`: any. */
  first: Set<number> | undefined
  /** Literal text its matches contain, one of these at least, for patterns that can start anywhere. */
  needs: string[] | undefined
}

function holdsAny(text: string, needles: string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true
  return false
}

const patternParser = new RegExpParser()
/** Shortest literal worth looking for in a sentence before testing a pattern. */
const minNeedleChars = 3
/** Most literals, one of which a pattern needs, looked for. */
const maxNeedles = 16

/**
 * What every non-empty match of a pattern (written for the `u` flag, without
 * `i`) holds, read off its syntax tree: the characters it can start with and
 * literal text it must contain. Syntax the parser does not know says nothing.
 */
export function patternShape(pattern: string): {first: Set<number> | undefined; needs: string[] | undefined} {
  let alternatives: AST.Alternative[]
  try {
    alternatives = patternParser.parsePattern(pattern, 0, pattern.length, {unicode: true}).alternatives
  } catch {
    return {first: undefined, needs: undefined}
  }
  const first = new Set<number>()
  return {first: reachOfAlternatives(alternatives, first) === 'any' ? undefined : first, needs: needsOfAlternatives(alternatives)}
}

/** What the start of an element's match is: any character, possibly nothing, or one of the characters collected. */
type Reach = 'any' | 'nullable' | 'consumes'

function reachOfAlternatives(alternatives: AST.Alternative[], first: Set<number>): Reach {
  let nullable = false
  for (const alternative of alternatives) {
    let reach: Reach = 'nullable'
    for (const element of alternative.elements) {
      reach = reachOfElement(element, first)
      if (reach !== 'nullable') break
    }
    if (reach === 'any') return 'any'
    if (reach === 'nullable') nullable = true
  }
  return nullable ? 'nullable' : 'consumes'
}

function reachOfElement(element: AST.Element, first: Set<number>): Reach {
  switch (element.type) {
    case 'Character':
      first.add(element.value)
      return 'consumes'
    case 'Assertion':
      // Anchors, boundaries and lookarounds consume nothing; the element after them starts the match.
      return 'nullable'
    case 'CapturingGroup':
      return reachOfAlternatives(element.alternatives, first)
    case 'Group':
      return element.modifiers ? 'any' : reachOfAlternatives(element.alternatives, first)
    case 'Quantifier': {
      if (element.max === 0) return 'nullable'
      const reach = reachOfElement(element.element, first)
      return reach === 'consumes' && element.min === 0 ? 'nullable' : reach
    }
    case 'CharacterClass':
      return reachOfClass(element, first)
    case 'CharacterSet':
      return addEscapeSet(element, first) ? 'consumes' : 'any'
    default:
      return 'any'
  }
}

/** Widest range of a character class listed character by character. */
const maxListedRange = 256

function reachOfClass(characterClass: AST.CharacterClass, first: Set<number>): Reach {
  if (characterClass.negate) return 'any'
  for (const item of characterClass.elements) {
    if (item.type === 'Character') first.add(item.value)
    else if (item.type === 'CharacterClassRange' && item.max.value - item.min.value < maxListedRange) for (let code = item.min.value; code <= item.max.value; code++) first.add(code)
    else if (!addEscapeSet(item, first)) return 'any'
  }
  return 'consumes'
}

/** `\\d` and `\\w` are ASCII even with the `u` flag (without `i`): their characters are listed; other sets may be anything. */
function addEscapeSet(set: AST.CharacterSet | AST.CharacterClassElement, first: Set<number>): boolean {
  if (set.type !== 'CharacterSet' || (set.kind !== 'digit' && set.kind !== 'word') || set.negate) return false
  for (const [from, to] of set.kind === 'digit' ? [digitRange] : wordRanges) for (let code = from; code <= to; code++) first.add(code)
  return true
}

const digitRange: [number, number] = [0x30, 0x39]
const wordRanges: Array<[number, number]> = [digitRange, [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]

/** Literals one of which every match of some alternative holds: each alternative's best, or nothing when one alternative has none. */
function needsOfAlternatives(alternatives: AST.Alternative[]): string[] | undefined {
  const needs: string[] = []
  for (const alternative of alternatives) {
    const alternativeNeeds = needsOfSequence(alternative.elements)
    if (!alternativeNeeds) return undefined
    needs.push(...alternativeNeeds)
    if (needs.length > maxNeedles) return undefined
  }
  return needs
}

/** The best of what a sequence must hold: a run of plain characters, or what a group it cannot skip needs; the one whose shortest literal is longest. */
function needsOfSequence(elements: AST.Element[]): string[] | undefined {
  const candidates: string[][] = []
  let run = ''
  for (const element of elements) {
    if (element.type === 'Character') {
      run += String.fromCodePoint(element.value)
      continue
    }
    if (run) candidates.push([run])
    run = ''
    const group = element.type === 'Quantifier' && element.min > 0 ? element.element : element
    if (group.type === 'CapturingGroup' || (group.type === 'Group' && !group.modifiers)) {
      const needs = needsOfAlternatives(group.alternatives)
      if (needs) candidates.push(needs)
    }
  }
  if (run) candidates.push([run])
  let best: string[] | undefined
  let bestShortest = minNeedleChars - 1
  for (const needs of candidates) {
    const shortest = Math.min(...needs.map((needle) => needle.length))
    if (shortest > bestShortest) {
      best = needs
      bestShortest = shortest
    }
  }
  return best
}

function compilePattern(pattern: string, ruleId: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u')
  } catch (error) {
    throw new Error(`Invalid pattern in lexicon rule \`${ruleId}\`: ${pattern} (${String(error)})`)
  }
}

/** A configured furniture entry as a lexicon pattern: `/…/` as written, a plain phrase escaped and case-folded. */
export function furniturePattern(entry: string): string {
  const regex = /^\/(.+)\/$/su.exec(entry)
  const pattern = regex ? (regex[1] as string) : escapeRegExp(entry.toLowerCase().trim()).replace(/\s+/g, ' ')
  try {
    new RegExp(pattern, 'u')
  } catch (error) {
    throw new Error(`invalid pattern ${entry}: ${(error as Error).message}`)
  }
  return pattern
}

/** A phrase as a regular expression matching it literally. */
export function escapeRegExp(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** A regular expression matching what any of the given ones (without back-references) matches. */
export function anyOf(patterns: string[]): string {
  return patterns.map((pattern) => `(?:${pattern})`).join('|')
}

/** A regular-expression alternation of literal phrases, longest first so the longest one wins. */
export function alternation(phrases: string[]): string {
  return [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')
}

/** How `removeLexiconMatches` removes. */
export interface LexiconRemoval {
  /** Longest block (characters) the lexicon may match. */
  blockMaxChars: number
  /** The removal's score. */
  score: number
  /** A block another classifier removed first (outside a comment thread) takes the lexicon's removal instead: the lexicon says what it is. */
  rename?: boolean
  /** Match quotations too: a lexicon of what a forum's software writes, in its quote boxes ("Click to expand…") as around its posts. */
  inQuotes?: boolean
}

/**
 * Remove the blocks a lexicon matches whole. A quotation is the page quoting
 * someone, even when it quotes a notice word for word, so quotes are left
 * alone unless `inQuotes`.
 */
export function removeLexiconMatches(blocks: Block[], lexicon: Lexicon, {blockMaxChars, score, rename = false, inQuotes = false}: LexiconRemoval): void {
  for (const block of blocks) {
    if ((block.removal && (!rename || block.removal.comment)) || block.features.chars > blockMaxChars || (block.evidence.html?.inQuote && !inQuotes)) continue
    const match = lexicon.matchBlock(block.sentences, block.words)
    if (match) block.removal = {ruleId: match.ruleId, reason: `${match.reason}: “${match.matched}”`, score}
  }
}
