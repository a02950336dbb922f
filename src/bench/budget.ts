import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {loadavg, tmpdir} from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'
import {runBatch} from '../batch/run.js'
import {warmUpPages} from '../batch/warm-up.js'
import {createCleaner} from '../clean.js'
import {defaultTimeoutMs} from '../limits.js'
import type {InputKind} from '../types.js'
import {percentile, spread} from './stats.js'

/**
 * `npm run bench:budget -- [DIR...] [--under MS] [--jobs N] [--load N] [--timeout-ms MS] [--quiet-times FILE]`:
 * the measurement behind the default time budget. Every page of the datasets
 * (`<id>.html` and `<id>.dump.txt`) is cleaned once, alone, in this process
 * (the quiet pass); the pages that took under `--under` ms are then cleaned
 * by `runBatch` with `--jobs` workers while `--load` busy processes spin
 * beside it, with the budget under test. A budget fit for its job cuts none
 * of them: it stops runaway pages, not busy machines. `--quiet-times FILE`
 * keeps the quiet pass's times (JSON) and reuses them when the file exists,
 * so the busy pass can be repeated without it.
 */
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    under: {type: 'string', default: '1000'},
    jobs: {type: 'string', default: '2'},
    load: {type: 'string', default: '2'},
    'timeout-ms': {type: 'string', default: String(defaultTimeoutMs)},
    'quiet-times': {type: 'string'}
  }
})
const datasets = positionals.length > 0 ? positionals : ['dragnet', 'cleaneval-final', 'readability', 'wcxb-dev', 'daniel'].map((name) => path.join('bench-data', name))
const underMs = Number(values.under)
const budgetMs = Number(values['timeout-ms'])

const kindOf = (file: string): InputKind | undefined => (file.endsWith('.dump.txt') ? 'text' : /\.html?$/u.test(file) ? 'html' : undefined)
const pages: Array<{file: string; kind: InputKind}> = []
for (const directory of datasets) {
  for (const name of (await readdir(directory)).sort()) {
    const kind = kindOf(name)
    if (kind) pages.push({file: path.join(directory, name), kind})
  }
}

// Quiet pass: one page at a time, cleaners warmed up first, no budget; the faster of two runs, as a shared machine is never quite quiet.
const cleaners = {html: createCleaner({input: 'html', timeoutMs: 0}), text: createCleaner({input: 'text', timeoutMs: 0})}
for (const kind of ['html', 'text'] as const) cleaners[kind](warmUpPages[kind])
const quietRuns = 2
const saved = values['quiet-times'] ? await readFile(values['quiet-times'], 'utf8').then((text) => JSON.parse(text) as {load: number; ms: Record<string, number>}, () => undefined) : undefined
const quietLoad = saved?.load ?? (loadavg()[0] as number)
const quietMs = new Map<string, number>(Object.entries(saved?.ms ?? {}))
for (const {file, kind} of pages.filter(({file}) => !quietMs.has(file))) {
  const input = await readFile(file)
  for (let run = 0; run < quietRuns; run++) {
    const started = performance.now()
    cleaners[kind](input)
    quietMs.set(file, Math.min(quietMs.get(file) ?? Infinity, performance.now() - started))
  }
}
if (values['quiet-times'] && !saved) await writeFile(values['quiet-times'], JSON.stringify({load: quietLoad, ms: Object.fromEntries(quietMs)}))
const chosen = pages.map(({file}) => file).filter((file) => (quietMs.get(file) as number) < underMs)

// Busy pass: the chosen pages through the batch pool, beside processes that keep every core busy.
const spinners: ChildProcess[] = Array.from({length: Number(values.load)}, () => spawn(process.execPath, ['-e', 'for (;;);'], {stdio: 'ignore'}))
const scratch = await mkdtemp(path.join(tmpdir(), 'dechaff-budget-'))
const output = path.join(scratch, 'out.jsonl')
const errors = path.join(scratch, 'errors.jsonl')
let busyLoad = 0
const sampleLoad = setInterval(() => (busyLoad = Math.max(busyLoad, loadavg()[0] as number)), 5000)
try {
  await runBatch({operands: chosen, output, errors, format: 'text', ordered: false, jobs: Number(values.jobs), resume: false, quiet: true, options: {timeoutMs: budgetMs}})
} finally {
  clearInterval(sampleLoad)
  for (const spinner of spinners) spinner.kill()
}
const readLines = async (file: string): Promise<Array<Record<string, unknown>>> =>
  (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
const cleaned = (await readLines(output)).map((record) => ({id: String(record.id), ms: Number(record.ms)}))
const cut = (await readLines(errors)).map((record) => `${String(record.id)}: ${String(record.reason)}`)
await rm(scratch, {recursive: true, force: true})

const busyMs = cleaned.map((record) => record.ms)
// How much slower the busy machine made each page; tiny pages are left out, their ratios are noise.
const slowdownFloorMs = 100
const slowdowns = cleaned.filter((record) => (quietMs.get(record.id) as number) >= slowdownFloorMs).map((record) => record.ms / (quietMs.get(record.id) as number))
const slowest = [...cleaned].sort((a, b) => b.ms - a.ms).slice(0, 5)
const allQuiet = [...quietMs.values()]
process.stdout.write(
  [
    `${pages.length} pages (HTML and text dumps) from ${datasets.join(', ')}`,
    `quiet, one at a time (load ${quietLoad.toFixed(1)}): ${spread(allQuiet)}; ${allQuiet.length - chosen.length} pages at or over ${underMs} ms`,
    `  the ${chosen.length} pages under ${underMs} ms: ${spread(chosen.map((file) => quietMs.get(file) as number))}`,
    `busy, ${values.jobs} jobs beside ${values.load} spinning processes (load up to ${busyLoad.toFixed(1)}), budget ${budgetMs} ms: ${spread(busyMs)}`,
    `  slowdown, busy over quiet, pages of ${slowdownFloorMs} ms or more quiet (${slowdowns.length}): p50 ${percentile(slowdowns, 0.5).toFixed(1)}×, p99 ${percentile(slowdowns, 0.99).toFixed(1)}×, max ${percentile(slowdowns, 1).toFixed(1)}×`,
    `  slowest: ${slowest.map((record) => `${record.id} ${record.ms} ms (quiet ${(quietMs.get(record.id) as number).toFixed(0)})`).join('; ')}`,
    `  cut off or failed: ${cut.length === 0 ? 'none' : `${cut.length}\n    ${cut.join('\n    ')}`}`
  ].join('\n') + '\n'
)
