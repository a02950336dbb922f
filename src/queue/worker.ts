import {randomBytes} from 'node:crypto'
import {mkdir, open, rename, rm, stat} from 'node:fs/promises'
import {availableParallelism, hostname} from 'node:os'
import path from 'node:path'
import {Queue, Worker, type Job} from 'bullmq'
import type {WorkerPool} from '../batch/pool.js'
import {createPool, runBatch} from '../batch/run.js'
import {connect, defaultQueueName, defaultRedisUrl, statsKey, type QueueConnectionOptions, type ShardJobData, type ShardResult} from './connection.js'

export interface StartWorkerOptions extends QueueConnectionOptions {
  /** Worker threads cleaning a shard's pages (default: the number of cores). */
  jobs?: number
  /**
   * How long a shard stays claimed without its worker renewing the claim, in
   * ms: a killed worker's shard goes to another worker after about this long
   * (default: 30,000, BullMQ's).
   */
  lockMs?: number
  /** Stop once no shard is waiting, delayed or active anywhere (default: keep waiting for shards). */
  untilEmpty?: boolean
  /** Told when a shard starts, is done or fails, and of connection errors, with the worker's name. */
  onEvent?: (event: WorkerEvent, worker: string) => void
}

export type WorkerEvent =
  | {type: 'started'; source: string; attempt: number}
  | {type: 'done'; source: string; result: ShardResult}
  | {type: 'failed'; source: string; reason: string; final: boolean}
  | {type: 'error'; message: string}

export interface DechaffWorker {
  /** `host:pid`, as the queue's jobs record it. */
  name: string
  /** Finish the shard in hand, then stop. */
  close(): Promise<void>
  /** Settles when the worker has stopped (after `close`, or when `untilEmpty` found nothing left). */
  closed: Promise<void>
}

const defaultLockMs = 30_000
/** Times a shard may be found stalled (its worker gone) and handed on before it fails. */
const maxStalledCount = 3
/** Least time between two progress reports of a shard, in ms. */
const progressEveryMs = 1000
/** How often an idle `untilEmpty` worker asks whether anything is left, in ms. */
const idleCheckMs = 500

/**
 * Take shards from the queue and clean each with the batch runner on one
 * pool of worker threads: the shard's JSON Lines output and its errors file
 * are written to temp files, flushed to disk and renamed into place, and only
 * then is the shard done. A retried shard (its worker killed, Redis gone for
 * a while) is rewritten from the start, so the rename leaves one whole copy.
 */
export async function launchWorker(settings: StartWorkerOptions = {}): Promise<DechaffWorker> {
  const name = `${hostname()}:${process.pid}`
  const queueName = settings.name ?? defaultQueueName
  const client = connect(settings.redis ?? defaultRedisUrl, true)
  const jobs = Math.max(1, settings.jobs ?? availableParallelism())
  const lockMs = settings.lockMs ?? defaultLockMs
  const tell = (event: WorkerEvent): void => settings.onEvent?.(event, name)
  let pool: {key: string; pool: WorkerPool} | undefined
  const poolFor = async (data: ShardJobData): Promise<WorkerPool> => {
    const key = JSON.stringify([data.options, data.format])
    if (pool?.key !== key || pool.pool.failure !== undefined) {
      await pool?.pool.close()
      pool = {key, pool: createPool(jobs, data.options, data.format)}
    }
    return pool.pool
  }

  const processShard = async (job: Job<ShardJobData, ShardResult>): Promise<ShardResult> => {
    const data = job.data
    const started = performance.now()
    tell({type: 'started', source: data.source, attempt: job.attemptsStarted})
    void client.hsetnx(statsKey(queueName), 'started', Date.now())
    await stat(data.source).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`shard ${data.source} cannot be read: ${error.code ?? error.message}`)
    })
    await mkdir(path.dirname(path.resolve(data.output)), {recursive: true})
    // Unique across machines sharing the folder: two workers on one shard never write the same temp file.
    const suffix = `.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    const temporary = {output: data.output + suffix, errors: data.errors + suffix}
    let reported = 0
    try {
      const threads = await poolFor(data)
      const summary = await runBatch({
        operands: [data.source],
        output: temporary.output,
        errors: temporary.errors,
        format: data.format,
        ordered: true,
        timings: false,
        jobs,
        pool: threads,
        resume: false,
        quiet: true,
        options: data.options,
        ...(data.include ? {include: data.include} : {}),
        ...(data.exclude ? {exclude: data.exclude} : {}),
        onProgress: ({pages, errors}) => {
          if (performance.now() - reported < progressEveryMs) return
          reported = performance.now()
          job.updateProgress({pages, errors}).catch(() => undefined)
        }
      })
      // Threads that cannot start (out of memory, say) turn every page into an error: that is this machine's failure, not the shard's.
      if (threads.failure !== undefined) throw new Error(threads.failure)
      await flushToDisk(temporary.output)
      await flushToDisk(temporary.errors)
      await rename(temporary.errors, data.errors)
      await rename(temporary.output, data.output)
      await flushToDisk(path.dirname(data.output))
      const result: ShardResult = {pages: summary.pages, errors: summary.errors, seconds: (performance.now() - started) / 1000, worker: name}
      await client.multi().hincrby(statsKey(queueName), 'pages', result.pages).hincrby(statsKey(queueName), 'errors', result.errors).hset(statsKey(queueName), 'finished', Date.now()).exec()
      return result
    } catch (error) {
      await Promise.all(Object.values(temporary).map((file) => rm(file, {force: true})))
      throw error
    }
  }

  const worker = new Worker<ShardJobData, ShardResult>(queueName, processShard, {
    connection: client,
    name,
    concurrency: 1,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount
  })
  worker.on('completed', (job, result) => tell({type: 'done', source: job.data.source, result}))
  worker.on('failed', (job, error) => {
    if (job) tell({type: 'failed', source: job.data.source, reason: error.message, final: job.attemptsMade >= (job.opts.attempts ?? 1)})
  })
  // A lost connection is retried by the client; said once per failure, it must not end the process.
  worker.on('error', (error) => tell({type: 'error', message: error.message}))

  let closing: Promise<void> | undefined
  let idleTimer: NodeJS.Timeout | undefined
  const queue = settings.untilEmpty ? new Queue(queueName, {connection: client}) : undefined
  queue?.on('error', () => undefined)
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      clearInterval(idleTimer)
      await worker.close()
      await queue?.close()
      await pool?.pool.close()
      await client.quit().catch(() => client.disconnect())
    })())
  let resolveClosed: () => void = () => undefined
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve
  })
  await worker.waitUntilReady()
  if (queue) {
    const stopIfEmpty = (): void => {
      queue
        .getJobCounts('waiting', 'prioritized', 'active', 'delayed')
        .then((counts) => {
          if (Object.values(counts).every((count) => count === 0)) void close().then(resolveClosed)
        })
        .catch(() => undefined)
    }
    // Asked after each of our shards, and now and then for the shards other workers finish.
    worker.on('completed', stopIfEmpty)
    worker.on('failed', stopIfEmpty)
    idleTimer = setInterval(stopIfEmpty, idleCheckMs)
  }
  return {
    name,
    close: () => close().then(resolveClosed),
    closed
  }
}

/** fsync a file or folder: the shard is done only once its outputs would survive a crash. */
async function flushToDisk(file: string): Promise<void> {
  try {
    const handle = await open(file, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    // A shard without records opens no output: it is an empty file. Folders cannot be synced on every system.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') await open(file, 'w').then(async (handle) => handle.sync().finally(() => handle.close()))
    else if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EINVAL') throw error
  }
}
