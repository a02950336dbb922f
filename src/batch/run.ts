import {createWriteStream, type WriteStream} from 'node:fs'
import {mkdir, readFile, stat, truncate} from 'node:fs/promises'
import path from 'node:path'
import cliProgress from 'cli-progress'
import {formatExtensions, writeAtomically} from '../io.js'
import {budgetOf} from '../limits.js'
import type {CleanOptions} from '../options.js'
import type {CleanResult} from '../clean.js'
import type {OutputFormat} from './format.js'
import {WorkerPool} from './pool.js'
import {readRecords, type InputOptions, type PageRecord} from './records.js'
import {createTaskRunner, type TaskRunner, type WorkerReply} from './task.js'
import {warmedUp} from './warm-up.js'

export interface BatchOptions extends InputOptions {
  operands: string[]
  /** Folder mirroring the input. */
  out?: string
  /** JSON Lines output file (`-` for stdout); JSON Lines input without `out` writes JSON Lines to stdout. */
  output?: string
  format: OutputFormat
  ordered: boolean
  /** Worker threads; 0 cleans in this thread. */
  jobs: number
  /** JSON Lines file of `{id, reason}` for records that could not be cleaned (default: stderr). */
  errors?: string
  resume: boolean
  quiet: boolean
  /** Called with each page's full result; cleans in this thread (no workers) to have it. */
  explain?: (id: string, result: CleanResult) => void
  /** Each JSON Lines record's cleaning time, `ms` (default true); without it the output is byte-reproducible. */
  timings?: boolean
  /** Worker threads to clean on, made for the same options and format and left open (e.g. across a queue's shards); default: a pool of `jobs` made and closed here. */
  pool?: WorkerPool
  /** Called after each record is written or recorded as an error, with the counts so far. */
  onProgress?: (summary: Readonly<BatchSummary>) => void
  options: CleanOptions
}

export interface BatchSummary {
  pages: number
  skipped: number
  errors: number
  keptChars: number
  removedChars: number
  rules: Array<{rule: string; chars: number}>
  seconds: number
}

/** Grace beyond the in-page time budget before a worker is killed: the budget is checked between stages. */
const hardLimitFactor = 3

/**
 * Clean every record of the inputs: each yields exactly one output (a file
 * under `out`, a JSON Lines record, or text on stdout) or one error line.
 * Workers clean in parallel with a bounded queue; outputs are written
 * atomically, so `resume` can skip whatever a killed run completed.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now()
  const summary: BatchSummary = {pages: 0, skipped: 0, errors: 0, keptChars: 0, removedChars: 0, rules: [], seconds: 0}
  const rules = new Map<string, number>()
  const done = options.resume ? await completedIds(options) : new Set<string>()
  const errorSink = await openSink(options.errors, options.resume, process.stderr)
  let outputSink: Sink | undefined
  const ordered = new OrderedWriter()
  // This thread's cleaners are made and warmed up on its first page, as a worker's are before its first.
  let localRunner: TaskRunner | undefined
  const runLocal: TaskRunner = (message) => (localRunner ??= warmedUp(createTaskRunner(options.options, options.format, options.explain !== undefined)))(message)
  const jobs = options.explain ? 0 : options.jobs
  const multiple = options.operands.length > 1 || (await Promise.all(options.operands.map((operand) => operand !== '-' && stat(operand).then((info) => info.isDirectory(), () => false)))).some(Boolean)
  let pool: WorkerPool | undefined
  const progress = options.quiet || !process.stderr.isTTY ? undefined : startProgress()
  let bytes = 0
  const inFlight = new Set<Promise<void>>()
  const limit = Math.max(1, jobs * 2)
  let pagesSeen = 0

  const emit = async (seq: number, line: string | undefined): Promise<void> => {
    if (!outputSink) return
    // One write for all the lines now in order: awaiting each would let another record's write cut in between.
    const ready = options.ordered ? ordered.add(seq, line).join('') : (line ?? '')
    if (ready) await outputSink.write(ready)
  }
  const recordError = async (seq: number, id: string, reason: string): Promise<void> => {
    summary.errors++
    await errorSink.write(`${JSON.stringify({id, reason})}\n`)
    await emit(seq, undefined)
    progress?.update({errors: summary.errors})
    options.onProgress?.(summary)
  }
  const finish = async (record: PageRecord, reply: WorkerReply): Promise<void> => {
    if (!reply.ok) return recordError(record.seq, record.id, reply.error)
    summary.pages++
    summary.keptChars += reply.text.length
    for (const {rule, chars} of reply.removed) {
      rules.set(rule, (rules.get(rule) ?? 0) + chars)
      summary.removedChars += chars
    }
    if (options.explain && reply.result) options.explain(record.id, reply.result)
    if (options.out) {
      await writeAtomically(targetOf(options, record), reply.text)
      await emit(record.seq, undefined)
    } else if (outputSink?.jsonl) {
      await emit(record.seq, `${JSON.stringify({id: record.id, ...record.fields, text: reply.text, metadata: reply.metadata, removed: reply.removed, ...(options.timings === false ? {} : {ms: Math.round(reply.ms)})})}\n`)
    } else {
      await emit(record.seq, multiple ? `==> ${record.id} <==\n${reply.text}` : reply.text)
    }
    const seconds = (performance.now() - started) / 1000
    progress?.increment(1, {speed: (summary.pages / seconds).toFixed(1), mb: (bytes / 1e6 / seconds).toFixed(1)})
    options.onProgress?.(summary)
  }

  try {
    for await (const record of readRecords(options.operands, options)) {
      outputSink ??= await openOutput(options, record.type === 'page' && record.fields !== undefined)
      if (done.has(record.id) || (options.resume && options.out && record.type === 'page' && (await exists(targetOf(options, record))))) {
        summary.skipped++
        await emit(record.seq, undefined)
        continue
      }
      if (record.type === 'bad') {
        await recordError(record.seq, record.id, record.reason)
        continue
      }
      pagesSeen++
      bytes += typeof record.input === 'string' ? record.input.length : record.input.byteLength
      // A lone page is cleaned here; a second page, or a record of a JSON Lines or WARC stream, means a batch worth workers.
      if ((pagesSeen > 1 || record.fields !== undefined) && jobs > 0) {
        pool ??= options.pool ?? createPool(jobs, options.options, options.format)
      }
      const page = {id: record.id, input: record.input, ...(record.kind ? {kind: record.kind} : {}), ...(record.charset ? {charset: record.charset} : {})}
      const job = pool ? pool.run(page).then((reply) => finish(record, reply)) : finish(record, runLocal({task: record.seq, ...page}))
      const tracked: Promise<void> = job.finally(() => inFlight.delete(tracked))
      inFlight.add(tracked)
      if (inFlight.size >= limit) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
  } finally {
    if (pool !== options.pool) await pool?.close()
    progress?.stop()
    await outputSink?.close()
    await errorSink.close()
  }
  summary.rules = [...rules].map(([rule, chars]) => ({rule, chars})).sort((a, b) => b.chars - a.chars)
  summary.seconds = (performance.now() - started) / 1000
  return summary
}

/** `jobs` worker threads for these options, each page stopped at a multiple of its time budget. */
export function createPool(jobs: number, options: CleanOptions, format: OutputFormat): WorkerPool {
  const budget = budgetOf(options)
  return new WorkerPool({jobs, options, format, hardTimeoutMs: budget > 0 ? budget * hardLimitFactor : 0})
}

/** Writes lines in input order: each waits for every earlier record's line (or its absence). */
class OrderedWriter {
  private next = 0
  private readonly pending = new Map<number, string | undefined>()

  add(seq: number, line: string | undefined): string[] {
    this.pending.set(seq, line)
    const ready: string[] = []
    while (this.pending.has(this.next)) {
      const value = this.pending.get(this.next)
      this.pending.delete(this.next)
      if (value !== undefined) ready.push(value)
      this.next++
    }
    return ready
  }
}

interface Sink {
  jsonl: boolean
  write(text: string): Promise<void>
  close(): Promise<void>
}

async function openOutput(options: BatchOptions, recordsInput: boolean): Promise<Sink> {
  if (options.out) return {jsonl: false, write: async () => undefined, close: async () => undefined}
  const jsonl = options.output !== undefined || recordsInput || options.format === 'json'
  const target = options.output && options.output !== '-' ? options.output : undefined
  const sink = await openSink(target, options.resume, process.stdout)
  return {...sink, jsonl}
}

/** A file to write lines to (appending on resume), or the given standard stream. */
async function openSink(file: string | undefined, append: boolean, fallback: NodeJS.WriteStream): Promise<Sink> {
  if (!file) return {jsonl: true, write: (text) => writeTo(fallback, text), close: async () => undefined}
  await mkdir(path.dirname(path.resolve(file)), {recursive: true})
  const stream = createWriteStream(file, {flags: append ? 'a' : 'w'})
  return {jsonl: true, write: (text) => writeTo(stream, text), close: () => new Promise((resolve) => stream.end(resolve))}
}

function writeTo(stream: NodeJS.WritableStream | WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()))
  })
}

/**
 * Ids a killed run already finished: files under `out` are complete (written
 * by rename); a JSON Lines output or errors file is cut back to its last whole
 * line and its ids read.
 */
async function completedIds(options: BatchOptions): Promise<Set<string>> {
  const ids = new Set<string>()
  const files = [options.output && options.output !== '-' ? options.output : undefined, options.errors].filter((file): file is string => Boolean(file))
  for (const file of files) {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      continue
    }
    const whole = text.lastIndexOf('\n') + 1
    if (whole < text.length) await truncate(file, Buffer.byteLength(text.slice(0, whole)))
    for (const line of text.slice(0, whole).split('\n')) {
      if (!line) continue
      try {
        const id = (JSON.parse(line) as {id?: unknown}).id
        if (id !== undefined) ids.add(String(id))
      } catch {
        // A damaged line is not a finished record.
      }
    }
  }
  return ids
}

/** Where a record's output goes under `out`. */
function targetOf(options: BatchOptions, record: PageRecord): string {
  return path.join(options.out as string, record.relative.replace(/\.txt$/u, formatExtensions[options.format]))
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false
  )
}

/** A progress line on stderr: pages, pages/s, MB/s, errors, elapsed time. */
function startProgress(): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    {format: 'dechaff {value} pages | {speed} pages/s | {mb} MB/s | {errors} errors | {duration_formatted}', stream: process.stderr, hideCursor: true, noTTYOutput: false},
    cliProgress.Presets.shades_classic
  )
  bar.start(0, 0, {speed: '0.0', mb: '0.0', errors: 0})
  return bar
}
