import furnitureData from './data/furniture.json' with {type: 'json'}
import furnitureLanguageData from './data/furniture-languages.json' with {type: 'json'}
import {markRemoved} from './tree.js'
import type {Block} from './types.js'

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

/** Longest sentence tested against patterns; longer ones are prose, never a phrase. */
const sentenceMaxChars = 320

const leadingJunk = /^[\s•·|»›>→\-*–—▸►✓✔#]+/u
const trailingJunk = /[\s.:!?…。»›→*|\-–—>\p{So}\p{Sk}\u{FE0F}\u{200D}]+$/u

/** The part of a normalised sentence that patterns see: no bullets, no trailing punctuation. */
export function sentenceCore(sentence: string): string {
  return sentence.replace(leadingJunk, '').replace(trailingJunk, '')
}

/**
 * A compiled lexicon. A block matches when every sentence matches a pattern of
 * some rule, or when its words are all vocabulary of one rule; so a paragraph
 * that merely mentions a phrase among other sentences never matches.
 */
export class Lexicon {
  readonly rules: CompiledRule[]
  /** Every pattern in one expression: one test tells the many sentences that match none from the few that match some rule. */
  private readonly anyPattern: RegExp | undefined

  constructor(data: LexiconData) {
    const entries = Object.entries(data.rules)
    this.rules = entries.map(([ruleId, rule]) => ({
      ruleId,
      reason: rule.reason,
      patterns: (rule.patterns ?? []).map((pattern) => compilePattern(pattern, ruleId)),
      ...(rule.vocabulary
        ? {vocabulary: {words: new Set(rule.vocabulary.words), core: new Set(rule.vocabulary.core)}}
        : {})
    }))
    this.anyPattern = unionOf(entries.flatMap(([, rule]) => rule.patterns ?? []))
  }

  /** The rule matching one normalised sentence, if any. */
  matchSentence(sentence: string): CompiledRule | undefined {
    const core = sentenceCore(sentence)
    if (core.length === 0 || core.length > sentenceMaxChars || this.anyPattern?.test(core) === false) return undefined
    return this.rules.find((rule) => rule.patterns.some((pattern) => pattern.test(core)))
  }

  /** Match a block given its normalised sentences and words. */
  matchBlock(sentences: string[], words: string[]): LexiconMatch | undefined {
    const byVocabulary = this.matchVocabulary(words)
    if (byVocabulary) return byVocabulary
    const meaningful = sentences.filter((sentence) => letterOrDigit.test(sentence))
    if (meaningful.length === 0) return undefined
    let first: LexiconMatch | undefined
    for (const sentence of meaningful) {
      const rule = this.matchSentence(sentence)
      if (!rule) return undefined
      first ??= {ruleId: rule.ruleId, reason: rule.reason, matched: sentence}
    }
    return first
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

/** A back-reference counts groups, which change when patterns are joined. */
const backReference = /\\(?:[1-9]|k<)/u

/** The alternation of whole-sentence patterns, or nothing when joining them could change what one matches. */
function unionOf(patterns: string[]): RegExp | undefined {
  if (patterns.some((pattern) => backReference.test(pattern))) return undefined
  try {
    return new RegExp(`^(?:${anyOf(patterns)})$`, 'u')
  } catch {
    // Named groups may clash once joined; the patterns are then tested one by one.
    return undefined
  }
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

/**
 * Remove the blocks a lexicon matches whole, up to `blockMaxChars` long. A
 * quotation is the page quoting someone, even when it quotes a notice word for
 * word, so quotes are left alone.
 */
export function removeLexiconMatches(blocks: Block[], lexicon: Lexicon, blockMaxChars: number, score: number): void {
  for (const block of blocks) {
    if (block.removal || block.features.chars > blockMaxChars || block.evidence.html?.inQuote) continue
    const match = lexicon.matchBlock(block.sentences, block.words)
    if (match) markRemoved(block, {ruleId: match.ruleId, reason: `${match.reason}: “${match.matched}”`, score})
  }
}
