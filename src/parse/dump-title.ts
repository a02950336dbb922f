import model from '../data/dump-title-model.json' with {type: 'json'}
import comments from '../data/comments.json' with {type: 'json'}
import {carriesDate, startsLikeByline} from '../dates.js'
import {defaults} from '../thresholds.js'
import {termVector} from '../regions.js'
import type {Block} from '../types.js'
import {givenNames} from '../words.js'

/** Thresholds of the search for a text dump's headline (default: `dumpTitle` in `data/thresholds.json`). */
export interface DumpTitleThresholds {
  /** Shortest block (characters) that counts as the article's prose. */
  proseMinChars: number
  /** A prose block starts the article when another follows within this many blocks. */
  proseRunWindow: number
  /** Fewest of a headline's content words that the article's prose repeats. */
  minSharedTerms: number
  /** Smallest share of a headline's content words that the article's prose repeats. */
  minCoverage: number
  /** Longest line (characters) read as a headline when it is a question, an exclamation or two sentences. */
  headlineMaxChars: number
  /** Most words of such a line. */
  headlineMaxWords: number
  /** Blocks after a candidate (and one before it) searched for its dateline. */
  datelineWindow: number
  /** Most words of a line that opens a comment thread ("119 Comments", "Leave a Reply"). */
  threadOpenerMaxWords: number
  /** Blocks after a breadcrumb searched for the line it names as its last step. */
  crumbWindow: number
  /** Fewest of that line's content words the prose below it repeats (the breadcrumb already vouches for it, so fewer than `minSharedTerms`). */
  crumbMinSharedTerms: number
  /** Smallest share of that line's content words the prose below it repeats. */
  crumbMinCoverage: number
  /** Fewest words of a sentence line (one ending as a sentence, or holding two) that the model counts between a candidate and the body: an article's lead in short paragraphs under its headline. */
  sentenceMinWords: number
  /** Blocks above a candidate in which the model counts the other candidates: a subtitle or a standfirst sits just under its headline. */
  candidatesAboveWindow: number
}

/** A weighed evidence of a candidate headline: its name, and how it reads in words with its value. */
export interface TitleFeature {
  name: string
  describe: (value: number) => string
}

/** What the headline model weighs, in the order of its weights (`data/dump-title-model.json`). */
export const titleFeatures: TitleFeature[] = [
  {name: 'coverage', describe: (value) => `${Math.round(value * 100)}% of its words in the body`},
  {name: 'shared-terms', describe: (value) => `${Math.round(Math.expm1(value))} of its words in the body`},
  {name: 'overlap-rank', describe: (value) => `its overlap with the body ranked ${Math.round(Math.expm1(value)) + 1}`},
  {name: 'distance', describe: (value) => `${Math.round(Math.expm1(value))} blocks from the body`},
  {name: 'lines-between', describe: (value) => `${Math.round(Math.expm1(value))} headline-like lines between it and the body`},
  {name: 'length', describe: (value) => `${Math.round(Math.expm1(value))} characters`},
  {name: 'capitalised', describe: (value) => `${Math.round(value * 100)}% of its words capitalised`},
  {name: 'dateline', describe: (value) => (value ? 'a date beside it' : 'no date beside it')},
  {name: 'number', describe: (value) => (value ? 'carries a number' : 'no number')},
  {name: 'full-stop', describe: (value) => (value ? 'ends with a full stop' : 'no full stop at its end')},
  {name: 'lead-coverage', describe: (value) => `${Math.round(value * 100)}% of its words in the first paragraph`},
  {name: 'byline', describe: (value) => (value ? 'a byline beside it' : 'no byline beside it')},
  {name: 'name', describe: (value) => (value ? 'reads as a person’s name' : 'no person’s name')},
  {name: 'repeated', describe: (value) => (value ? `printed ${Math.round(Math.expm1(value)) + 1} times on the page` : 'printed once on the page')},
  {name: 'heading-like', describe: (value) => (value ? 'reads as a heading' : 'does not read as a heading')},
  {name: 'sentences-between', describe: (value) => `${Math.round(Math.expm1(value))} words of sentences between it and the body`},
  {name: 'candidates-above', describe: (value) => `${Math.round(Math.expm1(value))} other candidates just above it`}
]

/** The headline model: a logistic score over standardised features, compared between one page's candidates (a conditional logit). */
export interface TitleModel {
  features: string[]
  mean: number[]
  scale: number[]
  weights: number[]
}

/** A line that may be the dump's headline, with the values the model weighs. */
export interface TitleCandidate {
  index: number
  values: number[]
}

/** A block that ends as a sentence or holds two. */
function readsAsSentences(block: Block): boolean {
  return block.features.terminal || block.features.sentences > 1
}

/** Article prose for this search: a long block of sentences. */
function isProse(block: Block, thresholds: DumpTitleThresholds): boolean {
  return block.features.chars >= thresholds.proseMinChars && readsAsSentences(block)
}

/** A line shaped like a headline: a heading-like line, or a short question, exclamation or pair of sentences ("Fines ended. The books came back."). */
function isHeadlineShaped(block: Block, thresholds: DumpTitleThresholds): boolean {
  const {features} = block
  if (block.evidence.kind === 'paragraph' || features.listMarker || features.words === 0) return false
  return features.headingLike || (features.chars <= thresholds.headlineMaxChars && features.words <= thresholds.headlineMaxWords && (features.sentences === 2 || /[?!]["'”’)]?$/u.test(block.text)))
}

const headerWords = new Set(comments.headerWords)
const openerVerbs = new Set(comments.openerVerbs)

/** A short line that opens a comment thread: a count of comments ("119 Comments", "No comments:") or an invitation to write one ("Leave a Reply"). */
function opensThread(block: Block, thresholds: DumpTitleThresholds): boolean {
  const {words} = block
  if (words.length < 2 || words.length > thresholds.threadOpenerMaxWords || !words.some((word) => headerWords.has(word))) return false
  const first = words[0] as string
  return /^\d[\d,]*$/u.test(first) || first === 'no' || words.some((word) => openerVerbs.has(word))
}

/** A breadcrumb ("Home / Blog / Headline", "Forums › Hardware"): a trail of links, not a headline. */
const trail = /\s[|›»>]\s|(?:\s\/\s.*){2}/u

/**
 * The lines that may be a text dump's headline, with what the model weighs
 * of each. The headline sits above the article's first paragraph (the first
 * prose block another follows closely) and is about what the article is
 * about: a headline-shaped line whose content words the article's prose
 * repeats (at least `minSharedTerms`, and `minCoverage` of its own). A menu
 * entry, a site name or a byline shares few or none.
 */
export function titleCandidates(blocks: readonly Block[], thresholds: DumpTitleThresholds = defaults.dumpTitle): TitleCandidate[] {
  const prose = blocks.map((block) => isProse(block, thresholds))
  const start = prose.findIndex((isProseBlock, index) => isProseBlock && prose.slice(index + 1, index + 1 + thresholds.proseRunWindow).includes(true))
  // A short post's paragraph just above its comments ("119 Comments") is the body, or the comments' header when the post is shorter than prose: the first run of prose would be the comments.
  const opener = start === -1 ? -1 : blocks.findIndex((block, index) => index < start && opensThread(block, thresholds))
  const post = opener === -1 ? -1 : prose.lastIndexOf(true, opener)
  const first = opener !== -1 ? (post !== -1 ? post : opener) : start === -1 ? prose.indexOf(true) : start
  if (first <= 0) return []
  const body = termVector(blocks.filter((_, index) => prose[index] && index >= first))
  // The article's first paragraph, which a headline's words are most often repeated in.
  const lead = termVector([blocks[first] as Block])
  const found: Array<{index: number; shared: number; coverage: number}> = []
  for (let index = 0; index < first; index++) {
    const block = blocks[index] as Block
    // "Posted by Jane Doe at 6:35 AM" shares the author's name with a bio in the body, but it is a byline.
    if (prose[index] || !isHeadlineShaped(block, thresholds) || trail.test(block.text) || startsLikeByline(block)) continue
    const {shared, coverage} = overlapWithBody(block, body)
    if (isAboutBody({shared, coverage}, thresholds.minSharedTerms, thresholds.minCoverage)) found.push({index, shared, coverage})
  }
  const byOverlap = [...found].sort((a, b) => b.shared * b.coverage - a.shared * a.coverage || a.index - b.index)
  const overlapRank = new Map(byOverlap.map((candidate, rank) => [candidate.index, rank]))
  // A headline is often printed again (a breadcrumb's step, a share row's text, a heading over the body).
  const printed = new Map<string, number>()
  for (const block of blocks) printed.set(block.normal, (printed.get(block.normal) ?? 0) + 1)
  const sentencesToBody = sentenceWordsToBody(blocks, first, thresholds)
  const above = candidatesAbove(found, thresholds.candidatesAboveWindow)
  return found.map(({index, shared, coverage}, position) => {
    const block = blocks[index] as Block
    // Candidates are in page order: those after this one lie between it and the body.
    const between = found.length - position - 1
    const beside = [-1, ...Array.from({length: thresholds.datelineWindow}, (_, offset) => offset + 1)].map((offset) => blocks[index + offset]).filter((other) => other !== undefined)
    const dated = beside.some((other) => carriesDate(other))
    const signed = beside.some((other) => startsLikeByline(other))
    const values = [
      coverage,
      Math.log1p(shared),
      Math.log1p(overlapRank.get(index) ?? 0),
      Math.log1p(first - index),
      Math.log1p(between),
      Math.log1p(block.features.chars),
      block.features.capitalisedShare,
      dated ? 1 : 0,
      /\p{N}/u.test(block.text) ? 1 : 0,
      fullStop.test(block.text) ? 1 : 0,
      overlapWithBody(block, lead).coverage,
      signed ? 1 : 0,
      readsAsName(block) ? 1 : 0,
      Math.log1p((printed.get(block.normal) ?? 1) - 1),
      block.features.headingLike ? 1 : 0,
      // The body is found where long prose runs: an article that opens in short paragraphs has them under its headline, and a subheading further down has fewer.
      Math.log1p(sentencesToBody[index + 1] as number),
      Math.log1p(above[position] as number)
    ]
    return {index, values}
  })
}

/**
 * For each block up to the body (`first`), the words of the sentence lines
 * from it to the body (`isSentenceLine`). Summed once from the body up, so that a page of
 * thousands of candidates costs one pass, not one per candidate.
 */
function sentenceWordsToBody(blocks: readonly Block[], first: number, thresholds: DumpTitleThresholds): number[] {
  const words = new Array<number>(first + 1).fill(0)
  for (let at = first - 1; at >= 0; at--) {
    const block = blocks[at] as Block
    words[at] = (words[at + 1] as number) + (isSentenceLine(block, thresholds) ? block.features.words : 0)
  }
  return words
}

/** For each candidate (in page order), how many others lie within `window` blocks above it, counted with one pointer along the candidates. */
function candidatesAbove(found: ReadonlyArray<{index: number}>, window: number): number[] {
  let nearest = 0
  return found.map(({index}, position) => {
    while ((found[nearest] as {index: number}).index < index - window) nearest++
    return position - nearest
  })
}

/** A line that ends as a sentence with a full stop: a standfirst's or a teaser's, seldom a headline's. */
const fullStop = /[^.]\.["'”’)]*$/u

/** Two to four capitalised words led by a known given name ("Dylan Bailey, MS, RD"): a writer's name, not a headline. */
function readsAsName(block: Block): boolean {
  const words = block.text.split(/[,|]/u)[0]?.trim().split(/\s+/u) ?? []
  return words.length >= 2 && words.length <= 4 && givenNames.has((words[0] as string).toLowerCase()) && words.every((word) => /^\p{Lu}/u.test(word))
}

/** How many of a line's content words the article's prose repeats, and what share of its own they are. */
function overlapWithBody(line: Block, body: Map<string, number>): {shared: number; coverage: number} {
  const terms = [...termVector([line]).keys()]
  const shared = terms.filter((term) => body.has(term)).length
  return {shared, coverage: terms.length === 0 ? 0 : shared / terms.length}
}

/** A line is about what the prose is about when the prose repeats enough of its content words (a candidate's `minSharedTerms` and `minCoverage`, a breadcrumb's step's `crumbMinSharedTerms` and `crumbMinCoverage`): a menu entry, a site's or a section's name shares few. */
function isAboutBody({shared, coverage}: {shared: number; coverage: number}, minShared: number, minCoverage: number): boolean {
  return shared >= minShared && coverage >= minCoverage
}

/** The steps of a breadcrumb: "Home / Blog / Headline", "Forums › Hardware". Looser than `trail` (one " / " is a step): a step counts only when a line below repeats it. */
const crumbSteps = /\s[|›»>/→]\s/u

/** A line of at least `sentenceMinWords` words that ends as a sentence or holds two: an article's short opening paragraph counts as its body for a breadcrumb's headline. */
function isSentenceLine(block: Block, thresholds: DumpTitleThresholds): boolean {
  return readsAsSentences(block) && block.features.words >= thresholds.sentenceMinWords
}

/**
 * A line that a breadcrumb just above names as its last step ("Home / Blog /
 * Keeper emails" over "Keeper emails"), and that is about the prose below it:
 * the page's own headline, wherever the body's prose starts (a menu that glues
 * each entry to its dropdown's text reads as prose above it), and the
 * breadcrumb's place. The breadcrumb vouches for the line, so fewer of its
 * words need to recur in the prose than for other candidates
 * (`crumbMinSharedTerms`, `crumbMinCoverage`). A breadcrumb that ends at a
 * section ("News › Life News" over "Life News") names no headline: the prose
 * does not repeat the section's name.
 */
function crumbedHeadline(blocks: readonly Block[], thresholds: DumpTitleThresholds): {index: number; breadcrumb: number} | undefined {
  const prose = blocks.map((block) => isProse(block, thresholds))
  const lastProse = prose.lastIndexOf(true)
  for (let index = 0; index < lastProse; index++) {
    const steps = (blocks[index] as Block).normal.split(crumbSteps)
    if (steps.length < 2) continue
    const last = steps[steps.length - 1] as string
    for (let next = index + 1; next <= index + thresholds.crumbWindow && next < lastProse; next++) {
      const block = blocks[next] as Block
      if (block.normal !== last || prose[next] || block.features.words > thresholds.headlineMaxWords) continue
      if (isAboutBody(overlapWithBody(block, termVector(blocks.filter((other, at) => at > next && (prose[at] || isSentenceLine(other, thresholds))))), thresholds.crumbMinSharedTerms, thresholds.crumbMinCoverage)) return {index: next, breadcrumb: index}
    }
  }
  return undefined
}

/** The model's score of a candidate, and each feature's part of it. */
export function scoreTitle(trained: TitleModel, values: readonly number[]): {score: number; contributions: number[]} {
  const contributions = values.map((value, at) => ((value - (trained.mean[at] as number)) / (trained.scale[at] as number)) * (trained.weights[at] as number))
  return {score: contributions.reduce((sum, part) => sum + part, 0), contributions}
}

/** The strongest evidence for the chosen candidate over the others, in words. */
function evidenceOf(values: readonly number[], contributions: readonly number[]): string {
  return contributions
    .map((contribution, at) => ({contribution, at}))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, evidenceShown)
    .map(({contribution, at}) => `${(titleFeatures[at] as TitleFeature).describe(values[at] as number)} ${contribution >= 0 ? '+' : '−'}${Math.abs(contribution).toFixed(1)}`)
    .join('; ')
}

const evidenceShown = 3

/**
 * Where a text dump's headline is (none when no line qualifies), and why: a
 * dump has no `<h1>` or `<title>`, so the candidates (`titleCandidates`) are
 * weighed by a model learned from WCXB's titles (`npm run train:dump-title`):
 * how much of the line the body repeats and how well it matches beside the
 * others, how near the body it sits and how many headline-like lines lie
 * between, its length and capitals, a dateline beside it, a number in it
 * (a year, a count: menus seldom carry one), how much of it the article's
 * first paragraph repeats, a full stop at its end, a byline beside it,
 * whether it reads as a person's name, how many times the page prints it
 * and whether it reads as a heading. A line a breadcrumb just above
 * names as its last step, and that is about the prose below it, is the
 * headline before any candidate is weighed (`crumbedHeadline`); the
 * breadcrumb's index comes with it.
 */
export function dumpTitle(blocks: readonly Block[], thresholds: DumpTitleThresholds = defaults.dumpTitle, trained: TitleModel = model): {index: number; evidence: string; breadcrumb?: number} | undefined {
  const crumbed = crumbedHeadline(blocks, thresholds)
  if (crumbed !== undefined) return {index: crumbed.index, evidence: 'the last step of the breadcrumb above it', breadcrumb: crumbed.breadcrumb}
  let best: {candidate: TitleCandidate; score: number; contributions: number[]} | undefined
  for (const candidate of titleCandidates(blocks, thresholds)) {
    const {score, contributions} = scoreTitle(trained, candidate.values)
    if (best === undefined || score > best.score) best = {candidate, score, contributions}
  }
  // Only the chosen line's reasons are put in words.
  return best && {index: best.candidate.index, evidence: evidenceOf(best.candidate.values, best.contributions)}
}
