import {setTimeout as sleep} from 'node:timers/promises'
import {createQueue, startWorker} from '../queue/index.js'
import type {AddOptions, QueueConnectionOptions, QueueStatus, WorkerEvent} from '../queue/index.js'

/** `dechaff queue add`: one job per shard; shards queued before are left as they are. */
export async function runQueueAdd(connection: QueueConnectionOptions, operands: string[], options: AddOptions & {quiet: boolean}): Promise<number> {
  const queue = await createQueue(connection)
  try {
    const report = await queue.add(operands, options)
    if (!options.quiet) process.stderr.write(`dechaff: queued ${report.added} of ${report.shards} shards (${report.shards - report.added} were queued before)\n`)
    return 0
  } finally {
    await queue.close()
  }
}

/** How often `--watch` redraws, in ms. */
const watchEveryMs = 2000

/** `dechaff queue status`: counts, pages, speed and ETA; `--watch` redraws until interrupted, `--json` prints one object. */
export async function runQueueStatus(connection: QueueConnectionOptions, view: {json: boolean; watch: boolean}): Promise<number> {
  const queue = await createQueue(connection)
  try {
    if (!view.watch) {
      const status = await queue.status()
      process.stdout.write(view.json ? `${JSON.stringify(status)}\n` : formatStatus(status))
      return 0
    }
    let stop = false
    process.once('SIGINT', () => {
      stop = true
    })
    let previous: {pages: number; at: number} | undefined
    while (!stop) {
      const status = await queue.status()
      const at = performance.now()
      const now = previous ? ((status.pages + status.errors - previous.pages) * 1000) / (at - previous.at) : undefined
      previous = {pages: status.pages + status.errors, at}
      if (view.json) process.stdout.write(`${JSON.stringify(status)}\n`)
      else process.stdout.write(`${process.stdout.isTTY ? '\u001B[2J\u001B[H' : ''}${new Date().toISOString()}\n${formatStatus(status, now)}`)
      await sleep(watchEveryMs)
    }
    return 0
  } finally {
    await queue.close()
  }
}

/** `dechaff queue retry`: failed shards back to waiting. */
export async function runQueueRetry(connection: QueueConnectionOptions, quiet: boolean): Promise<number> {
  const queue = await createQueue(connection)
  try {
    const moved = await queue.retry()
    if (!quiet) process.stderr.write(`dechaff: ${moved} failed shards moved back to waiting\n`)
    return 0
  } finally {
    await queue.close()
  }
}

/** `dechaff worker`: take shards until SIGTERM or SIGINT (which let the shard in hand finish), or until the queue is empty with `--until-empty`. */
export async function runWorker(options: {connection: QueueConnectionOptions; jobs?: number; lockMs?: number; untilEmpty: boolean; quiet: boolean}): Promise<number> {
  const worker = await startWorker({
    ...options.connection,
    ...(options.jobs === undefined ? {} : {jobs: options.jobs}),
    ...(options.lockMs === undefined ? {} : {lockMs: options.lockMs}),
    untilEmpty: options.untilEmpty,
    onEvent: (event, name) => {
      if (!options.quiet || event.type === 'error' || (event.type === 'failed' && event.final)) process.stderr.write(`dechaff worker ${name}: ${formatEvent(event)}\n`)
    }
  })
  if (!options.quiet) process.stderr.write(`dechaff worker ${worker.name}: waiting for shards\n`)
  const stop = (): void => {
    if (!options.quiet) process.stderr.write(`dechaff worker ${worker.name}: stopping after the shard in hand\n`)
    void worker.close()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  await worker.closed
  return 0
}

function formatEvent(event: WorkerEvent): string {
  switch (event.type) {
    case 'started':
      return `${event.source}: started${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`
    case 'done':
      return `${event.source}: ${event.result.pages} pages, ${event.result.errors} errors in ${event.result.seconds.toFixed(1)} s`
    case 'failed':
      return `${event.source}: failed${event.final ? '' : ' (will retry)'}: ${event.reason}`
    case 'error':
      return `queue connection: ${event.message}`
  }
}

function formatStatus(status: QueueStatus, pagesPerSecondNow?: number): string {
  const {counts} = status
  const lines = [
    `shards: ${counts.waiting} waiting, ${counts.active} active, ${counts.completed} done, ${counts.failed} failed, ${counts.delayed} delayed (to retry); ${status.workers} workers`,
    `pages: ${status.pages} cleaned, ${status.errors} errors; ${status.pagesPerSecond.toFixed(1)} pages/s overall${pagesPerSecondNow === undefined ? '' : `, ${pagesPerSecondNow.toFixed(1)} now`}${status.etaSeconds === undefined ? '' : `; ETA ${formatDuration(status.etaSeconds)}`}`,
    ...status.failed.map((failed) => `failed: ${failed.source} after ${failed.attempts} attempts: ${failed.reason}`)
  ]
  return `${lines.join('\n')}\n`
}

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds)
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  return hours > 0 ? `${hours} h ${minutes} min` : minutes > 0 ? `${minutes} min ${whole % 60} s` : `${whole} s`
}
