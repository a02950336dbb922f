import type {QueueConnectionOptions} from './connection.js'
import type {DechaffQueue} from './queue.js'
import type {DechaffWorker, StartWorkerOptions} from './worker.js'

export type {QueueConnectionOptions, ShardJobData, ShardResult} from './connection.js'
export type {AddOptions, AddReport, DechaffQueue, FailedShard, QueueStatus} from './queue.js'
export type {DechaffWorker, StartWorkerOptions, WorkerEvent} from './worker.js'

// BullMQ and its Redis client load only when a queue is used: importing dechaff to clean pages stays light.

/** Open a shard queue on Redis: add shards, read its status, retry failed shards. */
export async function createQueue(connection: QueueConnectionOptions = {}): Promise<DechaffQueue> {
  const {openQueue} = await import('./queue.js')
  return openQueue(connection)
}

/** Start a worker that takes shards from the queue until closed. */
export async function startWorker(options: StartWorkerOptions = {}): Promise<DechaffWorker> {
  const {launchWorker} = await import('./worker.js')
  return launchWorker(options)
}
