import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {randomUUID} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {gzipSync} from 'node:zlib'
import {median} from './stats.js'
import {startRedis} from './redis-server.js'
import {seededSample} from './seeded.js'

/**
 * `npm run bench:queue -- [DIR...] [--shards N] [--pages N] [--rounds N]`:
 * WET shards (gzipped conversion records, one gzip member each, as Common
 * Crawl writes them) built from the text dumps of the datasets (default
 * `bench-data/wcxb-dev` and `bench-data/dragnet`), cleaned by a plain
 * `dechaff clean` with 1 and 2 jobs and through the queue by one worker
 * process of 1 or 2 threads and by two worker processes of 1 thread, on a
 * redis-server of its own. Each setting runs once a round, in turn; wall and
 * CPU times are whole processes, start-up included (CPU time holds steadier
 * on a shared machine); ratios are taken round by round and their median given. Every queue run's outputs are checked to be
 * byte-identical to the plain clean's.
 */
const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {shards: {type: 'string', default: '8'}, pages: {type: 'string', default: '150'}, rounds: {type: 'string', default: '3'}}
})
const datasets = positionals.length > 0 ? positionals : ['bench-data/wcxb-dev', 'bench-data/dragnet']
const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url))
const shardCount = Number(values.shards)
const pagesPerShard = Number(values.pages)

const root = await mkdtemp(path.join(tmpdir(), 'dechaff-bench-queue-'))
const shards = path.join(root, 'shards')
const bytes = await writeShards()
const redis = await startRedis()
let runNumber = 0

interface Setting {
  label: string
  run: () => Promise<Times>
}

const settings: Setting[] = [
  {label: 'clean, 1 job', run: () => plainClean(1)},
  {label: 'clean, 2 jobs', run: () => plainClean(2)},
  {label: 'queue, 1 worker × 1 thread', run: () => queued(1, 1)},
  {label: 'queue, 1 worker × 2 threads', run: () => queued(1, 2)},
  {label: 'queue, 2 workers × 1 thread', run: () => queued(2, 1)}
]
const times = new Map<string, Times[]>(settings.map((setting) => [setting.label, []]))
const addSeconds: number[] = []
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    // Each round starts from a different setting, so none always runs first on a cold machine.
    for (let offset = 0; offset < settings.length; offset++) {
      const setting = settings[(round + offset) % settings.length] as Setting
      times.get(setting.label)?.push(await setting.run())
    }
  }
} finally {
  await redis.stop()
  await rm(root, {recursive: true, force: true})
}

const pages = shardCount * pagesPerShard
const of = (label: string, kind: keyof Times): number[] => (times.get(label) ?? []).map((time) => time[kind])
/** Median over rounds of `label`'s time over `baseline`'s in the same round. */
const ratio = (label: string, baseline: string, kind: keyof Times): number => median(of(label, kind).map((value, round) => value / (of(baseline, kind)[round] as number)))
const percent = (value: number): string => `${value >= 1 ? '+' : ''}${((value - 1) * 100).toFixed(1)}%`
const lines = [
  `${shardCount} WET shards of ${pagesPerShard} text dumps (${pages} pages, ${(bytes / 1e6).toFixed(1)} MB) from ${datasets.join(', ')}; ${values.rounds} rounds, medians:`,
  ...settings.map(({label}) => {
    const wall = median(of(label, 'wall'))
    const cpu = median(of(label, 'cpu'))
    return `  ${label.padEnd(30)} ${wall.toFixed(2).padStart(7)} s wall ${(pages / wall).toFixed(1).padStart(7)} pages/s ${(bytes / 1e6 / wall).toFixed(2)} MB/s | ${cpu.toFixed(2).padStart(7)} s CPU ${(pages / cpu).toFixed(1).padStart(7)} pages per CPU-second`
  }),
  `  queue over clean, 1 worker × 1 thread vs 1 job:   wall ${percent(ratio('queue, 1 worker × 1 thread', 'clean, 1 job', 'wall'))}, CPU ${percent(ratio('queue, 1 worker × 1 thread', 'clean, 1 job', 'cpu'))}`,
  `  queue over clean, 1 worker × 2 threads vs 2 jobs: wall ${percent(ratio('queue, 1 worker × 2 threads', 'clean, 2 jobs', 'wall'))}, CPU ${percent(ratio('queue, 1 worker × 2 threads', 'clean, 2 jobs', 'cpu'))}`,
  `  2 workers × 1 thread: ${(1 / ratio('queue, 2 workers × 1 thread', 'queue, 1 worker × 1 thread', 'wall')).toFixed(2)}× the pages/s of 1 worker × 1 thread`,
  `  queue add of ${shardCount} shards: ${median(addSeconds).toFixed(2)} s wall (not in the times above)`
]
process.stdout.write(`${lines.join('\n')}\n`)

/** WET files of conversion records from the datasets' dumps, a seeded sample, ids unique per record. */
async function writeShards(): Promise<number> {
  const dumps: string[] = []
  for (const dataset of datasets) {
    for (const file of (await readdir(dataset)).filter((name) => name.endsWith('.dump.txt')).sort()) dumps.push(path.join(dataset, file))
  }
  if (dumps.length === 0) throw new Error(`no <id>.dump.txt files in ${datasets.join(', ')}`)
  const chosen = seededSample(dumps, Math.min(dumps.length, shardCount * pagesPerShard), 17)
  await mkdir(shards, {recursive: true})
  let total = 0
  for (let shard = 0; shard < shardCount; shard++) {
    const members: Buffer[] = []
    for (let index = 0; index < pagesPerShard; index++) {
      const file = chosen[(shard * pagesPerShard + index) % chosen.length] as string
      const body = await readFile(file)
      total += body.length
      const headers = ['WARC/1.0', 'WARC-Type: conversion', `WARC-Target-URI: https://example.org/${path.basename(file)}`, 'WARC-Date: 2024-03-01T10:00:00Z', `WARC-Record-ID: <urn:uuid:${randomUUID()}>`, 'Content-Type: text/plain', `Content-Length: ${body.length}`]
      members.push(gzipSync(Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n\r\n`), body, Buffer.from('\r\n\r\n')])))
    }
    await writeFile(path.join(shards, `bench-${String(shard).padStart(5, '0')}.warc.wet.gz`), Buffer.concat(members))
  }
  return total
}

/** Run dechaff commands side by side to their end; their wall time and CPU time (user + system, all of them), in seconds. */
async function timed(commands: string[][]): Promise<Times> {
  const started = performance.now()
  const cpuBefore = childrenCpuSeconds()
  await Promise.all(
    commands.map(async (args) => {
      const child = spawn(process.execPath, [cli, ...args], {stdio: ['ignore', 'ignore', 'inherit']})
      const [code] = (await once(child, 'exit')) as [number | null]
      if (code !== 0) throw new Error(`dechaff ${args.join(' ')} exited with ${code}`)
    })
  )
  return {wall: (performance.now() - started) / 1000, cpu: childrenCpuSeconds() - cpuBefore}
}

interface Times {
  wall: number
  cpu: number
}

/** CPU seconds of every child this process has waited for (Linux: /proc/self/stat cutime + cstime, in clock ticks of 1/100 s). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticksPerSecond = 100
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond
}

async function plainClean(jobs: number): Promise<Times> {
  const out = path.join(root, 'clean')
  await mkdir(out, {recursive: true})
  return timed([['clean', shards, '--output', path.join(out, 'all.jsonl'), '--errors', path.join(out, 'errors.jsonl'), '--ordered', '--no-timings', '--quiet', '--jobs', String(jobs)]])
}

/** `queue add` to a fresh queue, then `workers` worker processes of `threads` threads each until it is empty. */
async function queued(workers: number, threads: number): Promise<Times> {
  const name = `bench-${++runNumber}`
  const out = path.join(root, name)
  const connection = ['--redis', redis.url, '--name', name]
  addSeconds.push((await timed([['queue', 'add', shards, '--out', out, '--quiet', ...connection]])).wall)
  const time = await timed(Array.from({length: workers}, () => ['worker', '--until-empty', '--quiet', '--jobs', String(threads), ...connection]))
  const files = (await readdir(out)).filter((file) => file.endsWith('.jsonl') && !file.endsWith('.errors.jsonl')).sort()
  const joined = Buffer.concat(await Promise.all(files.map((file) => readFile(path.join(out, file)))))
  if (!joined.equals(await readFile(path.join(root, 'clean', 'all.jsonl')))) throw new Error(`queue run ${name}: outputs differ from the plain clean's`)
  await rm(out, {recursive: true, force: true})
  return time
}
