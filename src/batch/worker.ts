import {parentPort, workerData} from 'node:worker_threads'
import type {CleanOptions} from '../options.js'
import type {OutputFormat} from './format.js'
import {createTaskRunner, type WorkerTask} from './task.js'
import {warmedUp} from './warm-up.js'

/** Each worker holds its cleaners (frozen processors) for its whole life, warmed up before its first page. */
const {options, format} = workerData as {options: CleanOptions; format: OutputFormat}
const runTask = warmedUp(createTaskRunner(options, format))

// The pool gives a worker pages only once it is ready, so no page waits behind, or is timed with, the start-up.
parentPort?.postMessage({ready: true})
parentPort?.on('message', (message: WorkerTask) => {
  // Tell the pool the page has started: its hard limit runs from here.
  parentPort?.postMessage({task: message.task, started: true})
  parentPort?.postMessage(runTask(message))
})
