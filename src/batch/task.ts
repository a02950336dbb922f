import {createCleaner, type Cleaner, type CleanResult} from '../clean.js'
import type {CleanOptions} from '../options.js'
import type {InputKind, PageMetadata} from '../types.js'
import {formatPage, withFormat, type OutputFormat, type PageDocument} from './format.js'

/** A page to clean. */
export interface WorkerTask {
  task: number
  id: string
  input: string | Uint8Array
  kind?: InputKind
  /** The charset the page's HTTP `Content-Type` declared. */
  charset?: string
}

/** A cleaned page, or why it could not be cleaned. */
export type WorkerReply =
  | {task: number; ok: true; text: string; document?: PageDocument; removed: Array<{rule: string; chars: number}>; language: string; metadata: PageMetadata; comments?: string; ms: number; chars: number; result?: CleanResult}
  | {task: number; ok: false; error: string; ms: number}

/** Cleans one page; never throws. */
export type TaskRunner = (message: WorkerTask) => WorkerReply

/** Clean pages one by one with cleaners made once; the same code in a worker thread and in the main thread. */
export function createTaskRunner(options: CleanOptions, format: OutputFormat, keepResult = false): TaskRunner {
  const cleaners: Partial<Record<InputKind | 'auto', Cleaner>> = {}
  return (message) => {
    const started = performance.now()
    try {
      const cleaner = (cleaners[message.kind ?? 'auto'] ??= createCleaner({...withFormat(options, format), ...(message.kind ? {input: message.kind} : {})}))
      const result = cleaner(message.input, message.id, message.charset)
      const chars = result.blocks.reduce((sum, block) => sum + block.text.length, 0)
      return {task: message.task, ok: true, ...formatPage(result, format), ms: performance.now() - started, chars, ...(keepResult ? {result} : {})}
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      return {task: message.task, ok: false, error: reason, ms: performance.now() - started}
    }
  }
}
