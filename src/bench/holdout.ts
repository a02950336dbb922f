import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {createCleaner} from '../clean.js'
import type {Scores} from '../metrics.js'
import {decodeHtml} from '../parse/decode.js'
import {parseHtml} from '../parse/html.js'
import type {InputKind} from '../types.js'
import {hostOf, manifestSites, setFigures, siteDisjointPages, trainingSample, wordMetricSets} from './training-sample.js'
import {readIds} from './manifest.js'

/**
 * `npm run bench:holdout -- --baseline DIST_DIR [--data DIR] [--sets a,b] [--sample N[,SET:N]] [--inputs html,text]`:
 * this build against another (main's `dist` before a refit, a release) on
 * the pages a block model fitted with `npm run train -- --sample …` never
 * saw, nor any page of their sites. A model that learned a site's templates
 * scores that site's other pages well without cleaning the web any better;
 * on these pages neither build's model has seen the site. `--sample` must be
 * the largest sample either build's model was fitted on (the seeded samples
 * of the same seed nest: 300 pages are the first of 600). Pages whose
 * manifest names no site are given the host of the address the page states
 * (its canonical link or `og:url`). Prints, per set and input, the benchmark's figures
 * (shingle F1, WCXB's word F1) of both builds and their difference.
 */
const {values} = parseArgs({
  options: {
    baseline: {type: 'string'},
    data: {type: 'string', default: 'bench-data'},
    sets: {type: 'string', default: 'dragnet,cleaneval-final,readability,wcxb-dev,daniel'},
    sample: {type: 'string', default: '600'},
    inputs: {type: 'string', default: 'html,text'}
  }
})
if (!values.baseline) {
  process.stderr.write('usage: npm run bench:holdout -- --baseline DIST_DIR [--data DIR] [--sets a,b] [--sample N[,SET:N]] [--inputs html,text]\n')
  process.exit(2)
}

type Clean = (input: Uint8Array, id: string) => {text: string}
const baseline = (await import(pathToFileURL(path.resolve(values.baseline, 'index.js')).href)) as {createCleaner: (options: object) => Clean}
const inputs = values.inputs.split(',') as InputKind[]
const builds = Object.fromEntries(inputs.map((kind) => [kind, {baseline: baseline.createCleaner({input: kind}), current: createCleaner({input: kind}) as Clean}]))

/** The site of every page of a set: its manifest's, else the host of the address its HTML states (read as the trainer reads it), else the page alone. */
async function sitesOf(set: string, directory: string, ids: readonly string[]): Promise<Map<string, string>> {
  const sites = await manifestSites(directory)
  for (const id of ids) {
    if (sites.has(id)) continue
    let host: string | undefined
    try {
      host = hostOf(parseHtml(decodeHtml(await readFile(path.join(directory, `${id}.html`)))).data?.page?.url)
    } catch {
      // A page that cannot be read is a site of its own.
    }
    sites.set(id, host ?? `${set}/${id}`)
  }
  return sites
}

const shown = (scores: Scores): string => `${scores.f1.toFixed(4)} (${scores.precision.toFixed(2)}/${scores.recall.toFixed(2)})`.padStart(22)
console.log(`pages outside the training sample (--sample ${values.sample}) of sites no sampled page is of; shingle F1, word F1 for ${[...wordMetricSets].join(', ')}`)
console.log(`${'dataset'.padEnd(17)}${'input'.padEnd(7)}${'pages'.padStart(6)}${'sites'.padStart(7)}${'baseline F1 (P/R)'.padStart(22)}${'this build F1 (P/R)'.padStart(22)}${'change'.padStart(9)}`)
for (const set of values.sets.split(',')) {
  const directory = path.join(values.data, set)
  const ids = await readIds(directory)
  const sites = await sitesOf(set, directory, ids)
  const siteOf = (id: string): string => sites.get(id) as string
  const held = siteDisjointPages(ids, trainingSample(ids, values.sample, set), siteOf)
  if (held.length === 0) {
    console.log(`${set.padEnd(17)}every page is sampled or shares a site with a sampled page`)
    continue
  }
  const golds = await Promise.all(held.map((id) => readFile(path.join(directory, `${id}.gold.txt`), 'utf8')))
  for (const kind of inputs) {
    const outputs = {baseline: [] as string[], current: [] as string[]}
    for (const id of held) {
      const input = await readFile(path.join(directory, kind === 'html' ? `${id}.html` : `${id}.dump.txt`))
      for (const build of ['baseline', 'current'] as const) {
        let text = ''
        try {
          text = builds[kind]![build](input, id).text
        } catch (error) {
          process.stderr.write(`${set}/${id} (${kind}, ${build}): ${(error as Error).message}\n`)
        }
        outputs[build].push(text)
      }
    }
    const before = setFigures(set, golds, outputs.baseline)
    const after = setFigures(set, golds, outputs.current)
    const change = after.f1 - before.f1
    console.log(
      `${set.padEnd(17)}${kind.padEnd(7)}${String(held.length).padStart(6)}${String(new Set(held.map(siteOf)).size).padStart(7)}${shown(before)}${shown(after)}${`${change >= 0 ? '+' : ''}${change.toFixed(4)}`.padStart(9)}`
    )
  }
}
