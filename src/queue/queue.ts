import {Queue, type Job} from 'bullmq'
import type {OutputFormat} from '../batch/format.js'
import type {CleanOptions} from '../options.js'
import {connect, defaultQueueName, defaultRedisUrl, statsKey, type QueueConnectionOptions, type ShardCounts, type ShardJobData, type ShardResult} from './connection.js'
import {findShards, shardId, shardOutputs, shardPatterns, type ShardSelection} from './shards.js'

export interface AddOptions extends ShardSelection {
  /** Folder every worker can write to (a shared file system or a mounted bucket). */
  out: string
  /** Output format of each record's text (default: text). */
  format?: OutputFormat
  /** Cleaning options, as for `clean()`. */
  options?: CleanOptions
  /** Tries before a shard lands in the failed set (default: 3). */
  attempts?: number
  /** Wait before the first retry, doubled each time, in ms (default: 10,000). */
  backoffMs?: number
}

export interface AddReport {
  /** Shards found in the operands. */
  shards: number
  /** Jobs queued now; the rest were queued before. */
  added: number
}

export interface FailedShard {
  source: string
  reason: string
  attempts: number
}

export interface QueueStatus {
  counts: {waiting: number; active: number; completed: number; failed: number; delayed: number}
  /** Worker processes connected to the queue. */
  workers: number
  /** Records cleaned and error records, in completed shards and so far in active ones. */
  pages: number
  errors: number
  /** Pages per second from the first shard started to the last finished (0 before any finished). */
  pagesPerSecond: number
  /** Seconds left at the pace shards have finished so far (undefined before any finished). */
  etaSeconds?: number
  /** The failed shards (at most 100) and why. */
  failed: FailedShard[]
}

/** A queue of shards: add them, watch them, retry the failed. */
export interface DechaffQueue {
  add(shards: string[], options: AddOptions): Promise<AddReport>
  status(): Promise<QueueStatus>
  /** Move every failed shard back to waiting; the number moved. */
  retry(): Promise<number>
  close(): Promise<void>
}

const defaultAttempts = 3
const defaultBackoffMs = 10_000
/** Jobs added to Redis in one round trip. */
const addChunk = 500
const failedListed = 100

/** Open the queue named in `connection` on its Redis. */
export async function openQueue(connection: QueueConnectionOptions = {}): Promise<DechaffQueue> {
  const name = connection.name ?? defaultQueueName
  const client = connect(connection.redis ?? defaultRedisUrl, false)
  const queue = new Queue<ShardJobData, ShardResult>(name, {connection: client})
  // The client retries a lost connection a few times; a command that still fails rejects with the reason.
  queue.on('error', () => undefined)
  await queue.waitUntilReady()
  const status = async (): Promise<QueueStatus> => {
    const raw = await queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed')
    const counts = {
      waiting: (raw.waiting ?? 0) + (raw.prioritized ?? 0),
      active: raw.active ?? 0,
      completed: raw.completed ?? 0,
      failed: raw.failed ?? 0,
      delayed: raw.delayed ?? 0
    }
    const stats = await client.hgetall(statsKey(name))
    const active = (await queue.getJobs(['active'])) as Array<Job<ShardJobData, ShardResult>>
    const progress = active.map((job) => job.progress as Partial<ShardCounts>)
    const pages = Number(stats.pages ?? 0) + progress.reduce((sum, counts) => sum + (counts.pages ?? 0), 0)
    const errors = Number(stats.errors ?? 0) + progress.reduce((sum, counts) => sum + (counts.errors ?? 0), 0)
    const elapsed = (Number(stats.finished ?? 0) - Number(stats.started ?? 0)) / 1000
    const donePages = Number(stats.pages ?? 0) + Number(stats.errors ?? 0)
    const left = counts.waiting + counts.active + counts.delayed
    const failed = ((await queue.getFailed(0, failedListed - 1)) as Array<Job<ShardJobData, ShardResult>>).map((job) => ({source: job.data.source, reason: job.failedReason, attempts: job.attemptsMade}))
    return {
      counts,
      workers: (await queue.getWorkers()).length,
      pages,
      errors,
      pagesPerSecond: elapsed > 0 ? donePages / elapsed : 0,
      ...(elapsed > 0 && counts.completed > 0 ? {etaSeconds: (left * elapsed) / counts.completed} : {}),
      failed
    }
  }
  return {
    async add(operands, options) {
      const found = await findShards(operands, options)
      const ids = found.map(shardId)
      const known = await Promise.all(ids.map((id) => client.exists(queue.toKey(id))))
      const fresh = found.filter((_, index) => known[index] === 0)
      const jobs = fresh.map((shard) => ({
        name: shard.name,
        data: {
          source: shard.source,
          pages: shard.pages,
          name: shard.name,
          ...shardOutputs(options.out, shard.name),
          format: options.format ?? 'text',
          options: options.options ?? {},
          // A folder's page files are one shard; its shard files are shards of their own.
          ...(shard.pages ? {...(options.include ? {include: options.include} : {}), exclude: [...(options.exclude ?? []), ...shardPatterns]} : {})
        } satisfies ShardJobData,
        opts: {jobId: shardId(shard), attempts: options.attempts ?? defaultAttempts, backoff: {type: 'exponential', delay: options.backoffMs ?? defaultBackoffMs}}
      }))
      for (let start = 0; start < jobs.length; start += addChunk) await queue.addBulk(jobs.slice(start, start + addChunk))
      return {shards: found.length, added: fresh.length}
    },
    status,
    async retry() {
      const failed = await queue.getFailedCount()
      await queue.retryJobs({state: 'failed'})
      return failed
    },
    async close() {
      await queue.close()
      await client.quit().catch(() => undefined)
    }
  }
}
