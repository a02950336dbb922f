import {eld} from 'eld/extrasmall'
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with {type: 'json'}
import englishStopwords from './data/stopwords-en.json' with {type: 'json'}
import {defaults} from './thresholds.js'

/**
 * How a language's text splits into sentences and words: parse-english for
 * English, parse-latin for other languages written with spaces, and
 * `Intl.Segmenter` (Node's ICU dictionaries) for scripts written without them.
 */
export type Segmentation = 'english' | 'latin' | 'segmenter'

/** What dechaff knows of a page's language. */
export interface LanguageProfile {
  /** ISO 639-1 code (`en`, `zh`), or `und` when the page has too little text to tell. */
  code: string
  /** Its stopwords, normalised; empty when no list exists for it. */
  stopwords: ReadonlySet<string>
  segmentation: Segmentation
}

/** Where the page's language came from. */
export type LanguageSource = 'detected' | 'option' | 'default'

/** Languages written without spaces between words. */
const unspacedLanguages = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo'])

const isoLists = stopwordsIso as Record<string, string[]>
const profiles = new Map<string, LanguageProfile>()

/**
 * The profile of a language by ISO 639-1 code. English keeps dechaff's own
 * stopword list (the words jusText's English list is built on); other
 * languages take stopwords-iso's list, normalised as block words are.
 */
export function languageProfile(code: string): LanguageProfile {
  const key = code.toLowerCase()
  let profile = profiles.get(key)
  if (!profile) {
    const words = key === 'en' || key === 'und' ? englishStopwords.words : (isoLists[key] ?? [])
    profile = {
      code: key,
      stopwords: new Set(words.map((word) => word.normalize('NFKC').toLowerCase())),
      segmentation: key === 'en' || key === 'und' ? 'english' : unspacedLanguages.has(key) ? 'segmenter' : 'latin'
    }
    profiles.set(key, profile)
  }
  return profile
}

/** English: the language of pages too short to tell. */
export const english = languageProfile('en')

const {sampleBlocks, sampleBlockChars, minSampleChars, decisiveChars, minScriptShare} = defaults.language

const letters = /\p{L}/gu
const hangul = /\p{sc=Hangul}/gu
const kana = /[\p{sc=Hiragana}\p{sc=Katakana}]/gu
const han = /\p{sc=Han}/gu
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0

/**
 * The language a sample's script alone names, for samples eld is unsure of
 * (its n-grams miss Chinese written with a space between characters):
 * Hangul is Korean, Han with kana Japanese, Han alone Chinese, once that
 * script holds `minScriptShare` of the sample's letters.
 */
function languageOfScript(sample: string): string | undefined {
  const total = count(sample, letters)
  if (total === 0) return undefined
  const enough = (share: number): boolean => share >= minScriptShare * total
  if (enough(count(sample, hangul))) return 'ko'
  const kanaLetters = count(sample, kana)
  const hanLetters = count(sample, han)
  if (kanaLetters > 0 && enough(kanaLetters + hanLetters)) return 'ja'
  return enough(hanLetters) ? 'zh' : undefined
}

/**
 * The language of a page from its blocks' texts. The longest blocks (prose
 * rather than menus, which are often in English on any site), up to
 * `sampleBlocks` of them, each cut to `sampleBlockChars`, go one by one to
 * eld, the fastest and most accurate of the detectors measured on DAnIEL; each
 * block whose language eld is sure of votes with its length, so a page of
 * English prose under a few long comments in other languages stays English.
 * Voting stops once `decisiveChars` characters agree with no other language
 * voted; `und` when no language gets `minSampleChars` characters of votes.
 */
export function detectLanguage(texts: readonly string[]): string {
  const longest = texts.filter((text) => text.length >= minBlockChars).sort((a, b) => b.length - a.length)
  const votes = new Map<string, number>()
  for (const text of (longest.length > 0 ? longest : [texts.join('\n')]).slice(0, sampleBlocks)) {
    const sample = text.slice(0, sampleBlockChars)
    const result = eld.detect(sample)
    const language = result.language && result.isReliable() ? result.language : languageOfScript(sample)
    if (!language) continue
    const total = (votes.get(language) ?? 0) + sample.length
    votes.set(language, total)
    // A language this far ahead is the page's: the rest of the sample could not overturn it.
    if (total >= decisiveChars && votes.size === 1) break
  }
  let best = 'und'
  let most = minSampleChars - 1
  for (const [code, chars] of votes) {
    if (chars > most) {
      best = code
      most = chars
    }
  }
  return best
}

/** Shortest block that counts as prose in the detector's sample; shorter ones are used, joined, only when nothing is longer. */
const minBlockChars = defaults.language.proseMinChars

/** A language option's code, checked: ISO 639-1 (two letters) or `auto`. */
export const languageCodePattern = /^(?:auto|[a-z]{2})$/u

/** The page's language: the `language` option when it names one, else detected from the page's texts. */
export function pageLanguage(option: string | undefined, texts: () => readonly string[]): {profile: LanguageProfile; source: LanguageSource} {
  if (option && option !== 'auto') return {profile: languageProfile(option), source: 'option'}
  const code = detectLanguage(texts())
  return {profile: languageProfile(code), source: code === 'und' ? 'default' : 'detected'}
}
