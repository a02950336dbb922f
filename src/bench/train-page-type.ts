import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {classifyPage, type PageTypeModel} from '../classifiers/page-type.js'
import {pageFeatures, pageFeatureValues} from '../page-features.js'
import {decodeHtml} from '../parse/decode.js'
import {parseHtml} from '../parse/html.js'
import {parseText} from '../parse/text.js'
import {pageTypes, type PageType, type PageTypeVerdict} from '../types.js'
import {readManifest} from './manifest.js'
import {saveModel} from './model-file.js'
import {seededSample, seededShuffle} from './seeded.js'

/**
 * `npm run train:page-type -- [--data DIR] [--articles DIR] [--articles-sample N] [--folds N] [--out FILE] [--verdicts FILE] [--check]`:
 * fit the page-type model on WCXB's labelled pages (each page's HTML and its text
 * dump, so the model also learns to judge a page by its shape alone), and with
 * `--articles DIR` on a seeded sample of a set whose every page is a news
 * article in several languages (DAnIEL: its `MANIFEST.tsv` names each page's
 * `site`), so that a news page in any language with a heavy feed of headlines
 * is still an article (tried: DAnIEL's news pages gain, WCXB's listings lose,
 * so the shipped model is fitted on WCXB alone); report
 * its accuracy by cross-validation grouped by site (no site in both a fold's
 * training and test pages), then fit on every page and write the model.
 * `--verdicts FILE` also writes each page's out-of-fold verdict (set, id,
 * input, true type, predicted type, confidence) as TSV, for choosing how sure
 * the model must be before a page leaves the article's rules.
 * Deterministic: folds come from a seeded shuffle of the sites, and the fit is
 * full-batch gradient descent from zero.
 */
const {values} = parseArgs({
  options: {
    data: {type: 'string', default: 'bench-data/wcxb-dev'},
    articles: {type: 'string'},
    'articles-sample': {type: 'string', default: '300'},
    folds: {type: 'string', default: '5'},
    out: {type: 'string', default: 'src/data/page-type-model.json'},
    verdicts: {type: 'string'},
    check: {type: 'boolean', default: false}
  }
})
const foldSeed = 7
/** Seed of the sample of the articles set. */
const articlesSeed = 11
/** L2 penalty on the weights: small pages sets, so keep the model plain. */
const penalty = 0.01
const learningRate = 0.5
const iterations = 1500

interface Example {
  id: string
  values: number[]
  type: PageType
  site: string
  input: 'html' | 'text'
  /** The set the page came from. */
  set: string
}

/** Each page of a set as an HTML and a text example: its type from the `page_type` column, or `article` for a set of articles. */
async function examplesOf(directory: string, articles: boolean, sample?: number): Promise<Example[]> {
  const all = await readManifest(directory)
  const rows = sample === undefined ? all : seededSample(all, sample, articlesSeed)
  const set = path.basename(directory)
  const examples: Example[] = []
  for (const row of rows) {
    const id = row.id as string
    const type = (articles ? 'article' : row.page_type) as PageType
    const site = `${set}:${articles ? row.site : row.domain}`
    const html = parseHtml(decodeHtml(await readFile(path.join(directory, `${id}.html`))))
    const text = parseText(await readFile(path.join(directory, `${id}.dump.txt`), 'utf8'))
    examples.push({id, values: pageFeatureValues(html), type, site, input: 'html', set}, {id, values: pageFeatureValues(text), type, site, input: 'text', set})
  }
  return examples
}

/** Softmax regression over standardised features, fitted by full-batch gradient descent. */
function fit(examples: Example[]): PageTypeModel {
  const width = pageFeatures.length
  const mean = Array.from({length: width}, (_, index) => examples.reduce((sum, example) => sum + (example.values[index] as number), 0) / examples.length)
  const scale = mean.map((average, index) => Math.sqrt(examples.reduce((sum, example) => sum + ((example.values[index] as number) - average) ** 2, 0) / examples.length) || 1)
  const rows = examples.map((example) => example.values.map((value, index) => (value - (mean[index] as number)) / (scale[index] as number)))
  const weights = pageTypes.map(() => new Array<number>(width).fill(0))
  const bias = pageTypes.map(() => 0)
  for (let step = 0; step < iterations; step++) {
    const weightGradient = pageTypes.map(() => new Array<number>(width).fill(0))
    const biasGradient = pageTypes.map(() => 0)
    rows.forEach((row, example) => {
      const scores = weights.map((typeWeights, type) => typeWeights.reduce((sum, weight, index) => sum + weight * (row[index] as number), bias[type] as number))
      const top = Math.max(...scores)
      const exponents = scores.map((score) => Math.exp(score - top))
      const total = exponents.reduce((sum, value) => sum + value, 0)
      const truth = pageTypes.indexOf((examples[example] as Example).type)
      exponents.forEach((exponent, type) => {
        const error = exponent / total - (type === truth ? 1 : 0)
        biasGradient[type] = (biasGradient[type] as number) + error
        const gradient = weightGradient[type] as number[]
        row.forEach((value, index) => {
          gradient[index] = (gradient[index] as number) + error * value
        })
      })
    })
    weights.forEach((typeWeights, type) => {
      typeWeights.forEach((weight, index) => {
        typeWeights[index] = weight - learningRate * (((weightGradient[type] as number[])[index] as number) / rows.length + penalty * weight)
      })
      bias[type] = (bias[type] as number) - (learningRate * (biasGradient[type] as number)) / rows.length
    })
  }
  const round = (value: number): number => Math.round(value * 1e4) / 1e4
  return {
    features: pageFeatures.map((feature) => feature.name),
    mean: mean.map(round),
    scale: scale.map(round),
    types: [...pageTypes],
    weights: weights.map((row) => row.map(round)),
    bias: bias.map(round)
  }
}

function report(label: string, examples: Example[], predicted: PageType[]): void {
  const right = examples.filter((example, index) => example.type === predicted[index]).length
  console.log(`${label}: ${right} of ${examples.length} right (${((100 * right) / examples.length).toFixed(1)}%)`)
  console.log(`  ${'truth \\ predicted'.padEnd(16)}${pageTypes.map((type) => type.slice(0, 7).padStart(8)).join('')}`)
  for (const truth of pageTypes) {
    const counts = pageTypes.map((type) => examples.filter((example, index) => example.type === truth && predicted[index] === type).length)
    console.log(`  ${truth.padEnd(16)}${counts.map((count) => String(count).padStart(8)).join('')}`)
  }
}

const examples = [...(await examplesOf(values.data, false)), ...(values.articles ? await examplesOf(values.articles, true, Number(values['articles-sample'])) : [])]
const sites = [...new Set(examples.map((example) => example.site))].sort()
const folds = Number(values.folds)
const shuffled = seededShuffle(sites, foldSeed)
const foldOf = new Map(shuffled.map((site, index) => [site, index % folds]))
const verdicts: PageTypeVerdict[] = new Array<PageTypeVerdict>(examples.length)
for (let fold = 0; fold < folds; fold++) {
  const trained = fit(examples.filter((example) => foldOf.get(example.site) !== fold))
  examples.forEach((example, index) => {
    if (foldOf.get(example.site) === fold) verdicts[index] = classifyPage(trained, example.values)
  })
}
const predicted = verdicts.map((verdict) => verdict.type)
for (const set of [...new Set(examples.map((example) => example.set))]) for (const input of ['html', 'text'] as const) {
  const chosen = examples.map((example, index) => ({example, index})).filter(({example}) => example.input === input && example.set === set)
  report(
    `${set}, ${input}, ${folds}-fold cross-validation grouped by site (${sites.length} sites)`,
    chosen.map(({example}) => example),
    chosen.map(({index}) => predicted[index] as PageType)
  )
}
if (values.verdicts) {
  const rows = examples.map((example, index) => [example.set, example.id, example.input, example.type, predicted[index], (verdicts[index] as PageTypeVerdict).confidence.toFixed(4)].join('\t'))
  await writeFile(values.verdicts, `set\tid\tinput\ttruth\tpredicted\tconfidence\n${rows.join('\n')}\n`)
}
await saveModel(values.out, `${JSON.stringify(fit(examples))}\n`, values.check, 'train:page-type', `model fitted on all ${examples.length} examples`)
