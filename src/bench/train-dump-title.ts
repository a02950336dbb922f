import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {scoreTitle, titleCandidates, titleFeatures, type TitleModel} from '../parse/dump-title.js'
import {parseText} from '../parse/text.js'
import {blocksOf} from '../tree.js'
import {readManifest} from './manifest.js'
import {saveModel} from './model-file.js'
import {seededShuffle} from './seeded.js'

/**
 * `npm run train:dump-title -- [--data DIR] [--folds N] [--fold-seed N] [--out FILE] [--check]`: fit the
 * model that picks a text dump's headline among its candidate lines, on
 * WCXB's pages (their `<id>.json` gives each page's title; a candidate is
 * right when its text is that title, case and spaces folded; of a title printed
 * twice, the copy nearest the body, the other copies left out). The model is a
 * conditional logit: one score per candidate, a softmax over each page's
 * candidates, fitted by Newton's method with an L2 penalty. Reports, by
 * cross-validation grouped by site (no site in both a fold's training and
 * test pages), how many pages get their title from the model and from the
 * hand-set rule it replaced (the candidate whose words the body repeats most,
 * shared words times their share of the line), then fits on every page and
 * writes the model. Deterministic: folds come from a shuffle of the sites
 * seeded by `--fold-seed` (7; the fit on every page does not depend on it),
 * and the fit starts from zero.
 */
const {values} = parseArgs({
  options: {
    data: {type: 'string', default: 'bench-data/wcxb-dev'},
    folds: {type: 'string', default: '5'},
    'fold-seed': {type: 'string', default: '7'},
    out: {type: 'string', default: 'src/data/dump-title-model.json'},
    check: {type: 'boolean', default: false}
  }
})
/** The seed of the sites' shuffle into folds: another seed deals the sites into other folds, to tell a feature's gain from the folds' luck. */
const foldSeed = Number(values['fold-seed'])
/** L2 penalty on the standardised weights, per page. */
const penalty = 0.01
const newtonSteps = 30

interface Page {
  site: string
  /** Each candidate's feature values. */
  rows: number[][]
  /** Index of the candidate that is the title, if one is. */
  truth: number
  /** The hand-set rule (the best overlap, the first of equals) picks the title. */
  overlapRight: boolean
}

const normalise = (text: string): string => text.toLowerCase().replace(/\s+/gu, ' ').trim()
const overlapRank = titleFeatures.findIndex((feature) => feature.name === 'overlap-rank')

async function pagesOf(directory: string): Promise<Page[]> {
  const pages: Page[] = []
  for (const row of await readManifest(directory)) {
    const id = row.id as string
    const {title} = JSON.parse(await readFile(path.join(directory, `${id}.json`), 'utf8')) as {title?: string | null}
    const tree = parseText(await readFile(path.join(directory, `${id}.dump.txt`), 'utf8'))
    const blocks = blocksOf(tree).map((node) => node.data.block)
    const candidates = titleCandidates(blocks)
    if (candidates.length === 0) continue
    const texts = candidates.map((candidate) => normalise(blocks[candidate.index]?.text ?? ''))
    const titleText = title ? normalise(title) : undefined
    // A headline printed twice (as a breadcrumb's step and as the heading) is one title: the copy nearest the body is the truth, and the other copies leave the page's rows, so that no copy of the title counts against it.
    const truthAt = titleText === undefined ? -1 : texts.lastIndexOf(titleText)
    const kept = candidates.filter((_, at) => truthAt === -1 || at === truthAt || texts[at] !== titleText)
    const best = candidates.find((candidate) => candidate.values[overlapRank] === 0)
    pages.push({
      site: row.domain ?? id,
      rows: kept.map((candidate) => candidate.values),
      truth: truthAt === -1 ? -1 : kept.indexOf(candidates[truthAt]!),
      overlapRight: truthAt !== -1 && best !== undefined && normalise(blocks[best.index]?.text ?? '') === titleText
    })
  }
  return pages
}

/** Solve `matrix · x = vector` by Gaussian elimination with partial pivoting (the matrix is small and positive definite). */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length
  const rows = matrix.map((row, index) => [...row, vector[index] as number])
  for (let column = 0; column < size; column++) {
    let pivot = column
    for (let row = column + 1; row < size; row++) if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row
    ;[rows[column], rows[pivot]] = [rows[pivot] as number[], rows[column] as number[]]
    const lead = rows[column] as number[]
    for (let row = column + 1; row < size; row++) {
      const current = rows[row] as number[]
      const factor = (current[column] as number) / (lead[column] as number)
      for (let at = column; at <= size; at++) current[at] = (current[at] as number) - factor * (lead[at] as number)
    }
  }
  const solution = new Array<number>(size).fill(0)
  for (let row = size - 1; row >= 0; row--) {
    const current = rows[row] as number[]
    let sum = current[size] as number
    for (let at = row + 1; at < size; at++) sum -= (current[at] as number) * (solution[at] as number)
    solution[row] = sum / (current[row] as number)
  }
  return solution
}

/** The conditional logit over each page's candidates, on standardised features, by Newton's method. */
function fit(pages: Page[]): TitleModel {
  const width = titleFeatures.length
  const all = pages.flatMap((page) => page.rows)
  const mean = Array.from({length: width}, (_, at) => all.reduce((sum, row) => sum + (row[at] as number), 0) / all.length)
  const scale = mean.map((average, at) => Math.sqrt(all.reduce((sum, row) => sum + ((row[at] as number) - average) ** 2, 0) / all.length) || 1)
  const labelled = pages.filter((page) => page.truth !== -1).map((page) => ({...page, rows: page.rows.map((row) => row.map((value, at) => (value - (mean[at] as number)) / (scale[at] as number)))}))
  const weights = new Array<number>(width).fill(0)
  for (let step = 0; step < newtonSteps; step++) {
    const gradient = weights.map((weight) => penalty * labelled.length * weight)
    const hessian = weights.map((_, row) => weights.map((_, column) => (row === column ? penalty * labelled.length : 0)))
    for (const page of labelled) {
      const scores = page.rows.map((row) => row.reduce((sum, value, at) => sum + value * (weights[at] as number), 0))
      const top = Math.max(...scores)
      const exponents = scores.map((score) => Math.exp(score - top))
      const total = exponents.reduce((sum, value) => sum + value, 0)
      const probabilities = exponents.map((value) => value / total)
      const expected = weights.map((_, at) => page.rows.reduce((sum, row, candidate) => sum + (probabilities[candidate] as number) * (row[at] as number), 0))
      page.rows.forEach((row, candidate) => {
        const probability = probabilities[candidate] as number
        for (let at = 0; at < width; at++) {
          const centred = (row[at] as number) - (expected[at] as number)
          gradient[at] = (gradient[at] as number) + (candidate === page.truth ? -1 + probability : probability) * (row[at] as number)
          for (let other = 0; other < width; other++) (hessian[at] as number[])[other] = ((hessian[at] as number[])[other] as number) + probability * centred * ((row[other] as number) - (expected[other] as number))
        }
      })
    }
    const move = solve(hessian, gradient)
    weights.forEach((weight, at) => {
      weights[at] = weight - (move[at] as number)
    })
  }
  const round = (value: number): number => Math.round(value * 1e4) / 1e4
  return {features: titleFeatures.map((feature) => feature.name), mean: mean.map(round), scale: scale.map(round), weights: weights.map(round)}
}

/** The candidate the model picks on a page. */
function pick(trained: TitleModel, page: Page): number {
  let best = -1
  let bestScore = -Infinity
  page.rows.forEach((row, candidate) => {
    const {score} = scoreTitle(trained, row)
    if (score > bestScore) {
      best = candidate
      bestScore = score
    }
  })
  return best
}

const pages = await pagesOf(values.data)
const sites = [...new Set(pages.map((page) => page.site))].sort()
const folds = Number(values.folds)
const foldOf = new Map(seededShuffle(sites, foldSeed).map((site, index) => [site, index % folds]))
let modelRight = 0
let overlapRight = 0
for (let fold = 0; fold < folds; fold++) {
  const trained = fit(pages.filter((page) => foldOf.get(page.site) !== fold))
  for (const page of pages.filter((candidate) => foldOf.get(candidate.site) === fold)) {
    if (page.truth === -1) continue
    if (pick(trained, page) === page.truth) modelRight++
    if (page.overlapRight) overlapRight++
  }
}
const titled = pages.filter((page) => page.truth !== -1).length
console.log(`${path.basename(values.data)}: ${pages.length} dumps with headline candidates, ${titled} with the title among them (${sites.length} sites)`)
console.log(`${folds}-fold cross-validation grouped by site, title picked right: model ${modelRight} of ${titled}, best word overlap ${overlapRight} of ${titled}`)
const trained = fit(pages)
await saveModel(values.out, `${JSON.stringify(trained, null, 1)}\n`, values.check, 'train:dump-title', `model fitted on all ${pages.length} dumps`)
for (const [at, feature] of titleFeatures.entries()) console.log(`  ${feature.name.padEnd(14)} ${(trained.weights[at] as number).toFixed(3)}`)
