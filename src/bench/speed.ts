import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'
import {Readability} from '@mozilla/readability'
import {JSDOM, VirtualConsole} from 'jsdom'
import {createCleaner} from '../clean.js'
import {DechaffTimeoutError} from '../limits.js'

/**
 * `npm run bench:speed -- [DIR] [--pages N] [--rounds N]`: HTML pages per
 * second for dechaff and for @mozilla/readability (on jsdom, as its README
 * shows) on the same pages in the same process, rounds alternating A B A B so
 * machine drift hits both; medians and their ratio, dechaff's slowest page,
 * and the pages cut off at the time budget (counted, not fatal).
 */
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {pages: {type: 'string', default: '300'}, rounds: {type: 'string', default: '3'}}
})
const directory = positionals[0] ?? 'bench-data/dragnet'
const files = (await readdir(directory)).filter((file) => /\.html?$/u.test(file)).sort().slice(0, Number(values.pages))
if (files.length === 0) {
  process.stderr.write(`no .html pages in ${directory}\n`)
  process.exit(2)
}
const pages = await Promise.all(files.map((file) => readFile(path.join(directory, file), 'utf8')))
const megabytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0) / 1e6

const cleaner = createCleaner({input: 'html'})
const quiet = new VirtualConsole()

interface DechaffRun {
  seconds: number
  slowest: number
  slowestFile: string
  cutOff: string[]
}

function runDechaff(): DechaffRun {
  const run: DechaffRun = {seconds: 0, slowest: 0, slowestFile: '', cutOff: []}
  const started = performance.now()
  pages.forEach((page, index) => {
    const pageStarted = performance.now()
    try {
      cleaner(page)
    } catch (error) {
      if (!(error instanceof DechaffTimeoutError)) throw error
      run.cutOff.push(files[index] as string)
    }
    const elapsed = performance.now() - pageStarted
    if (elapsed > run.slowest) Object.assign(run, {slowest: elapsed, slowestFile: files[index]})
  })
  run.seconds = (performance.now() - started) / 1000
  return run
}

function runReadability(): number {
  const started = performance.now()
  for (const page of pages) {
    const dom = new JSDOM(page, {virtualConsole: quiet})
    new Readability(dom.window.document).parse()
    dom.window.close()
  }
  return (performance.now() - started) / 1000
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

const ours: number[] = []
const theirs: number[] = []
let slowest = {ms: 0, file: ''}
const cutOff = new Set<string>()
runDechaff()
runReadability()
for (let round = 0; round < Number(values.rounds); round++) {
  const run = runDechaff()
  ours.push(pages.length / run.seconds)
  if (run.slowest > slowest.ms) slowest = {ms: run.slowest, file: run.slowestFile}
  for (const file of run.cutOff) cutOff.add(file)
  theirs.push(pages.length / runReadability())
  await new Promise((resolve) => setImmediate(resolve))
}
const ratios = ours.map((rate, index) => rate / (theirs[index] as number))
process.stdout.write(
  [
    `${pages.length} HTML pages from ${directory} (${megabytes.toFixed(1)} MB), ${values.rounds} rounds, one process`,
    `dechaff html          ${median(ours).toFixed(1)} pages/s (median), slowest page ${slowest.ms.toFixed(0)} ms (${slowest.file})`,
    `@mozilla/readability  ${median(theirs).toFixed(1)} pages/s (median)`,
    `ratio dechaff/readability: median ${median(ratios).toFixed(2)}x (rounds: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    `cut off at the time budget: ${cutOff.size === 0 ? 'none' : [...cutOff].join(', ')}`
  ].join('\n') + '\n'
)
