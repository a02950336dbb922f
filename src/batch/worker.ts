import {parentPort, workerData} from 'node:worker_threads'
import type {CleanOptions} from '../options.js'
import type {OutputFormat} from './format.js'
import {createTaskRunner, type WorkerTask} from './task.js'

/** Each worker holds its cleaners (frozen processors, one jsdom window) for its whole life. */
const {options, format} = workerData as {options: CleanOptions; format: OutputFormat}
const runTask = createTaskRunner(options, format)

parentPort?.on('message', (message: WorkerTask) => {
  // Tell the pool the page has started: its time limit does not count this worker's start-up.
  parentPort?.postMessage({task: message.task, started: true})
  parentPort?.postMessage(runTask(message))
})
