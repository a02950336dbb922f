import type {Transformer} from 'unified'
import model from '../data/page-type-model.json' with {type: 'json'}
import {pageFeatures, pageFeatureValues} from '../page-features.js'
import {blocksOf} from '../tree.js'
import {pageTypes, type PageType, type PageTypeVerdict, type Root} from '../types.js'

export interface PageTypeOptions {
  /** The page's type, when the caller knows it: the model is not asked (default: none, the model decides). */
  pageType?: PageType
  /** The page's address, read for its shape (`/forum/`, `/products/`, a date) (default: none; an HTML page's canonical link or `og:url` is read instead). */
  url?: string
  /**
   * Least probability the model must give another type for the page to leave
   * the article's rules; below it the page is cleaned as an article, the
   * safe default, and the verdict says which type was doubted (default: 0.7).
   */
  minConfidence?: number
  /** `minConfidence` for text dumps, which show only their shape: a news page's comment thread looks like a forum's posts (default: 0.95). */
  minTextConfidence?: number
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

const defaultMinConfidence = 0.7
const defaultMinTextConfidence = 0.95

/** An article unless the model is sure enough of another type: a page cleaned as an article loses least when the model is wrong. */
function surely(verdict: PageTypeVerdict, minConfidence: number): PageTypeVerdict {
  if (verdict.type === 'article' || verdict.confidence >= minConfidence) return verdict
  return {
    type: 'article',
    confidence: 1 - verdict.confidence,
    evidence: [`not sure enough it is a ${verdict.type} page (${verdict.confidence.toFixed(2)} < ${minConfidence})`],
    doubted: {type: verdict.type, confidence: verdict.confidence}
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
  const minConfidence = options.minConfidence ?? defaultMinConfidence
  const minTextConfidence = options.minTextConfidence ?? defaultMinTextConfidence
  return (tree, file) => {
    const threshold = tree.data?.elements ? minConfidence : minTextConfidence
    const verdict = options.pageType ? {type: options.pageType, confidence: 1, evidence: ['set by the caller']} : surely(classifyPage(trained, pageFeatureValues(tree, options.url)), threshold)
    tree.data = {...tree.data, pageType: verdict}
    const first = blocksOf(tree)[0]
    file.info(`page type ${verdict.type} (${verdict.confidence.toFixed(2)}): ${verdict.evidence.join(', ')}`, {
      ...(first?.position ? {place: first.position} : {}),
      ruleId: 'page-type',
      source: 'dechaff'
    })
  }
}

/** The model's verdict on a page's features. */
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
  return {type: trained.types[best] as PageType, confidence: (exponents[best] as number) / total, evidence: evidence.length > 0 ? evidence : ['nothing sets it apart']}
}

/** The stored model must read the features this build computes, in order. */
function checkModel(trained: PageTypeModel): PageTypeModel {
  const names = pageFeatures.map((feature) => feature.name)
  if (trained.features.join() !== names.join() || !trained.types.every((type) => (pageTypes as readonly string[]).includes(type))) {
    throw new Error('data/page-type-model.json does not match the page features of this build: run `npm run train:page-type`')
  }
  return trained
}
