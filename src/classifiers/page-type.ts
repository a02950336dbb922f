import type {Transformer} from 'unified'
import evidenceData from '../data/page-type.json' with {type: 'json'}
import model from '../data/page-type-model.json' with {type: 'json'}
import {pageFeatures, pageFeatureValues, proseRunOf} from '../page-features.js'
import {blocksOf} from '../tree.js'
import {pageTypes, type PageType, type PageTypeVerdict, type Root} from '../types.js'

export interface PageTypeOptions {
  /** The page's type, when the caller knows it: the model is not asked (default: none, the model decides). */
  pageType?: PageType
  /** The page's address, read for its shape (`/forum/`, `/products/`, a date) (default: none; an HTML page's canonical link or `og:url` is read instead). */
  url?: string
  /**
   * Least probability the model must give another type for an HTML page to
   * leave the article's rules, for every type; below it the page is cleaned as
   * an article, the safe default, and the verdict says which type was doubted
   * (default: per type, `minConfidence.html` in `data/page-type.json`: 0.4 for
   * service pages, 0.5 for collections, 0.7 for the others).
   */
  minConfidence?: number
  /** `minConfidence` for text dumps, which show only their shape: a news page's comment thread looks like a forum's posts (default: per type, `minConfidence.text` in `data/page-type.json`: 0.95 for every type). */
  minTextConfidence?: number
  /**
   * Words of a run of prose long enough for an article's body: a page the
   * model calls one of `articleBody.types` (a listing) but that holds such a
   * run is cleaned as an article (default: 60, `articleBody` in
   * `data/page-type.json`).
   */
  articleBodyMinWords?: number
  /** Least share of the page's words that run must hold (default: 0.05). */
  articleBodyMinShare?: number
  /**
   * Words of a shorter run that is still an article's body when it holds at
   * least `articleBodyMinUnlinkedShare` of the page's words outside links: a
   * short news story set among columns of headlines, whose links outweigh it
   * (default: 30, `articleBody.shortMinWords`).
   */
  articleBodyShortMinWords?: number
  /** Least share of the page's words outside links a shorter run must hold (default: 0.15, `articleBody.minUnlinkedShare`). */
  articleBodyMinUnlinkedShare?: number
  /**
   * Take the model's likeliest type other than an article, however sure it
   * is (default: false; `clean` sets it to clean a page again when the
   * article's rules kept almost none of it).
   */
  otherThanArticle?: boolean
}

/** The page-type model as stored in `data/page-type-model.json` by `npm run train:page-type`. */
export interface PageTypeModel {
  features: string[]
  mean: number[]
  scale: number[]
  types: PageType[]
  /** One row of weights per type, over the standardised features. */
  weights: number[][]
  bias: number[]
}

/** Least confidence for leaving the article's rules, by type. */
type Thresholds = Partial<Record<PageType, number>>

/** An article unless the model is sure enough of another type: a page cleaned as an article loses least when the model is wrong. */
function surely(verdict: PageTypeVerdict, thresholds: Thresholds): PageTypeVerdict {
  const least = thresholds[verdict.type] ?? 1
  if (verdict.type === 'article' || verdict.confidence >= least) return verdict
  return {
    type: 'article',
    confidence: 1 - verdict.confidence,
    evidence: [`not sure enough it is a ${verdict.type} page (${verdict.confidence.toFixed(2)} < ${least})`],
    doubted: {type: verdict.type, confidence: verdict.confidence},
    alternative: {type: verdict.type, confidence: verdict.confidence}
  }
}

/** The stored thresholds of one input, or the caller's one threshold for every type. */
function thresholdsOf(stored: Thresholds, override: number | undefined): Thresholds {
  return override === undefined ? stored : Object.fromEntries(pageTypes.map((type) => [type, override]))
}

const articleBodyTypes = new Set<string>(evidenceData.articleBody.types)

/** How long a run of prose must be to be an article's body (`articleBody` in `data/page-type.json`). */
interface ArticleBodyThresholds {
  minWords: number
  minShare: number
  shortMinWords: number
  minUnlinkedShare: number
}

/**
 * An article after all when the model's type is one whose items are short
 * runs of prose between linked headlines (a listing) but the page holds an
 * unbroken run as long as an article's body, or a shorter one that outweighs
 * all its other unlinked text: a news story laid out in tables beside columns
 * of headlines.
 */
function unlessArticleBody(verdict: PageTypeVerdict, tree: Root, body: ArticleBodyThresholds): PageTypeVerdict {
  if (!articleBodyTypes.has(verdict.type)) return verdict
  // Measured only on the pages it may retype.
  const run = proseRunOf(tree)
  const long = run.words >= body.minWords && run.share >= body.minShare
  const short = run.words >= body.shortMinWords && run.unlinkedShare >= body.minUnlinkedShare
  if (!long && !short) return verdict
  const share = long ? '' : `, ${Math.round(run.unlinkedShare * 100)}% of its words outside links`
  return {
    type: 'article',
    confidence: verdict.confidence,
    evidence: [`a ${verdict.type} page by its shape (${verdict.confidence.toFixed(2)}), but it holds an article's body: a run of ${run.words} words of prose${share}`],
    alternative: {type: verdict.type, confidence: verdict.confidence}
  }
}

/** How many of the weightiest pieces of evidence `explain` names. */
const evidenceShown = 3

/**
 * Decide what kind of page this is (article, forum, product, collection,
 * listing, documentation or service) before anything else runs, so that each
 * classifier can clean the page for what it is: a forum's posts are its
 * content, an article's comments are not. A multinomial logistic model over
 * the page's features (its head's JSON-LD, `og:type`, generator and address;
 * its blocks' shape: prose, links, lists, code, prices, shop and forum
 * chrome, dated lines, repeated post or card containers), trained on WCXB's
 * labels. The verdict names the evidence that weighed most.
 */
export default function dechaffPageType(options: PageTypeOptions = {}): Transformer<Root> {
  const trained = checkModel(model as PageTypeModel)
  const htmlThresholds = thresholdsOf(evidenceData.minConfidence.html, options.minConfidence)
  const textThresholds = thresholdsOf(evidenceData.minConfidence.text, options.minTextConfidence)
  const articleBody: ArticleBodyThresholds = {
    minWords: options.articleBodyMinWords ?? evidenceData.articleBody.minWords,
    minShare: options.articleBodyMinShare ?? evidenceData.articleBody.minShare,
    shortMinWords: options.articleBodyShortMinWords ?? evidenceData.articleBody.shortMinWords,
    minUnlinkedShare: options.articleBodyMinUnlinkedShare ?? evidenceData.articleBody.minUnlinkedShare
  }
  return (tree, file) => {
    const thresholds = tree.data?.elements ? htmlThresholds : textThresholds
    const classified = (): PageTypeVerdict => classifyPage(trained, pageFeatureValues(tree, options.url))
    const verdict = options.pageType
      ? {type: options.pageType, confidence: 1, evidence: ['set by the caller']}
      : options.otherThanArticle
        ? otherThanArticle(classified())
        : unlessArticleBody(surely(classified(), thresholds), tree, articleBody)
    tree.data = {...tree.data, pageType: verdict}
    const first = blocksOf(tree)[0]
    file.info(`page type ${verdict.type} (${verdict.confidence.toFixed(2)}): ${verdict.evidence.join(', ')}`, {
      ...(first?.position ? {place: first.position} : {}),
      ruleId: 'page-type',
      source: 'dechaff'
    })
  }
}

/** The likeliest type other than an article, for a page whose article's rules kept almost nothing. */
function otherThanArticle(verdict: PageTypeVerdict): PageTypeVerdict {
  const other = verdict.type === 'article' ? verdict.alternative : {type: verdict.type, confidence: verdict.confidence}
  if (!other) return verdict
  return {type: other.type, confidence: other.confidence, evidence: [`cleaned as an article it kept almost nothing (no paragraph, few of its words); the likeliest other type (${other.confidence.toFixed(2)})`], fallback: true}
}

/** The model's verdict on a page's features; for an article, also the likeliest other type. */
export function classifyPage(trained: PageTypeModel, values: number[]): PageTypeVerdict {
  const standard = values.map((value, index) => (value - (trained.mean[index] as number)) / (trained.scale[index] as number))
  const scores = trained.weights.map((row, type) => row.reduce((sum, weight, index) => sum + weight * (standard[index] as number), trained.bias[type] as number))
  const top = Math.max(...scores)
  const exponents = scores.map((score) => Math.exp(score - top))
  const total = exponents.reduce((sum, value) => sum + value, 0)
  const best = scores.indexOf(top)
  const contributions = (trained.weights[best] as number[]).map((weight, index) => ({index, weight: weight * (standard[index] as number)}))
  const evidence = contributions
    .filter((contribution) => contribution.weight > 0 && (values[contribution.index] as number) > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, evidenceShown)
    .map((contribution) => pageFeatures[contribution.index]?.describes as string)
  const type = trained.types[best] as PageType
  const verdict: PageTypeVerdict = {type, confidence: (exponents[best] as number) / total, evidence: evidence.length > 0 ? evidence : ['nothing sets it apart']}
  if (type !== 'article') return verdict
  const other = scores.reduce((chosen, score, index) => (index !== best && (chosen < 0 || score > (scores[chosen] as number)) ? index : chosen), -1)
  return other < 0 ? verdict : {...verdict, alternative: {type: trained.types[other] as PageType, confidence: (exponents[other] as number) / total}}
}

/** The stored model must read the features this build computes, in order. */
function checkModel(trained: PageTypeModel): PageTypeModel {
  const names = pageFeatures.map((feature) => feature.name)
  if (trained.features.join() !== names.join() || !trained.types.every((type) => (pageTypes as readonly string[]).includes(type))) {
    throw new Error('data/page-type-model.json does not match the page features of this build: run `npm run train:page-type`')
  }
  return trained
}
