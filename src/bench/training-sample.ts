import {readManifest} from './manifest.js'
import {seededSample} from './seeded.js'
import {scoreShingles, scoresOf, summariseShingles, tokenOverlap, type Scores} from '../metrics.js'

/** Seed of the block model's training sample: `npm run train` and `npm run bench:holdout` draw the same pages. */
export const trainingSeed = 11

/** Sets scored by WCXB's word F1 (the mean of each page's); the others by the shingle figures. */
export const wordMetricSets = new Set(['wcxb-dev'])

/**
 * Pages drawn from a set by a sample spec: `600` for every set, `600,wcxb-dev:1200`
 * with a set's own size after the default; 0 for all its pages.
 */
export function sampleSize(spec: string, set: string): number {
  const [size = '0', ...overrides] = spec.split(',')
  const own = overrides.map((override) => override.split(':')).find(([name]) => name === set)
  const chosen = Number(own?.[1] ?? size)
  if (!Number.isInteger(chosen) || chosen < 0) throw new Error(`--sample: not a page count for ${set}: ${spec}`)
  return chosen
}

/** The pages of a set the block model is fitted on, by its sample spec: a seeded sample, the same every run. */
export function trainingSample(ids: readonly string[], spec: string, set: string): string[] {
  const size = sampleSize(spec, set)
  return size > 0 ? seededSample(ids, size, trainingSeed) : [...ids]
}

/**
 * The pages a model fitted on `sample` can be judged on honestly: outside the
 * sample, and of a site no sampled page is of (a model that learned a site's
 * templates would score its other pages well without knowing the web better).
 */
export function siteDisjointPages(ids: readonly string[], sample: readonly string[], siteOf: (id: string) => string): string[] {
  const sampled = new Set(sample)
  const sampledSites = new Set(sample.map(siteOf))
  return ids.filter((id) => !sampled.has(id) && !sampledSites.has(siteOf(id)))
}

/** The site of each page a set's manifest names one for: WCXB's domain, DAnIEL's site, the URL's host. */
export async function manifestSites(directory: string): Promise<Map<string, string>> {
  const sites = new Map<string, string>()
  const rows = await readManifest(directory).catch(() => [])
  for (const row of rows) {
    const site = row.domain || row.site || hostOf(row.url)
    if (site) sites.set(row.id as string, site)
  }
  return sites
}

/** What site-grouping reads of a page read for training. */
export interface SitedPage {
  set: string
  id: string
  kind: 'html' | 'text'
  site: string
}

/**
 * The pages with each text dump grouped under its HTML page's site. A dump
 * states no address, so where the manifest names no site (DragNet) it would
 * be a site of its own, and site-grouped folds and halves would put a page's
 * dump and its HTML on either side.
 */
export function withHtmlSites<Page extends SitedPage>(pages: readonly Page[]): Page[] {
  const htmlSites = new Map(pages.flatMap((page) => (page.kind === 'html' ? [[`${page.set}/${page.id}`, page.site] as const] : [])))
  return pages.map((page) => (page.kind === 'text' ? {...page, site: htmlSites.get(`${page.set}/${page.id}`) ?? page.site} : page))
}

/** An address's host without `www.`, or undefined when it is no address. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname.replace(/^www\./u, '')
  } catch {
    return undefined
  }
}

/** The benchmark figures of a set's outputs against their golds: WCXB's mean word scores, else the shingle scores of the macro-averaged precision and recall. */
export function setFigures(set: string, golds: readonly string[], outputs: readonly string[]): Scores {
  if (wordMetricSets.has(set)) {
    const scores = golds.map((gold, index) => scoresOf(tokenOverlap((outputs[index] as string).toLowerCase(), gold.toLowerCase())))
    const mean = (pick: (item: Scores) => number): number => scores.reduce((sum, item) => sum + pick(item), 0) / Math.max(1, scores.length)
    return {precision: mean((item) => item.precision), recall: mean((item) => item.recall), f1: mean((item) => item.f1)}
  }
  return summariseShingles(golds.map((gold, index) => scoreShingles(gold, outputs[index] as string)))
}
