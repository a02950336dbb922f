import type {CleanResult} from '../clean.js'

const previewChars = 70

/** One line per removed block: place, rule, reason and the start of the text. */
export function formatRemovals(name: string, result: CleanResult): string {
  const removed = result.blocks.filter((block) => !block.kept)
  const lines = [`${name}: ${removed.length} of ${result.blocks.length} blocks removed`]
  for (const block of removed) {
    lines.push(`  ${`${block.start.line}:${block.start.column}`.padEnd(8)}${block.ruleId.padEnd(22)}${block.reason}`)
    lines.push(`  ${''.padEnd(8)}${''.padEnd(22)}│ ${preview(block.text)}`)
  }
  return `${lines.join('\n')}\n`
}

/** The start of a block's text on one line. */
export function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ')
  return line.length > previewChars ? `${line.slice(0, previewChars - 1)}…` : line
}
