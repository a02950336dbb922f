import {createWriteStream, type WriteStream} from 'node:fs'
import {mkdir, readFile, rm, rmdir, stat, truncate} from 'node:fs/promises'
import path from 'node:path'
import cliProgress from 'cli-progress'
import {formatExtensions, writeAtomically} from '../io.js'
import {budgetOf, defaultMaxBytes} from '../limits.js'
import type {CleanOptions} from '../options.js'
import type {CleanResult} from '../clean.js'
import type {OutputFormat} from './format.js'
import {WorkerPool} from './pool.js'
import {idKey, readRecords, type InputOptions, type InputRecord, type PageRecord} from './records.js'
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
  /** With `resume`: clean again every record of the errors file, not only those that timed out or lost their worker. */
  retryErrors?: boolean
  quiet: boolean
  /** Called with each page's full result, for lines to write to stderr; cleans in this thread (no workers) to have it. */
  explain?: (id: string, result: CleanResult) => string
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
  /** Records not cleaned: done by a run resumed, or not pages (a WARC record of an image). */
  skipped: number
  errors: number
  keptChars: number
  removedChars: number
  rules: Array<{rule: string; chars: number}>
  seconds: number
  /** Folder operands that held no file to clean (`--include` taking none, say). */
  emptyFolders: string[]
}

/** Grace beyond the in-page time budget before a worker is killed: the budget is checked between stages. */
const hardLimitFactor = 3
/** Folder under `--out` for files being written; what a killed run left there is removed on resume. */
const temporaryFolderName = '.dechaff-tmp'
/** Errors of writing outputs that no other record could escape: the batch stops. */
const fatalWriteCodes = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'EMFILE', 'ENFILE', 'EBADF', 'EPIPE'])

/**
 * A batch that stopped on a fatal error (an output it cannot write): every
 * record finished before it is written; `--resume` does the rest.
 */
export class BatchStoppedError extends Error {
  override name = 'BatchStoppedError'
}

/** Standard output was closed by its reader (`| head`): the batch stops quietly. */
export class OutputClosedError extends Error {
  override name = 'OutputClosedError'
}

/**
 * Clean every record of the inputs: each yields exactly one output (a file
 * under `out`, a JSON Lines record, or text on stdout) or one error record.
 * Workers clean in parallel with a bounded queue; outputs are written
 * atomically, so `resume` can skip whatever a killed run completed. An output
 * that cannot be written stops the batch: pages in flight finish or are left
 * undone (in neither file), workers close, and a `BatchStoppedError` says
 * what happened.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now()
  const summary: BatchSummary = {pages: 0, skipped: 0, errors: 0, keptChars: 0, removedChars: 0, rules: [], seconds: 0, emptyFolders: []}
  const rules = new Map<string, number>()
  const temporaryRoot = options.out ? path.join(options.out, temporaryFolderName) : undefined
  const temporaryFolder = temporaryRoot ? path.join(temporaryRoot, String(process.pid)) : undefined
  if (options.resume && temporaryRoot) await rm(temporaryRoot, {recursive: true, force: true})
  if (temporaryFolder) {
    // Resolved first: see writeAtomically (a deleted working folder).
    await mkdir(path.resolve(temporaryFolder), {recursive: true}).catch((error: unknown) => {
      throw new BatchStoppedError(`cannot write ${options.out}: ${(error as Error).message}`)
    })
  }
  const done = options.resume ? await completedIds(options) : new Map<string, number>()
  let fatal: Error | undefined
  const stop = (error: unknown, what: string): void => {
    const code = (error as NodeJS.ErrnoException).code
    fatal ??= code === 'EPIPE' && what === 'standard output' ? new OutputClosedError('standard output closed') : new BatchStoppedError(`cannot write ${what}: ${(error as Error).message}`)
  }
  const progress = options.quiet || !process.stderr.isTTY ? undefined : startProgress()
  const opened = await openSink(options.errors, options.resume, process.stderr).catch((error: unknown) => {
    throw new BatchStoppedError(`cannot write ${options.errors}: ${(error as Error).message}`)
  })
  // On a terminal, lines for stderr go above the progress line, never onto it.
  const toStderr = (text: string): void => (progress ? progress.log(text) : void process.stderr.write(text))
  const errorSink: Sink = progress && opened.name === 'standard error' ? {...opened, write: async (text) => toStderr(text)} : opened
  let outputSink: Sink | undefined
  const ordered = new OrderedWriter()
  // This thread's cleaners are made and warmed up on its first page, as a worker's are before its first.
  let localRunner: TaskRunner | undefined
  const runLocal: TaskRunner = (message) => (localRunner ??= warmedUp(createTaskRunner(options.options, options.format, options.explain !== undefined)))(message)
  const jobs = options.explain ? 0 : options.jobs
  const multiple = options.operands.length > 1 || (await Promise.all(options.operands.map((operand) => operand !== '-' && stat(operand).then((info) => info.isDirectory(), () => false)))).some(Boolean)
  let pool: WorkerPool | undefined
  let bytes = 0
  const inFlight = new Set<Promise<void>>()
  const limit = Math.max(1, jobs * 2)
  let pagesSeen = 0
  let recordsRead = 0
  // Whether the inputs name JSON Lines or WARC files: the output is JSON Lines, whichever record comes first.
  let streams = false

  const emit = async (seq: number, line: string | undefined): Promise<void> => {
    if (!outputSink || fatal) return
    // One write for the lines a record releases, so a later record's line cannot slip in between.
    const text = options.ordered ? ordered.add(seq, line).join('') : (line ?? '')
    if (text) await outputSink.write(text).catch((error: unknown) => stop(error, outputSink?.name ?? 'the output'))
  }
  const recordError = async (record: InputRecord, reason: string): Promise<void> => {
    if (fatal) return
    const id = 'rawId' in record ? record.rawId : record.id
    try {
      await errorSink.write(`${JSON.stringify({id, reason})}\n`)
    } catch (error) {
      return stop(error, errorSink.name)
    }
    summary.errors++
    await emit(record.seq, undefined)
    progress?.advance(summary, bytes)
    options.onProgress?.(summary)
  }
  const finish = async (record: PageRecord, reply: WorkerReply): Promise<void> => {
    // After a fatal error a page is left undone, whatever its reply: resume cleans it.
    if (fatal) return
    if (!reply.ok) return recordError(record, reply.error)
    if (options.out) {
      try {
        await writeAtomically(targetOf(options, record), reply.document ? `${JSON.stringify({id: record.rawId ?? record.id, ...record.fields, ...reply.document})}\n` : reply.text, temporaryFolder)
      } catch (error) {
        if (fatalWriteCodes.has((error as NodeJS.ErrnoException).code ?? '')) return stop(error, targetOf(options, record))
        return recordError(record, `cannot write output: ${(error as Error).message}`)
      }
      await emit(record.seq, undefined)
    } else if (outputSink?.jsonl) {
      await emit(record.seq, `${JSON.stringify({id: record.id, ...record.fields, ...(reply.document ?? {language: reply.language, text: reply.text, ...(reply.comments === undefined ? {} : {comments: reply.comments}), metadata: reply.metadata}), removed: reply.removed, ...(options.timings === false ? {} : {ms: Math.round(reply.ms)})})}\n`)
    } else {
      await emit(record.seq, multiple ? `==> ${record.id} <==\n${reply.text}` : reply.text)
    }
    if (fatal) return
    summary.pages++
    summary.keptChars += reply.text.length
    for (const {rule, chars} of reply.removed) {
      rules.set(rule, (rules.get(rule) ?? 0) + chars)
      summary.removedChars += chars
    }
    if (options.explain && reply.result) toStderr(options.explain(record.id, reply.result))
    progress?.advance(summary, bytes)
    options.onProgress?.(summary)
  }

  try {
    for await (const record of readRecords(options.operands, {...inputOptionsOf(options), onPlan: (plan) => {
      streams = plan.streams
      if (plan.total !== undefined) progress?.setTotal(plan.total)
    }, onEmptyFolder: (folder) => summary.emptyFolders.push(folder)})) {
      if (fatal) break
      recordsRead++
      if (!outputSink) {
        outputSink = await openOutput(options, streams || record.fromRecords).catch((error: unknown) => {
          throw new BatchStoppedError(`cannot write ${options.output}: ${(error as Error).message}`)
        })
      }
      if (record.type === 'skipped') {
        summary.skipped++
        await emit(record.seq, undefined)
        progress?.advance(summary, bytes)
        continue
      }
      if (takeDone(done, record.id) || (options.resume && options.out && record.type === 'page' && (await exists(targetOf(options, record))))) {
        summary.skipped++
        await emit(record.seq, undefined)
        progress?.advance(summary, bytes)
        continue
      }
      if (record.type === 'bad') {
        await recordError(record, record.reason)
        continue
      }
      pagesSeen++
      bytes += typeof record.input === 'string' ? record.input.length : record.input.byteLength
      // A lone page is cleaned here; a second page, or a record of a JSON Lines or WARC stream, means a batch worth workers.
      if ((pagesSeen > 1 || record.fromRecords) && jobs > 0) {
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
    await outputSink?.close().catch((error: unknown) => stop(error, outputSink?.name ?? 'the output'))
    await errorSink.close().catch((error: unknown) => stop(error, errorSink.name))
    if (temporaryFolder) await rm(temporaryFolder, {recursive: true, force: true})
    if (temporaryRoot) await rmdir(temporaryRoot).catch(() => undefined)
  }
  if (fatal instanceof BatchStoppedError) {
    const finished = summary.pages + summary.errors + summary.skipped
    fatal.message += `; stopped after ${finished} of the ${recordsRead} records read (run again with --resume to do the rest)`
  }
  if (fatal) throw fatal
  summary.rules = [...rules].map(([rule, chars]) => ({rule, chars})).sort((a, b) => b.chars - a.chars)
  summary.seconds = (performance.now() - started) / 1000
  return summary
}

/** `jobs` worker threads for these options, each page stopped at a multiple of its time budget. */
export function createPool(jobs: number, options: CleanOptions, format: OutputFormat): WorkerPool {
  const budget = budgetOf(options)
  return new WorkerPool({jobs, options, format, hardTimeoutMs: budget > 0 ? budget * hardLimitFactor : 0})
}

/** How to read the inputs: line and page limits from the cleaning options, and `--input text|html` for standard input. */
function inputOptionsOf(options: BatchOptions): InputOptions {
  const kind = options.options.input
  return {
    ...(options.include ? {include: options.include} : {}),
    ...(options.exclude ? {exclude: options.exclude} : {}),
    maxLineBytes: maxLineBytesOf(options.options),
    maxPageBytes: options.options.maxBytes ?? defaultMaxBytes,
    ...(kind === 'text' || kind === 'html' ? {stdinKind: kind} : {})
  }
}

/** Longest JSON Lines line worth reading: a page at the size limit, every character escaped. */
function maxLineBytesOf(options: CleanOptions): number {
  return 8 * (options.maxBytes ?? defaultMaxBytes) + 65_536
}

/** Whether a previous run finished a record with this id (as many times as it did). */
function takeDone(done: Map<string, number>, id: string): boolean {
  const count = done.get(id)
  if (!count) return false
  if (count === 1) done.delete(id)
  else done.set(id, count - 1)
  return true
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
  /** The file or stream, for messages. */
  name: string
  jsonl: boolean
  write(text: string): Promise<void>
  close(): Promise<void>
}

async function openOutput(options: BatchOptions, recordsInput: boolean): Promise<Sink> {
  if (options.out) return {name: options.out, jsonl: false, write: async () => undefined, close: async () => undefined}
  const jsonl = options.output !== undefined || recordsInput || options.format === 'json'
  const target = options.output && options.output !== '-' ? options.output : undefined
  const sink = await openSink(target, options.resume, process.stdout)
  return {...sink, jsonl}
}

/** The process's own streams by name. */
const standardStreams = new Map<string, NodeJS.WriteStream>([
  ['/dev/stdout', process.stdout],
  ['/dev/stderr', process.stderr]
])

/**
 * A file to write lines to (appending on resume), opened before the first
 * write so an unwritable file fails at once, or the given standard stream.
 * A write that fails rejects, with the stream's error.
 */
async function openSink(file: string | undefined, append: boolean, fallback: NodeJS.WriteStream): Promise<Sink> {
  // The process's own streams by name: opening them again fails where they are sockets (a parent's pipes).
  const standard = file === undefined ? undefined : standardStreams.get(file)
  if (!file || standard) {
    fallback = standard ?? fallback
    const name = fallback === process.stdout ? 'standard output' : 'standard error'
    // A closed stream emits its error as well as passing it to the write: heard here, it is not a crash.
    if (fallback.listenerCount('error') === 0) fallback.on('error', () => undefined)
    return {name, jsonl: true, write: (text) => writeTo(fallback, text), close: async () => undefined}
  }
  await mkdir(path.dirname(path.resolve(file)), {recursive: true})
  const stream = createWriteStream(file, {flags: append ? 'a' : 'w'})
  let failure: Error | undefined
  stream.on('error', (error) => {
    failure ??= error
  })
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', resolve)
    stream.once('error', reject)
  })
  return {
    name: file,
    jsonl: true,
    write: (text) => (failure ? Promise.reject(failure) : writeTo(stream, text)),
    close: () =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure)
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()))
      })
  }
}

function writeTo(stream: NodeJS.WritableStream | WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()))
  })
}

/**
 * Ids a killed run already finished, with how often (an id may recur as a
 * duplicate's error): files under `out` are complete (written by rename); a
 * JSON Lines output or errors file is cut back to its last whole line and
 * its ids read, keyed as the input's are. An error that another try may
 * not repeat (a time-out, a lost worker), or with `retryErrors` any error,
 * is taken out of the errors file: its record is cleaned again.
 */
async function completedIds(options: BatchOptions): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  const files = [options.output && options.output !== '-' ? options.output : undefined, options.errors].filter((file): file is string => Boolean(file) && !standardStreams.has(file as string))
  for (const file of files) {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      continue
    }
    const whole = text.lastIndexOf('\n') + 1
    if (whole < text.length) await truncate(file, Buffer.byteLength(text.slice(0, whole)))
    const kept: string[] = []
    for (const line of text.slice(0, whole).split('\n')) {
      if (!line) continue
      try {
        const record = JSON.parse(line) as {id?: unknown; reason?: unknown}
        if (!Object.hasOwn(record, 'id')) continue
        if (file === options.errors && (options.retryErrors || retryable(record.reason))) continue
        const key = idKey(record.id)
        ids.set(key, (ids.get(key) ?? 0) + 1)
        kept.push(line)
      } catch {
        // A damaged line is not a finished record.
      }
    }
    if (file === options.errors && kept.length < text.slice(0, whole).split('\n').filter(Boolean).length) {
      await writeAtomically(file, kept.map((line) => `${line}\n`).join(''))
    }
  }
  return ids
}

/** Reasons of errors that come from the run rather than the page: a time-out, a worker lost or stopped. */
const retryableReasons = /^(?:DechaffTimeoutError|page took longer than|worker (?:crashed|exited|failed to start)|not done)/u

function retryable(reason: unknown): boolean {
  return typeof reason === 'string' && retryableReasons.test(reason)
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

/** The progress line on a terminal, and a way to write lines above it. */
interface Progress {
  /** The number of records, once known: the line gains a bar, a percentage and an ETA. */
  setTotal(total: number): void
  advance(summary: Readonly<BatchSummary>, bytes: number): void
  log(text: string): void
  stop(): void
}

/** A progress line on stderr: pages, pages/s, MB/s, errors, elapsed time, and with a known total its bar, percentage and ETA. */
function startProgress(): Progress {
  const started = performance.now()
  let total: number | undefined
  const bars = new cliProgress.MultiBar({
    stream: process.stderr,
    hideCursor: true,
    // Ctrl-C must still stop the batch: no handler of the bar's own.
    gracefulExit: false,
    format: (options, params, payload: {speed: string; mb: string; errors: string}) => {
      const counts = `${payload.speed} pages/s | ${payload.mb} MB/s | ${payload.errors}`
      if (total === undefined) return `dechaff ${plural(params.value, 'record')} | ${counts} | ${cliProgress.Format.TimeFormat(Math.round((Date.now() - params.startTime) / 1000), options, 1)}`
      const bar = cliProgress.Format.BarFormat(params.progress, options)
      return `dechaff ${bar} ${Math.floor(params.progress * 100)}% | ${params.value}/${plural(total, 'record')} | ${counts} | ETA ${cliProgress.Format.TimeFormat(params.eta, options, 1)}`
    }
  }, cliProgress.Presets.shades_classic)
  const bar = bars.create(0, 0, {speed: '0.0', mb: '0.0', errors: plural(0, 'error')})
  return {
    setTotal(records) {
      total = records
      bar.setTotal(records)
    },
    advance(summary, bytes) {
      const seconds = (performance.now() - started) / 1000
      bar.update(summary.pages + summary.skipped + summary.errors, {speed: (summary.pages / seconds).toFixed(1), mb: (bytes / 1e6 / seconds).toFixed(1), errors: plural(summary.errors, 'error')})
    },
    log: (text) => bars.log(text.endsWith('\n') ? text : `${text}\n`),
    stop() {
      // The bars write logged lines only when they redraw: once more, then stop.
      bars.update()
      bars.stop()
    }
  }
}

/** `1 page`, `2 pages`. */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`
}
