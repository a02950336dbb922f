import {execFile} from 'node:child_process'
import {createWriteStream} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs, promisify} from 'node:util'
import {runBatch} from '../batch/run.js'
import {seededRandom} from './seeded.js'

/**
 * `npm run bench:stream -- [--pages N]`, also the last part of `npm run
 * bench:speed`: a generated stream of pages (JSON Lines, half text dumps, half
 * HTML) cleaned by `runBatch` in a child process per setting. Pages per second with 1 and 2 jobs on the same stream, and peak
 * RSS after 2,000 and after 20,000 pages, to show memory stays flat.
 */
const {values} = parseArgs({options: {pages: {type: 'string', default: '20000'}, child: {type: 'string'}, jobs: {type: 'string', default: '1'}}})

if (values.child) {
  const started = performance.now()
  const summary = await runBatch({operands: [values.child], output: '/dev/null', format: 'text', ordered: false, jobs: Number(values.jobs), resume: false, quiet: true, options: {}})
  process.stdout.write(JSON.stringify({pages: summary.pages, errors: summary.errors, seconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024}))
} else {
  const total = Number(values.pages)
  const directory = await mkdtemp(path.join(tmpdir(), 'dechaff-stream-'))
  const small = path.join(directory, 'pages-2000.jsonl')
  const large = path.join(directory, `pages-${total}.jsonl`)
  await generate(small, 2000)
  await generate(large, total)
  const self = fileURLToPath(import.meta.url)
  const run = async (file: string, jobs: number): Promise<{pages: number; errors: number; seconds: number; maxRssMb: number}> => {
    const {stdout} = await promisify(execFile)(process.execPath, [self, '--child', file, '--jobs', String(jobs)], {maxBuffer: 1 << 20})
    return JSON.parse(stdout) as {pages: number; errors: number; seconds: number; maxRssMb: number}
  }
  const rss2k = await run(small, 2)
  const one = await run(large, 1)
  const two = await run(large, 2)
  await rm(directory, {recursive: true, force: true})
  const rate = (result: {pages: number; seconds: number}): number => result.pages / result.seconds
  process.stdout.write(
    [
      `stream of ${total} generated pages (JSON Lines, half text, half HTML), cleaned by runBatch:`,
      `  1 job   ${rate(one).toFixed(0)} pages/s (${one.seconds.toFixed(1)} s, ${one.errors} errors)`,
      `  2 jobs  ${rate(two).toFixed(0)} pages/s (${two.seconds.toFixed(1)} s, ${two.errors} errors): ${(rate(two) / rate(one)).toFixed(2)}x one job`,
      `  peak RSS, 2 jobs: ${rss2k.maxRssMb.toFixed(0)} MB after 2,000 pages, ${two.maxRssMb.toFixed(0)} MB after ${total} (${((two.maxRssMb / rss2k.maxRssMb - 1) * 100).toFixed(1)}%)`
    ].join('\n') + '\n'
  )
}

/** Write `count` pages as JSON Lines, from a fixed seed so every run cleans the same stream. */
async function generate(file: string, count: number): Promise<void> {
  const next = seededRandom(count)
  const words = 'the council voted on tuesday to extend a pilot scheme for another two years after report found that usage had doubled since first trial began in spring residents who spoke at meeting were broadly favour although several asked opening hours be extended into evening so people work shifts could use it too officials said extra cost would covered by existing budget fuller review published before next election library ferry bridge river town school park'.split(' ')
  const sentence = (): string => {
    const length = 12 + Math.floor(next() * 14)
    const picked = Array.from({length}, () => words[Math.floor(next() * words.length)] as string).join(' ')
    return `${picked.charAt(0).toUpperCase()}${picked.slice(1)}.`
  }
  const paragraph = (): string => Array.from({length: 2 + Math.floor(next() * 3)}, sentence).join(' ')
  const stream = createWriteStream(file)
  for (let index = 0; index < count; index++) {
    const paragraphs = Array.from({length: 4 + Math.floor(next() * 5)}, paragraph)
    const title = sentence().slice(0, -1)
    const record =
      index % 2 === 0
        ? {id: `page-${index}`, text: ['Skip to main content', title, 'By Jane Smith', ...paragraphs, 'Leave a Reply', 'This site uses Akismet to reduce spam.'].join('\n')}
        : {id: `page-${index}`, html: `<html><head><title>${title} | Gazette</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${title}</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}</article><footer><p>© 2024 Gazette</p></footer></body></html>`}
    if (!stream.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()))
  }
  await new Promise((resolve) => stream.end(resolve))
}
