import {spawn} from 'node:child_process'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {Readability} from '@mozilla/readability'
import {JSDOM, VirtualConsole} from 'jsdom'
import {ParseEnglish} from 'parse-english'
import {warmUpPages} from '../batch/warm-up.js'
import {createCleaner, type Cleaner} from '../clean.js'
import type {InputKind} from '../types.js'
import {probeImport, type ImportProbe} from './import-probe.js'
import {seededSample} from './seeded.js'
import {median} from './stats.js'

/**
 * `npm run bench:speed -- [DIR...] [--pages N] [--rounds N] [--baseline DIR] [--stream-pages N] [--clock wall|cpu]`:
 * the issue's speed targets, measured on the same pages in the same process,
 * contenders alternating within each round so machine drift hits them all;
 * medians of rounds, and ratios taken round by round.
 *
 * - HTML pages/s on a seeded sample of each dataset (default wcxb-dev and
 *   dragnet): dechaff (parse5), dechaff with `parser: 'jsdom'`,
 *   @mozilla/readability on jsdom, and the build of dechaff in `--baseline`.
 * - Text dumps MB/s, the same pages' `<id>.dump.txt`: dechaff, the baseline,
 *   and a bare parse-english parse (retext-english's parser) of the whole dump,
 *   a floor of what any retext pipeline costs.
 * - The block model's cost per page, HTML and dumps: the same pages with
 *   it on and off, taking turns page by page.
 * - Import time of `dist/index.js` in a fresh process (on the chosen
 *   clock) and the process's peak memory by then, and whether cleaning
 *   loads jsdom.
 * - Then the stream part (`stream.js`): peak memory after 2,000 and
 *   `--stream-pages` pages through the batch workers (0 skips it).
 *
 * No page has a time budget here: every contender does all of its work.
 * `--clock cpu` times with the process's CPU time rather than the wall
 * clock: on a machine other work keeps busy, the time a contender waits for
 * a core then does not count against it.
 */
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    pages: {type: 'string', default: '150'},
    rounds: {type: 'string', default: '3'},
    baseline: {type: 'string'},
    'import-runs': {type: 'string', default: '5'},
    'stream-pages': {type: 'string', default: '20000'},
    clock: {type: 'string', default: 'wall'}
  }
})
if (values.clock !== 'wall' && values.clock !== 'cpu') throw new Error(`--clock is wall or cpu, not ${values.clock}`)
/** Milliseconds on the chosen clock. */
const now = values.clock === 'cpu' ? (): number => {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
} : (): number => performance.now()
const datasets = positionals.length > 0 ? positionals : ['bench-data/wcxb-dev', 'bench-data/dragnet']
const rounds = Number(values.rounds)
const sampleSeed = 2024
/** The issue's targets: dechaff's HTML pages/s over each of these. */
const htmlTargets: Record<string, number> = {baseline: 4, readability: 8}

const here = path.dirname(fileURLToPath(import.meta.url))
const currentEntry = path.resolve(here, '../index.js')
const baselineEntry = values.baseline ? path.resolve(values.baseline, 'dist/index.js') : undefined
const baseline = baselineEntry ? ((await import(pathToFileURL(baselineEntry).href)) as {createCleaner: (options: object) => Cleaner}) : undefined

/** One way of handling a page, timed page by page. */
interface Contender {
  key: string
  label: string
  handle: (page: string) => unknown
}

interface Sample {
  name: string
  ids: string[]
  html: string[]
  dumps: string[]
}

/** A seeded sample of the pages that have both an HTML file and a text dump: the same pages every run. */
async function sampleOf(directory: string, size: number): Promise<Sample> {
  const files = new Set(await readdir(directory))
  const ids = [...files].filter((file) => file.endsWith('.html') && files.has(file.replace(/\.html$/u, '.dump.txt'))).map((file) => file.slice(0, -'.html'.length)).sort()
  const chosen = seededSample(ids, size, sampleSeed)
  const read = (suffix: string): Promise<string[]> => Promise.all(chosen.map((id) => readFile(path.join(directory, `${id}${suffix}`), 'utf8')))
  return {name: path.basename(path.resolve(directory)), ids: chosen, html: await read('.html'), dumps: await read('.dump.txt')}
}

const quiet = new VirtualConsole()
const dechaffOptions = {timeoutMs: 0}
const htmlContenders: Contender[] = [
  {key: 'dechaff', label: 'dechaff (parse5)', handle: createCleaner({...dechaffOptions, input: 'html'})},
  {key: 'jsdom', label: "dechaff (parser: 'jsdom')", handle: createCleaner({...dechaffOptions, input: 'html', parser: 'jsdom'})},
  {
    key: 'readability',
    label: '@mozilla/readability (jsdom)',
    handle: (page) => {
      const dom = new JSDOM(page, {virtualConsole: quiet})
      new Readability(dom.window.document).parse()
      dom.window.close()
    }
  },
  ...(baseline ? [{key: 'baseline', label: `baseline (${values.baseline})`, handle: baseline.createCleaner({...dechaffOptions, input: 'html'})}] : [])
]
const textContenders: Contender[] = [
  {key: 'dechaff', label: 'dechaff', handle: createCleaner({...dechaffOptions, input: 'text'})},
  ...(baseline ? [{key: 'baseline', label: `baseline (${values.baseline})`, handle: baseline.createCleaner({...dechaffOptions, input: 'text'})}] : []),
  {key: 'retext', label: 'parse-english (retext-english) parse alone', handle: (page) => new ParseEnglish().parse(page)}
]

interface Timing {
  /** Seconds for the whole sample, one entry per round. */
  seconds: number[]
  slowest: {ms: number; id: string}
}

/** Every contender on every page, once to warm up, then `rounds` times, the order rotating each round. */
async function race(contenders: Contender[], pages: string[], ids: string[]): Promise<Map<string, Timing>> {
  const timings = new Map(contenders.map((contender) => [contender.key, {seconds: [], slowest: {ms: 0, id: ''}} as Timing]))
  for (let round = -1; round < rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const contender = contenders[(turn + Math.max(round, 0)) % contenders.length] as Contender
      const timing = timings.get(contender.key) as Timing
      const started = now()
      pages.forEach((page, index) => {
        const pageStarted = now()
        contender.handle(page)
        const ms = now() - pageStarted
        if (ms > timing.slowest.ms) timing.slowest = {ms, id: ids[index] as string}
      })
      if (round >= 0) timing.seconds.push((now() - started) / 1000)
      // Let timers and pending I/O run between contenders, as a real caller would.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return timings
}

/** Median over rounds of `numerator`'s rate over `denominator`'s, each round's pair taken together. */
function ratio(timings: Map<string, Timing>, numerator: string, denominator: string): {median: number; rounds: number[]} {
  const ours = timings.get(numerator)?.seconds ?? []
  const theirs = timings.get(denominator)?.seconds ?? []
  const perRound = ours.map((seconds, index) => (theirs[index] as number) / seconds)
  return {median: median(perRound), rounds: perRound}
}

/**
 * What applying the block model adds to the time per page, against the
 * issue's target of at most 10% more: the same pages cleaned with the model
 * on and off taking turns page by page (which goes first alternating), so the
 * garbage one leaves and the machine's drift fall on both alike; time with it
 * over time without, round by round, after a warm-up round.
 */
function modelCost(input: InputKind, pages: string[]): string {
  const withModel = createCleaner({...dechaffOptions, input, model: true})
  const withoutModel = createCleaner({...dechaffOptions, input, model: false})
  const perRound: number[] = []
  for (let round = -1; round < rounds; round++) {
    const ms = {on: 0, off: 0}
    pages.forEach((page, index) => {
      const order = (index + round) % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)
      for (const turn of order) {
        const started = now()
        ;(turn === 'on' ? withModel : withoutModel)(page)
        ms[turn] += now() - started
      }
    })
    if (round >= 0) perRound.push(ms.on / ms.off)
  }
  const value = {median: median(perRound), rounds: perRound}
  return `${times(value)}; target ≤1.10×: ${value.median <= modelCostTarget ? 'met' : 'missed'}`
}

const modelCostTarget = 1.1

const megabytes = (pages: string[]): number => pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0) / 1e6
const times = (value: {median: number; rounds: number[]}): string => `${value.median.toFixed(2)}× (rounds ${value.rounds.map((each) => each.toFixed(2)).join(', ')})`

const say = (line: string): void => void process.stdout.write(`${line}\n`)
for (const directory of datasets) {
  const sample = await sampleOf(directory, Number(values.pages))
  const htmlMb = megabytes(sample.html)
  const dumpMb = megabytes(sample.dumps)
  say(`${sample.name}: ${sample.ids.length} pages (seeded sample), ${htmlMb.toFixed(1)} MB of HTML, ${dumpMb.toFixed(1)} MB of text dumps; ${rounds} rounds after a warm-up round, ${values.clock === 'cpu' ? 'CPU time' : 'wall clock'}`)
  const html = await race(htmlContenders, sample.html, sample.ids)
  say(`  HTML${' '.repeat(28)}pages/s     MB/s   slowest page`)
  for (const contender of htmlContenders) {
    const timing = html.get(contender.key) as Timing
    const seconds = median(timing.seconds)
    say(`  ${contender.label.padEnd(30)}${(sample.html.length / seconds).toFixed(1).padStart(9)}${(htmlMb / seconds).toFixed(2).padStart(9)}   ${timing.slowest.ms.toFixed(0)} ms (${timing.slowest.id})`)
  }
  say(`  model on / model off, time per page, pages alternating: ${modelCost('html', sample.html)}`)
  for (const other of htmlContenders.slice(1)) {
    const target = htmlTargets[other.key]
    const value = ratio(html, 'dechaff', other.key)
    say(`  dechaff (parse5) / ${other.label}: ${times(value)}${target ? `; target ≥${target}×: ${value.median >= target ? 'met' : 'missed'}` : ''}`)
  }
  const text = await race(textContenders, sample.dumps, sample.ids)
  say(`  text dumps${' '.repeat(22)}MB/s    slowest page`)
  for (const contender of textContenders) {
    const timing = text.get(contender.key) as Timing
    say(`  ${contender.label.padEnd(30)}${(dumpMb / median(timing.seconds)).toFixed(2).padStart(6)}    ${timing.slowest.ms.toFixed(0)} ms (${timing.slowest.id})`)
  }
  say(`  model on / model off, time per page, pages alternating: ${modelCost('text', sample.dumps)}`)
  for (const other of textContenders.slice(1)) say(`  dechaff / ${other.label}: ${times(ratio(text, 'dechaff', other.key))}`)
}

// Import time in fresh processes, alternating builds; then whether cleaning text and HTML pulls jsdom in.
const entries = [{label: 'dechaff', entry: currentEntry}, ...(baselineEntry ? [{label: `baseline (${values.baseline})`, entry: baselineEntry}] : [])]
const imports = new Map(entries.map(({label}) => [label, [] as ImportProbe[]]))
for (let run = 0; run < Number(values['import-runs']); run++) {
  for (const {label, entry} of entries) imports.get(label)?.push(await probeImport(entry, []))
}
say(`import('dechaff') in a fresh process, median of ${values['import-runs']} (${values.clock === 'cpu' ? 'CPU time of every thread' : 'wall clock'}; peak resident memory by then):`)
for (const {label, entry} of entries) {
  const {jsdomLoaded} = await probeImport(entry, [warmUpPages.text, warmUpPages.html])
  const runs = imports.get(label) ?? []
  const ms = median(runs.map((run) => (values.clock === 'cpu' ? run.importCpuMs : run.importMs)))
  const peakMb = median(runs.map((run) => run.importPeakMb))
  say(`  ${label.padEnd(30)}${ms.toFixed(0).padStart(6)} ms, ${peakMb.toFixed(0)} MB; jsdom loaded after cleaning a text and an HTML page: ${jsdomLoaded ? 'yes' : 'no'}`)
}

if (Number(values['stream-pages']) > 0) {
  const stream = spawn(process.execPath, [path.join(here, 'stream.js'), '--pages', values['stream-pages']], {stdio: 'inherit'})
  await new Promise((resolve) => stream.on('exit', resolve))
}
