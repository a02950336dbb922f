import {Redis} from 'ioredis'
import type {OutputFormat} from '../batch/format.js'
import type {CleanOptions} from '../options.js'

/** Where the queue lives. */
export interface QueueConnectionOptions {
  /** Redis URL (default: `redis://127.0.0.1:6379`). */
  redis?: string
  /** Queue name: one per crawl or run (default: `dechaff`). */
  name?: string
}

export const defaultRedisUrl = 'redis://127.0.0.1:6379'
export const defaultQueueName = 'dechaff'
/** BullMQ's key prefix: the queue's keys are `bull:<name>:…`. */
export const keyPrefix = 'bull'

/** What a job carries: the shard, where its outputs go, and how to clean it. */
export interface ShardJobData {
  source: string
  pages: boolean
  name: string
  /** Absolute paths under `--out`. */
  output: string
  errors: string
  format: OutputFormat
  options: CleanOptions
  include?: string[]
  exclude?: string[]
}

/** Records cleaned and recorded as errors so far: a job's progress and, at the end, its result. */
export interface ShardCounts {
  pages: number
  errors: number
}

export interface ShardResult extends ShardCounts {
  seconds: number
  /** `host:pid` of the worker process that cleaned it. */
  worker: string
}

/**
 * A Redis client for BullMQ. A worker's retries forever (Redis restarted
 * costs time, not work); a command-line client's gives up after a few
 * seconds with the connection error.
 */
export function connect(url: string, persistent: boolean): Redis {
  const maxAttempts = 8
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => (persistent || times < maxAttempts ? Math.min(times * 200, 2000) : null)
  })
  return client
}

/** The hash where workers add up pages, errors and times across shards. */
export function statsKey(name: string): string {
  return `${keyPrefix}:${name}:dechaff-stats`
}
