import type {VFile} from 'vfile'

/** Input dechaff refuses to clean: not text, or bigger than a page can be. */
export class DechaffInputError extends Error {
  override name = 'DechaffInputError'
}

/** A page that took longer than its time budget; it is stopped, not left to hang a batch. */
export class DechaffTimeoutError extends Error {
  override name = 'DechaffTimeoutError'
}

declare module 'vfile' {
  interface DataMap {
    /** `performance.now()` by which cleaning must finish (absent: no limit). */
    deadline: number
    /** The budget the deadline came from, in milliseconds, for messages. */
    timeoutMs: number
    /** Words, marks and spaces parsed so far. */
    tokens: number
  }
}

/**
 * Default time budget per page, in milliseconds. A budget stops runaway pages,
 * not pages slowed by a busy machine. Measured by `npm run bench:budget`: all
 * 10,740 dev-set pages (HTML and dumps) clean alone in at most 648 ms; with
 * two jobs beside two spinning processes on two cores they take up to 2.2 s,
 * at most 7.5 times as long as alone. A page of 1 s alone would so take up to
 * 7.5 s: the budget is 10 s.
 */
export const defaultTimeoutMs = 10_000

/** Default size limit per page (bytes). */
export const defaultMaxBytes = 16 * 1024 * 1024

/** The budget a page gets with these options (0: none). */
export function budgetOf(options: {timeoutMs?: number}): number {
  return options.timeoutMs ?? defaultTimeoutMs
}

/** How many blocks a loop handles between deadline checks. */
export const deadlineStride = 128

/** Give a file its time budget. */
export function startClock(file: VFile, timeoutMs: number): void {
  if (timeoutMs > 0) {
    file.data.deadline = performance.now() + timeoutMs
    file.data.timeoutMs = timeoutMs
  }
}

/** Stop cleaning a file that has run past its budget; called between and inside the stages. */
export function checkDeadline(file: VFile | undefined, stage: string): void {
  const deadline = file?.data.deadline
  if (deadline !== undefined && performance.now() > deadline) {
    throw new DechaffTimeoutError(`cleaning took longer than ${file?.data.timeoutMs ?? 0} ms; stopped while ${stage}`)
  }
}

/**
 * Most elements an HTML page may open, and most blocks a page may have: each
 * costs memory in the trees, so a page past them (500,000 `<p>x</p>`, a
 * dump of a million one-word lines) is refused rather than let a worker's
 * heap run out. The dev sets' largest page opens 10,409 elements.
 */
export const maxElements = 100_000
export const maxBlocks = 100_000

/**
 * Most words, marks and spaces a page may have: each is a node of the tree,
 * some 250 bytes. A million is some 400,000 words, longer than most novels.
 */
export const maxTokens = 1_000_000

/** Count tokens parsed for the page; refuse a page past `maxTokens`. */
export function countTokens(file: VFile, tokens: number): void {
  file.data.tokens = (file.data.tokens ?? 0) + tokens
  if (file.data.tokens > maxTokens) throw new DechaffInputError(`page has more than ${maxTokens} words, marks and spaces (maxTokens); refused to bound memory`)
}

/** Refuse a page with more blocks than `maxBlocks`. */
export function checkBlockCount(blocks: number): void {
  if (blocks > maxBlocks) throw new DechaffInputError(`page has more than ${maxBlocks} blocks (maxBlocks); refused to bound memory`)
}
