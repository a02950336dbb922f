import type {CleanResult} from '../clean.js'

/** Output formats of a batch. */
export type OutputFormat = 'text' | 'markdown' | 'json'

/** What one cleaned page turns into, ready to write. */
export interface PageOutput {
  text: string
  removed: Array<{rule: string; chars: number}>
}

/** The page in the asked format, and the characters each rule removed. */
export function formatPage(result: CleanResult, format: OutputFormat): PageOutput {
  const removedBy = new Map<string, number>()
  for (const block of result.blocks) {
    if (!block.kept) removedBy.set(block.ruleId, (removedBy.get(block.ruleId) ?? 0) + block.text.length)
  }
  const removed = [...removedBy].map(([rule, chars]) => ({rule, chars})).sort((a, b) => b.chars - a.chars)
  if (format === 'json') return {text: `${JSON.stringify({input: result.input, text: result.text, blocks: result.blocks})}\n`, removed}
  if (format === 'markdown') return {text: markdown(result), removed}
  return {text: result.text, removed}
}

/** Kept blocks as Markdown: headings as `##` (the first as `#`), list items as `-`, the rest as paragraphs. */
function markdown(result: CleanResult): string {
  const lines: string[] = []
  let titled = false
  for (const block of result.blocks) {
    if (!block.kept) continue
    if (block.heading) {
      lines.push(`${titled ? '##' : '#'} ${block.text}`)
      titled = true
    } else if (block.listItem) {
      lines.push(`- ${block.text.replace(/^(?:[-*•·▪◦‣–—►✓✔]|\d{1,3}[.)])\s+/u, '')}`)
    } else {
      lines.push(block.text)
    }
  }
  return lines.length > 0 ? `${lines.join('\n\n')}\n` : ''
}
