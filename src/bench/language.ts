import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'
import {createCleaner} from '../clean.js'
import type {InputKind} from '../types.js'
import {readManifest} from './manifest.js'
import {seededSample} from './seeded.js'

/**
 * `npm run bench:language -- DANIEL_DIR [--sample N] [--rounds N]`: clean
 * every page of a set whose `MANIFEST.tsv` gives each page's `language`
 * (DAnIEL) as HTML and as a text dump, and report per language the share of
 * pages whose detected language is the manifest's, with the confusions.
 * Then, on a seeded sample, the time language detection adds: the same pages
 * cleaned with `language: 'auto'` and with their language given (same
 * evidence, no detection), interleaved page by page, as a ratio of totals.
 */
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    sample: {type: 'string', default: '300'},
    rounds: {type: 'string', default: '3'}
  }
})
const directory = positionals[0]
if (directory === undefined) {
  process.stderr.write('usage: npm run bench:language -- DANIEL_DIR [--sample N] [--rounds N]\n')
  process.exit(2)
}

const manifest = await readManifest(directory)
if (manifest.some((row) => row.id === undefined || row.language === undefined)) throw new Error(`${directory}/MANIFEST.tsv has no id and language columns`)
const pages = manifest.map((row) => ({id: row.id as string, language: row.language as string}))
/** Seed of the timed sample: the same pages on every run. */
const sampleSeed = 13
const modes: Array<{mode: InputKind; suffix: string}> = [
  {mode: 'html', suffix: '.html'},
  {mode: 'text', suffix: '.dump.txt'}
]

for (const {mode, suffix} of modes) {
  const cleaner = createCleaner({input: mode, timeoutMs: 0})
  const byLanguage = new Map<string, {pages: number; right: number; confused: Map<string, number>}>()
  for (const page of pages) {
    const detected = cleaner(await readFile(path.join(directory, `${page.id}${suffix}`)), page.id).language.code
    const entry = byLanguage.get(page.language) ?? {pages: 0, right: 0, confused: new Map<string, number>()}
    byLanguage.set(page.language, entry)
    entry.pages++
    if (detected === page.language) entry.right++
    else entry.confused.set(detected, (entry.confused.get(detected) ?? 0) + 1)
  }
  let all = 0
  let right = 0
  process.stdout.write(`\n${mode}: detected language against the manifest's\n`)
  for (const [language, entry] of [...byLanguage].sort()) {
    all += entry.pages
    right += entry.right
    const confusions = [...entry.confused].map(([code, count]) => `${code} ${count}`).join(', ')
    process.stdout.write(`  ${language.padEnd(4)} ${String(entry.pages).padStart(5)} pages  ${((100 * entry.right) / entry.pages).toFixed(2).padStart(6)}%${confusions ? `  (missed: ${confusions})` : ''}\n`)
  }
  process.stdout.write(`  all  ${String(all).padStart(5)} pages  ${((100 * right) / all).toFixed(2).padStart(6)}%\n`)
}

// Detection's cost: the same sample with the language detected and given, interleaved so load hits both alike.
const sample = seededSample(pages, Number(values.sample), sampleSeed)
const inputs = await Promise.all(sample.map(async (page) => ({...page, html: await readFile(path.join(directory, `${page.id}.html`))})))
const auto = createCleaner({input: 'html', timeoutMs: 0})
const given = new Map<string, ReturnType<typeof createCleaner>>()
const totals = {auto: 0, given: 0}
for (let round = 0; round < Number(values.rounds); round++) {
  for (const page of inputs) {
    let cleaner = given.get(page.language)
    if (!cleaner) given.set(page.language, (cleaner = createCleaner({input: 'html', timeoutMs: 0, language: page.language})))
    const order = round % 2 === 0 ? (['auto', 'given'] as const) : (['given', 'auto'] as const)
    for (const which of order) {
      const started = performance.now()
      ;(which === 'auto' ? auto : cleaner)(page.html, page.id)
      totals[which] += performance.now() - started
    }
  }
}
const runs = inputs.length * Number(values.rounds)
process.stdout.write(
  `\ntime per HTML page, ${inputs.length} seeded pages × ${values.rounds} rounds, interleaved:\n` +
    `  language given    ${(totals.given / runs).toFixed(2)} ms\n` +
    `  language detected ${(totals.auto / runs).toFixed(2)} ms\n` +
    `  detection adds ${((100 * (totals.auto - totals.given)) / totals.given).toFixed(1)}%\n`
)
