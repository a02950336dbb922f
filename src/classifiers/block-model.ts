import type {Transformer} from 'unified'
import {blockFeatureRows, blockFeatures, contextFeatures, contextFeatureValues, describeFeature, removalGroup, type BlockFeature} from '../block-features.js'
import model from '../data/block-model.json' with {type: 'json'}
import {looksLikeCode} from '../block.js'
import {scoreTrees, type BoostedTrees, type Scored} from '../boosted-trees.js'
import {guessedType} from '../page-features.js'
import {defaults} from '../thresholds.js'
import {blocksOf} from '../tree.js'
import type {Block, InputKind, ModelDecision, Root} from '../types.js'

export interface BlockModelOptions {
  /** The inputs whose pages the model decides (default: both, `['html', 'text']`; the pipeline passes those `model` asks for). */
  inputs?: InputKind[]
  /** Least probability of content for the model to keep a block (default: the thresholds stored with the model for the input kind, chosen in training: one for blocks the hand-set rules keep, one for those they remove). */
  minProbability?: number
  /**
   * Most probability of content the model may ask of a block the hand-set
   * rules removed before it keeps it, below the stored threshold (default:
   * none; `data/page-types.json` sets 0.5 on listing, collection, service
   * and documentation pages, whose short items and noun-phrase lines the
   * hand-set rules, made for an article's prose, remove).
   */
  maxRemovedThreshold?: number
  /**
   * The same cap on a page cleaned as an article that the page-type
   * model guessed might be another type (`guessedType`: its likeliest other
   * type at `typeGuess.minConfidence` or more; on HTML, not a listing): in a
   * dump a listing's items and a service page's lines look like an article's
   * furniture, and a thread's short replies like comments, and which it
   * is the model could not tell (default: 0.45, `typeGuess.maxRemovedThreshold`
   * in `data/thresholds.json`).
   */
  guessedMaxRemovedThreshold?: number
  /**
   * Least probability of content the model asks of a block the hand-set
   * rules keep, above the stored threshold (default: none;
   * `data/page-types.json` sets 0.4 on product pages, where those rules keep
   * a shop's other lines beside the product's own: delivery and returns
   * notes, offers, related products).
   */
  minKeptThreshold?: number
  /**
   * The same raised threshold for a block the hand-set rules keep on an HTML
   * page that is no structure (not a heading the markup marks, a table's row
   * or code): there the model, trained with a margin that guards
   * an article's short structural lines, is surer of the furniture the rules
   * keep (a teaser, a site's notice, a comment) than its stored threshold lets
   * it act on. Not on text dumps, whose lines do not show their structure as
   * surely (a listing's price line, a command) (default: none;
   * `data/page-types.json` sets 0.5 on articles and 0.4 on listing,
   * collection and service pages).
   */
  unstructuredMinKeptThreshold?: number
  /**
   * The same raised threshold for a block the hand-set rules keep outside
   * the page's likely content (below its last block of some length the model
   * finds more likely content than not, or above its first, except on a dump
   * the page-type model guessed might be another type): context kept it
   * beside the article's start or end or a footer's prose, and there it is
   * more often a menu's or a widget's line, an ad network's label, a
   * section's label or a site's legal notice than the article's. Prose those
   * rules read as such, in a dump or inside an HTML page's article
   * container, keeps the stored threshold: an article's opening or closing
   * paragraph the model doubts; so does a dump's heading-like line right
   * above prose when no title was found, its headline (default: none;
   * `data/page-types.json` sets 0.4 on articles).
   */
  outsideContentMinKeptThreshold?: number
}

/** One logistic model over standardised features. */
export interface LogisticModel {
  mean: number[]
  scale: number[]
  weights: number[]
  bias: number
}

/** The model for one kind of input: a first stage of boosted trees over each block's evidence, a second, logistic, over the first's probabilities along the page. */
export interface InputModel {
  blocks: BoostedTrees
  context: LogisticModel
  /** Probability of content (second stage) from which a block the hand-set rules would remove is kept. */
  threshold: number
  /** Probability of content from which a block the hand-set rules would keep is kept: the model overrules them only when it is this sure. */
  keptThreshold: number
}

/** Index of the hand-set rules' verdict among the block features. */
const handKeeps = blockFeatures.findIndex((feature) => feature.name === 'hand-keeps')
/** Indices of the context features that place a block before or after all likely content (both, on a page without any). */
const beforeContent = contextFeatures.findIndex((feature) => feature.name === 'before-content')
const afterContent = contextFeatures.findIndex((feature) => feature.name === 'after-content')

/** Prose the hand-set rules read as such that may open or close the article: in a dump any, on HTML inside the article's container (outside it, a footer's notice). */
const articleProse = (block: Block, kind: InputKind): boolean => block.quality?.class === 'good' && (kind === 'text' || block.inArticle === true)

/**
 * Whether a block lies below all of a page's likely content, on a page that
 * has some, or above it: on HTML, and on a dump the page-type model did not
 * guess might be another type. Above its first likely block, a dump guessed
 * to be a product or a listing holds what its markup would have named (a
 * product's rating under its name).
 */
function outsideContent(context: ArrayLike<number>, kind: InputKind, guessed: boolean): boolean {
  const before = (context[beforeContent] as number) > 0
  const after = (context[afterContent] as number) > 0
  return before !== after && (after || kind === 'html' || !guessed)
}

/**
 * A heading-like line right above a paragraph of prose: on a dump whose
 * title no step found, its headline or a docs page's heading, which keeps
 * the stored threshold above the page's likely content.
 */
function headsProse(blocks: Block[], index: number): boolean {
  return (blocks[index] as Block).features.headingLike && blocks[index + 1]?.quality?.class === 'good'
}

/** On HTML, a heading the markup marks, a table's row or code: an article's structure, whose words alone say little (a list's items are the model's to weigh: a menu and a list of related links are lists too). */
function structural(block: Block): boolean {
  const html = block.evidence.html
  return (
    block.evidence.heading !== undefined ||
    html?.inTable === true ||
    html?.tag === 'pre' ||
    html?.tag === 'code' ||
    looksLikeCode(block.text)
  )
}

/** The probability a block needs to be kept: the model overrules the hand-set rules only as far as the thresholds let it; `maxRemoved` caps the threshold of a block they removed, `minKept` raises that of a block they keep. */
export function thresholdFor(trained: InputModel, row: ArrayLike<number>, maxRemoved = 1, minKept = 0): number {
  return (row[handKeeps] as number) > 0 ? Math.max(trained.keptThreshold, minKept) : Math.min(trained.threshold, maxRemoved)
}

/** The block model as stored in `data/block-model.json` by `npm run train`. */
export interface BlockModel {
  features: string[]
  contextFeatures: string[]
  /** Removal groups the model was trained to leave alone: their removals are final. */
  finalRemovals: string[]
  inputs: Record<InputKind, InputModel>
}

/** How many pieces of evidence a decision names. */
const evidenceShown = 3

/** A minus sign for negative weights, as people write them. */
const signed = (value: number): string => (value < 0 ? `−${(-value).toFixed(1)}` : `+${value.toFixed(1)}`)

/** The second stage's probability of content for one block's context features, with the contribution of each feature (into `contributions` when given). */
export function scoreContext(trained: LogisticModel, values: ArrayLike<number>, contributions: Float64Array = new Float64Array(trained.weights.length)): Scored {
  let sum = trained.bias
  for (let index = 0; index < contributions.length; index++) {
    const contribution = ((trained.weights[index] as number) * ((values[index] as number) - (trained.mean[index] as number))) / (trained.scale[index] as number)
    contributions[index] = contribution
    sum += contribution
  }
  return {probability: 1 / (1 + Math.exp(-sum)), contributions}
}

/**
 * The indices of the strongest contributions towards a decision, strongest
 * first (the earlier feature on a tie), leaving out `skip`: one pass keeping
 * the top `count`, as this runs for every block.
 */
function strongest(contributions: Float64Array, keep: boolean, count: number, skip = -1): number[] {
  const top: number[] = []
  for (let index = 0; index < contributions.length; index++) {
    const contribution = contributions[index] as number
    if (index === skip || (keep ? contribution <= 0 : contribution >= 0)) continue
    if (top.length === count && Math.abs(contribution) <= Math.abs(contributions[top[count - 1] as number] as number)) continue
    let at = top.length === count ? count - 1 : top.length
    while (at > 0 && Math.abs(contributions[top[at - 1] as number] as number) < Math.abs(contribution)) {
      top[at] = top[at - 1] as number
      at--
    }
    top[at] = index
  }
  return top
}

/** A contribution in words with its weight (`link density 0.92 −1.1`). */
const inWords = (features: BlockFeature[], values: ArrayLike<number>, contributions: Float64Array, index: number): string =>
  `${describeFeature(features[index] as BlockFeature, values[index] as number)} ${signed(contributions[index] as number)}`

/** The probabilities of content of the blocks the model decides, in page order, from their features and word counts. */
export function scoreBlocks(trained: InputModel, rows: ArrayLike<number>[], words: ArrayLike<number>): Array<Scored & {first: Scored; context: Float64Array}> {
  // The contributions of all blocks in one buffer per stage, each block's a view of it.
  const firstWidth = blockFeatures.length
  const firstContributions = new Float64Array(rows.length * firstWidth)
  const first = rows.map((row, index) => scoreTrees(trained.blocks, row, firstWidth, firstContributions.subarray(index * firstWidth, (index + 1) * firstWidth)))
  const context = contextFeatureValues(
    first.map((score) => score.probability),
    words
  )
  const contextWidth = trained.context.weights.length
  const contextContributions = new Float64Array(context.length * contextWidth)
  return context.map((row, index) => {
    const {probability, contributions} = scoreContext(trained.context, row, contextContributions.subarray(index * contextWidth, (index + 1) * contextWidth))
    return {probability, contributions, first: first[index] as Scored, context: row}
  })
}

/** Index of the second stage's feature that is the block's own first-stage evidence: its contribution is told feature by feature instead. */
const ownEvidence = contextFeatures.findIndex((feature) => feature.name === 'own')

/** The decision on a block, naming the evidence that pushed hardest its way: the block's own first, then its strongest context. */
function decision(score: ReturnType<typeof scoreBlocks>[number], row: ArrayLike<number>, threshold: number): ModelDecision {
  const keep = score.probability >= threshold
  const context = strongest(score.contributions, keep, 1, ownEvidence)
  const own = strongest(score.first.contributions, keep, evidenceShown - context.length)
  const evidence = own.map((index) => inWords(blockFeatures, row, score.first.contributions, index))
  for (const index of context) evidence.push(inWords(contextFeatures, score.context, score.contributions, index))
  return {probability: score.probability, keep, evidence}
}

/**
 * Weigh every block's evidence with a logistic model trained on labelled
 * pages: its shape (words, stopwords, links, punctuation), its element and
 * the DOM hints around it, its place in the page, what the classifiers
 * before it found (quality class, article container, each kind of removal)
 * and the same for its neighbours, and the page's type. It runs last and
 * decides every block but those the phrase lexicons removed and those a rule
 * protects: the grey zone that quality classes and context smoothing decide
 * by hand when the model is off. The settle step takes its decisions, each
 * with its probability and strongest evidence.
 */
export default function dechaffBlockModel(options: BlockModelOptions = {}): Transformer<Root> {
  const trained = checkModel(model as BlockModel)
  const finalRemovals = new Set(trained.finalRemovals)
  const inputs = new Set<InputKind>(options.inputs ?? ['html', 'text'])
  const guessedMaxRemoved = options.guessedMaxRemovedThreshold ?? defaults.typeGuess.maxRemovedThreshold
  const outsideMinKept = options.outsideContentMinKeptThreshold
  const minKept = options.minKeptThreshold ?? 0
  const unstructuredMinKept = options.unstructuredMinKeptThreshold ?? 0
  return (tree) => {
    const kind: InputKind = tree.data?.elements ? 'html' : 'text'
    if (!inputs.has(kind)) return
    const inputModel = trained.inputs[kind]
    const blocks = blocksOf(tree).map((node) => node.data.block)
    // A page on which no rule found furniture is the hand-set rules' to keep whole when they find no prose on it (settle's fallback).
    if (!blocks.some((block) => block.removal)) return
    // The page's title is left to the hand-set rules: the development sets' golds disagree on titles (DAnIEL's and DragNet's often leave them out) and dechaff keeps them.
    // So is a block without words ("* * *", "|"): it holds no evidence to weigh.
    const decided = blocks.flatMap((block, index) =>
      block.protection || block.evidence.title || block.features.words === 0 || (block.removal && finalRemovals.has(removalGroup(block.removal))) ? [] : [index]
    )
    const chosen = blockFeatureRows(tree, decided)
    const scores = scoreBlocks(
      inputModel,
      chosen,
      decided.map((index) => (blocks[index] as Block).features.words)
    )
    const guessed = guessedType(tree) !== undefined
    const untitledDump = kind === 'text' && !blocks.some((block) => block.evidence.title)
    const maxRemoved = guessed ? Math.min(guessedMaxRemoved, options.maxRemovedThreshold ?? 1) : options.maxRemovedThreshold
    decided.forEach((index, at) => {
      const row = chosen[at] as Float64Array
      const block = blocks[index] as Block
      const score = scores[at] as (typeof scores)[number]
      const outside =
        outsideMinKept !== undefined && !articleProse(block, kind) && !(untitledDump && headsProse(blocks, index)) && outsideContent(score.context, kind, guessed)
      const floor = Math.max(minKept, outside ? outsideMinKept : 0, kind === 'html' && !structural(block) ? unstructuredMinKept : 0)
      const outcome = decision(score, row, options.minProbability ?? thresholdFor(inputModel, row, maxRemoved, floor))
      block.model = block.removal ? {...outcome, weighed: block.removal} : outcome
    })
    // A heading the hand-set rules keep stays between two blocks the model keeps: it introduces a section of the article ("Verdict" over the verdict).
    // Above the article's first block or below its last, such a line is more often a menu, a byline or a widget's label.
    decided.forEach((index, at) => {
      const block = blocks[index] as Block
      const row = chosen[at] as Float64Array
      if (block.model?.keep === false && block.features.headingLike && (row[handKeeps] as number) > 0 && blocks[index - 1]?.model?.keep && blocks[index + 1]?.model?.keep) {
        block.model = {...block.model, keep: true, evidence: ['a heading between blocks it keeps', ...block.model.evidence]}
      }
    })
  }
}

/** Whether a model reads the features this build computes, in order, both stages. */
export function readsTodaysFeatures(trained: BlockModel): boolean {
  const same = (stored: string[], features: BlockFeature[]): boolean => stored.join() === features.map((feature) => feature.name).join()
  return same(trained.features, blockFeatures) && same(trained.contextFeatures, contextFeatures)
}

/**
 * Whether a model's first stage reads its features at the same places in this
 * build: it was fitted on today's block features or on the first of them (new
 * ones are added last), and on today's second-stage features.
 */
export function readsFeaturesInPlace(trained: BlockModel): boolean {
  const today = blockFeatures.map((feature) => feature.name)
  return trained.features.every((name, index) => today[index] === name) && readsTodaysFeatures({...trained, features: today})
}

/** The stored model must read the features this build computes, in order. */
function checkModel(trained: BlockModel): BlockModel {
  if (!readsTodaysFeatures(trained)) {
    throw new Error('data/block-model.json does not match the block features of this build: run `npm run train`')
  }
  return trained
}
