import type {TaskRunner} from './task.js'

const warmUpTitle = 'Council extends the library pilot'
const warmUpProse = [
  'The council voted on Tuesday to extend the pilot scheme for another two years, after a report found that usage had doubled since the first trial began.',
  'Residents who spoke at the meeting were broadly in favour, although several asked for the opening hours to be extended into the evening.'
]

/** A small built-in page of each kind, with the furniture most classifiers look for. */
export const warmUpPages = {
  html: `<html><head><title>${warmUpTitle} | Gazette</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${warmUpTitle}</h1><p>By Jane Smith</p>${warmUpProse.map((text) => `<p>${text}</p>`).join('')}</article><footer><p>© 2024 Gazette</p></footer></body></html>`,
  text: ['Skip to main content', warmUpTitle, 'By Jane Smith', ...warmUpProse, 'Leave a Reply'].join('\n')
}

/**
 * Clean the built-in pages once with each of the runner's cleaners (auto-detected
 * and by declared kind) and return the runner. Its first real page then finds
 * the processors made, the modules loaded and the hot code compiled: start-up
 * is paid here, outside any page's time budget.
 */
export function warmedUp(runTask: TaskRunner): TaskRunner {
  let task = -1
  for (const [kind, input] of Object.entries(warmUpPages) as Array<[keyof typeof warmUpPages, string]>) {
    runTask({task: task--, id: `warm-up.${kind}`, input})
    runTask({task: task--, id: `warm-up.${kind}`, input, kind})
  }
  return runTask
}
