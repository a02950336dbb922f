import {Worker} from 'node:worker_threads'
import type {CleanOptions} from '../options.js'
import type {OutputFormat} from './format.js'
import type {WorkerReply, WorkerTask} from './task.js'

export interface PoolOptions {
  jobs: number
  options: CleanOptions
  format: OutputFormat
  /** Wall-clock limit per page; past it the worker is killed and replaced (0: none). */
  hardTimeoutMs: number
}

interface Slot {
  worker: Worker
  /** Warmed up and listening (the worker said so): only a ready worker is given pages. */
  ready: boolean
  task?: {message: WorkerTask; resolve: (reply: WorkerReply) => void; timer?: NodeJS.Timeout; started: number}
}

/** What a worker says: it is ready, it began a page, or the page's outcome. */
type WorkerMessage = {ready: true} | {task: number; started: true} | WorkerReply

/** What a page still waiting or on a worker is answered when the pool closes. */
const stoppedReason = 'not done: the batch stopped'
const workerUrl = new URL('./worker.js', import.meta.url)
/** Old-generation heap of one worker, in MB. */
const workerHeapMb = 512
/**
 * Young-generation heap of one worker, in MB (V8's default is about 48):
 * cleaning a page makes many short-lived objects (hast and nlcst nodes,
 * feature rows), and a larger nursery collects them less often: about an
 * eighth less time a page (README, Batch cleaning) for up to 144 MB more
 * memory a worker.
 */
const workerYoungGenerationMb = 192

/**
 * A fixed set of worker threads, one page each at a time, given pages only
 * once warmed up. A page that runs past the hard limit, or a worker that
 * dies, costs that page (an error reply) and the worker is replaced; the
 * batch goes on. A worker that dies before it is ready means workers cannot
 * start at all: every page left gets that error instead of waiting forever.
 */
export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly waiting: Array<() => void> = []
  private nextTask = 0
  private startFailure: string | undefined
  /** Set by `close()`: no page is started, no worker replaced. */
  private closed = false

  constructor(private readonly settings: PoolOptions) {
    for (let index = 0; index < settings.jobs; index++) this.slots.push(this.spawn())
  }

  /** Clean one page on the first free worker. */
  async run(message: Omit<WorkerTask, 'task'>): Promise<WorkerReply> {
    const task: WorkerTask = {...message, task: this.nextTask++}
    let slot = this.freeSlot()
    while (!slot && this.startFailure === undefined && !this.closed) {
      await new Promise<void>((resolve) => this.waiting.push(resolve))
      slot = this.freeSlot()
    }
    if (!slot || this.closed) return {task: task.task, ok: false, error: this.startFailure ?? stoppedReason, ms: 0}
    return new Promise<WorkerReply>((resolve) => {
      const busy = slot
      busy.task = {message: task, resolve, started: performance.now()}
      const transfer = typeof task.input !== 'string' && task.input.byteOffset === 0 && task.input.byteLength === task.input.buffer.byteLength ? [task.input.buffer as ArrayBuffer] : []
      busy.worker.postMessage(task, transfer)
    })
  }

  /** Why the workers could not start, once they could not: every page given since has failed with it. */
  get failure(): string | undefined {
    return this.startFailure
  }

  /**
   * Stop every worker, for good: a page still on one is answered with an
   * error (the batch that closes the pool knows it was not done), no worker
   * is replaced, and no page waits for one.
   */
  async close(): Promise<void> {
    this.closed = true
    for (const wake of this.waiting.splice(0)) wake()
    await Promise.all(
      this.slots.map((slot) => {
        slot.worker.removeAllListeners()
        const task = slot.task
        slot.task = undefined
        if (task) {
          clearTimeout(task.timer)
          task.resolve({task: task.message.task, ok: false, error: stoppedReason, ms: performance.now() - task.started})
        }
        return slot.worker.terminate()
      })
    )
  }

  private freeSlot(): Slot | undefined {
    return this.slots.find((candidate) => candidate.ready && !candidate.task)
  }

  private spawn(): Slot {
    const slot: Slot = {
      worker: new Worker(workerUrl, {
        workerData: {options: this.settings.options, format: this.settings.format},
        // A ceiling on each worker's heap keeps a long batch's memory flat; a page that needs more fails alone.
        resourceLimits: {maxOldGenerationSizeMb: workerHeapMb, maxYoungGenerationSizeMb: workerYoungGenerationMb}
      }),
      ready: false
    }
    slot.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true
        this.waiting.shift()?.()
      } else if ('started' in message) this.startTimer(slot, message.task)
      else this.settle(slot, message)
    })
    slot.worker.on('error', (error) => this.lose(slot, `worker crashed: ${error.message}`))
    slot.worker.on('exit', (code) => this.lose(slot, `worker exited with code ${code}`))
    return slot
  }

  /** A worker died: its page fails, or, before it was ready, so does every page left. */
  private lose(slot: Slot, reason: string): void {
    if (slot.ready) return this.fail(slot, reason)
    this.startFailure ??= `worker failed to start: ${reason}`
    for (const wake of this.waiting.splice(0)) wake()
  }

  /** The worker began the page: from now on it has `hardTimeoutMs`. */
  private startTimer(slot: Slot, taskNumber: number): void {
    const task = slot.task
    if (!task || task.message.task !== taskNumber || this.settings.hardTimeoutMs <= 0) return
    task.started = performance.now()
    task.timer = setTimeout(() => this.fail(slot, `page took longer than ${this.settings.hardTimeoutMs} ms; worker stopped`), this.settings.hardTimeoutMs)
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const task = slot.task
    if (!task || task.message.task !== reply.task) return
    clearTimeout(task.timer)
    slot.task = undefined
    task.resolve(reply)
    this.waiting.shift()?.()
  }

  /** The page on this worker failed: reply with an error, replace the worker, go on. */
  private fail(slot: Slot, reason: string): void {
    const task = slot.task
    if (!task) return
    clearTimeout(task.timer)
    slot.task = undefined
    const index = this.slots.indexOf(slot)
    slot.worker.removeAllListeners()
    void slot.worker.terminate()
    if (index !== -1 && !this.closed) this.slots[index] = this.spawn()
    task.resolve({task: task.message.task, ok: false, error: reason, ms: performance.now() - task.started})
    this.waiting.shift()?.()
  }
}
