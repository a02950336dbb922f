import {languageCodePattern} from './language.js'
import {furniturePattern} from './lexicon.js'
import {classifierNames, type ClassifierName, type ClassifierOptions} from './pipeline.js'
import type {HtmlParser} from './parse/html.js'
import type {SettleOptions} from './settle.js'
import {pageTypes, type PageType} from './types.js'

/** What the kept content is written as. */
export type OutputFormat = 'text' | 'markdown' | 'html'

/** Options of `clean()`, of `dechaff.config.json` and of the `dechaff` field in package.json. */
export interface CleanOptions {
  /** What the input is: `auto` looks at its first bytes (default: auto). */
  input?: 'auto' | 'text' | 'html'
  /**
   * The pages' language as a two-letter ISO 639-1 code (`de`, `zh`), for
   * corpora known to be in one language; `auto` detects it per page with eld
   * from the page's longest blocks (default: auto).
   */
  language?: string
  /** Per-classifier options by name; `false` turns a classifier off (default: all on, documented defaults). */
  classifiers?: ClassifierOptions
  /** Context-smoothing options. */
  settle?: SettleOptions
  /** Classifiers to turn off, by name (same as `classifiers: {name: false}`). */
  disable?: ClassifierName[]
  /**
   * Extra furniture: plain phrases, matched against whole sentences without
   * regard to case, or `/regular expressions/` (default: none).
   */
  furniture?: string[]
  /** Phrases that keep any block containing them, whatever the classifiers say (default: none). */
  keep?: string[]
  /** HTML parser: `parse5` into hast, or `jsdom` for a browser-grade DOM first, loaded only then (default: parse5). */
  parser?: HtmlParser
  /** What `output` is written as: `text`, `markdown` (GFM) or clean `html` (default: text). */
  format?: OutputFormat
  /** Markdown and HTML output: keep links (default: false: their text stays, unlinked). */
  links?: boolean
  /** Markdown and HTML output: keep images that sit in kept blocks (default: false). */
  images?: boolean
  /** The page's type when the caller knows it: `article`, `forum`, `product`, `collection`, `listing`, `documentation` or `service` (default: none, the page-type classifier decides). */
  pageType?: PageType
  /** The page's address, whose shape is evidence of its type (default: none; an HTML page's canonical link is read). */
  url?: string
  /** Let the block model, trained on labelled pages, decide the blocks no phrase rule removed: `true` on HTML and text dumps, `false` on neither (the hand-set quality classes and context smoothing decide) (default: both). */
  model?: boolean
  /**
   * Give an article's comment thread back as the result's separate `comments`
   * text (each comment with its author and date line); the thread stays out of
   * `text` either way. On a forum thread the posts are the content and are in
   * `text` already (default: false).
   */
  comments?: boolean
  /** Markdown output: start with the page's metadata as YAML front matter (default: false). */
  frontMatter?: boolean
  /** HTML with parse5: each block's place in the HTML source, as `source` of its report (default: false; the parser then tracks positions, a little slower). */
  sourcePositions?: boolean
  /** File path, used in messages (default: none). */
  path?: string
  /** Time budget per page in milliseconds, wall clock from parsing to output; a page over it throws `DechaffTimeoutError`; 0 for none (default: 10000, set to stop runaway pages, not pages slowed by a busy machine). */
  timeoutMs?: number
  /** Largest page in bytes (UTF-8); a larger one throws `DechaffInputError` (default: 16 MiB). */
  maxBytes?: number
}

/** A configuration value dechaff cannot use; the message names the key. */
export class DechaffConfigError extends Error {
  override name = 'DechaffConfigError'
}

type Kind = 'number' | 'boolean' | 'rules' | 'lexicon' | 'pageTypes'

/** Every option of every classifier and its kind: unknown keys are rejected by name. */
const classifierSchemas: Record<ClassifierName, Record<string, Kind>> = {
  'page-type': {minConfidence: 'number', minTextConfidence: 'number', otherThanArticle: 'boolean', articleBodyMinWords: 'number', articleBodyMinShare: 'number', articleBodyShortMinWords: 'number', articleBodyMinUnlinkedShare: 'number'},
  'product-description': {pageTypes: 'pageTypes', minBlockWords: 'number'},
  phrases: {lexicon: 'lexicon', extraRules: 'rules', blockMaxChars: 'number', minMatchedShare: 'number', sentenceMaxChars: 'number'},
  'forum-chrome': {lexicon: 'lexicon', pageTypes: 'pageTypes', blockMaxChars: 'number'},
  metadata: {maxChars: 'number', taxonomyMaxChars: 'number', minVocabularyShare: 'number', aboveBodyMaxChars: 'number', remove: 'boolean'},
  caption: {creditMaxChars: 'number', captionMaxChars: 'number', longCaptionMaxChars: 'number', looseCaptionMaxChars: 'number', altTextMinWords: 'number', altTextMaxStopwords: 'number'},
  navigation: {maxChars: 'number', minMenuWordShare: 'number', maxItemWords: 'number'},
  repetition: {minWords: 'number', minMenuLines: 'number'},
  'consent-dialog': {maxReach: 'number', minTermWords: 'number', minControls: 'number'},
  'author-bio': {maxChars: 'number', minFirstPersonCues: 'number', minPageShare: 'number', headedMinWords: 'number'},
  'article-container': {
    minScoredChars: 'number',
    siblingShare: 'number',
    corroborateTop: 'number',
    minBodyRecall: 'number',
    keepOutsideProse: 'boolean',
    alternativeShare: 'number',
    minAlternatives: 'number',
    otherStoryCohesionShare: 'number',
    minSubjectParagraphs: 'number',
    commentsEnclose: 'boolean',
    forumChromeMinLines: 'number',
    headlineMinLinkDensity: 'number',
    standfirstMaxLinkDensity: 'number',
    minSiblingScore: 'number'
  },
  'repeated-items': {minItems: 'number', minItemWords: 'number', minSubstantialShare: 'number', minListShare: 'number', controlShare: 'number'},
  'repeated-records': {pageTypes: 'pageTypes', minGuessConfidence: 'number', articleBodyMinWords: 'number', articleBodyMinShare: 'number', minRecords: 'number', maxRecordLines: 'number', maxLineWords: 'number', minRecordWords: 'number', maxUniformShare: 'number'},
  'dom-hints': {aboveArticle: 'boolean', itemsAreContent: 'boolean', adColumnMinProseChars: 'number', captionTextMinShare: 'number'},
  quality: {
    lengthLow: 'number',
    lengthHigh: 'number',
    stopwordsLow: 'number',
    stopwordsHigh: 'number',
    maxLinkDensity: 'number',
    foreignStopwordDensity: 'number',
    sentenceMinWords: 'number',
    sentenceStopwordsLow: 'number',
    passageMinLines: 'number'
  },
  'site-header': {},
  'repeated-copy': {minChars: 'number', minParagraphs: 'number'},
  'quoted-posts': {pageTypes: 'pageTypes', minChars: 'number', minQuotedShare: 'number'},
  'comment-thread': {minMarkers: 'number', proseMinChars: 'number', minArticleShare: 'number', openingPostMaxRatio: 'number', mainRunMinRatio: 'number', closingHeaderMinShare: 'number', seriesMinPosts: 'number'},
  'trailing-stories': {minMarkers: 'number', maxProseBlocks: 'number', maxHeadlineBlocks: 'number', minArticleShare: 'number', proseMinChars: 'number', minFeedTeasers: 'number', maxFeedSummaryChars: 'number', minFeedSummaryChars: 'number', feedCohesionShare: 'number', minStampedTeasers: 'number', stampMaxChars: 'number', resumeMinProseBlocks: 'number', resumeLongRunBlocks: 'number', resumeLongRunCohesionShare: 'number', teaserPageTypes: 'pageTypes', cardPageTypes: 'pageTypes'},
  'main-region': {maxGapBlocks: 'number', minRunShare: 'number', minMainShare: 'number', titleWindowChars: 'number', tailWindowChars: 'number'},
  'block-model': {minProbability: 'number', maxRemovedThreshold: 'number', guessedMaxRemovedThreshold: 'number', minKeptThreshold: 'number', unstructuredMinKeptThreshold: 'number', outsideContentMinKeptThreshold: 'number'}
}
const settleSchema: Record<string, Kind> = {maxHeadingDistance: 'number', emptyPageMinProbability: 'number', postMaxLines: 'number', postMinWords: 'number'}
const topKeys = new Set(['input', 'language', 'parser', 'format', 'links', 'images', 'frontMatter', 'sourcePositions', 'classifiers', 'settle', 'disable', 'furniture', 'keep', 'pageType', 'url', 'model', 'comments', 'path', 'timeoutMs', 'maxBytes'])
/** The options that take one of a few words, and those words. */
const choices: Record<string, string[]> = {input: ['auto', 'text', 'html'], parser: ['parse5', 'jsdom'], format: ['text', 'markdown', 'html'], pageType: [...pageTypes]}

/**
 * Check an options object (from code or a config file) and return it typed.
 * Throws `DechaffConfigError` naming the first unknown key or bad value.
 */
export function validateOptions(value: unknown, source = 'options'): CleanOptions {
  const options = record(value, source)
  for (const key of Object.keys(options)) {
    if (!topKeys.has(key)) throw new DechaffConfigError(`${source}: unknown key \`${key}\` (expected one of ${[...topKeys].join(', ')})`)
  }
  if (options.classifiers !== undefined) {
    const classifiers = record(options.classifiers, `${source}.classifiers`)
    for (const [name, setting] of Object.entries(classifiers)) {
      const schema = classifierSchemas[name as ClassifierName]
      if (!schema) throw new DechaffConfigError(`${source}.classifiers: unknown classifier \`${name}\` (expected one of ${classifierNames.join(', ')})`)
      if (setting !== false) checkFields(setting, schema, `${source}.classifiers.${name}`)
    }
  }
  if (options.settle !== undefined) checkFields(options.settle, settleSchema, `${source}.settle`)
  if (options.disable !== undefined) {
    for (const name of strings(options.disable, `${source}.disable`)) {
      if (!classifierNames.includes(name as ClassifierName)) {
        throw new DechaffConfigError(`${source}.disable: unknown classifier \`${name}\` (expected one of ${classifierNames.join(', ')})`)
      }
    }
  }
  if (options.furniture !== undefined) {
    for (const entry of strings(options.furniture, `${source}.furniture`)) {
      try {
        furniturePattern(entry)
      } catch (error) {
        throw new DechaffConfigError(`${source}.furniture: ${(error as Error).message}`)
      }
    }
  }
  if (options.keep !== undefined) strings(options.keep, `${source}.keep`)
  for (const [key, words] of Object.entries(choices)) {
    const value = options[key]
    if (value !== undefined && !words.includes(value as string)) {
      throw new DechaffConfigError(`${source}.${key}: expected ${words.join(', ')}, got ${JSON.stringify(value)}`)
    }
  }
  for (const key of ['links', 'images', 'frontMatter', 'sourcePositions', 'model', 'comments'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') throw new DechaffConfigError(`${source}.${key}: expected true or false, got ${JSON.stringify(options[key])}`)
  }
  for (const key of ['timeoutMs', 'maxBytes'] as const) {
    const limit = options[key]
    if (limit !== undefined && (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0)) {
      throw new DechaffConfigError(`${source}.${key}: expected a number ≥ 0, got ${JSON.stringify(limit)}`)
    }
  }
  if (options.language !== undefined && (typeof options.language !== 'string' || !languageCodePattern.test(options.language))) {
    throw new DechaffConfigError(`${source}.language: expected auto or a two-letter ISO 639-1 code such as de or zh, got ${JSON.stringify(options.language)}`)
  }
  if (options.url !== undefined && typeof options.url !== 'string') throw new DechaffConfigError(`${source}.url: expected a string`)
  if (options.path !== undefined && typeof options.path !== 'string') throw new DechaffConfigError(`${source}.path: expected a string`)
  return options as CleanOptions
}

function checkFields(value: unknown, schema: Record<string, Kind>, source: string): void {
  const fields = record(value, source)
  for (const [key, field] of Object.entries(fields)) {
    const kind = schema[key]
    if (!kind) throw new DechaffConfigError(`${source}: unknown key \`${key}\` (expected one of ${Object.keys(schema).join(', ')})`)
    if (kind === 'number' && (typeof field !== 'number' || !Number.isFinite(field) || field < 0)) {
      throw new DechaffConfigError(`${source}.${key}: expected a number ≥ 0, got ${JSON.stringify(field)}`)
    }
    if (kind === 'boolean' && typeof field !== 'boolean') throw new DechaffConfigError(`${source}.${key}: expected true or false, got ${JSON.stringify(field)}`)
    if (kind === 'rules' || kind === 'lexicon') record(field, `${source}.${key}`)
    if (kind === 'pageTypes') {
      for (const type of strings(field, `${source}.${key}`)) {
        if (!(pageTypes as readonly string[]).includes(type)) throw new DechaffConfigError(`${source}.${key}: unknown page type \`${type}\` (expected one of ${pageTypes.join(', ')})`)
      }
    }
  }
}

function record(value: unknown, source: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DechaffConfigError(`${source}: expected an object, got ${JSON.stringify(value)}`)
  }
  return value as Record<string, unknown>
}

function strings(value: unknown, source: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new DechaffConfigError(`${source}: expected a list of strings`)
  }
  return value as string[]
}
