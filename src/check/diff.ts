import {createPatch} from 'diff'
import type {PageMetadata} from '../types.js'

/** Lines of unchanged context around a change: enough to show the neighbouring paragraph. */
const contextLines = 2

/**
 * A unified diff from the golden text to the actual output, one paragraph
 * (kept block) per line, so a changed page reads block by block.
 */
export function paragraphDiff(name: string, expected: string, actual: string): string {
  return createPatch(name, expected, actual, 'golden', 'dechaff', {context: contextLines})
    .split('\n')
    .slice(2)
    .join('\n')
}

/**
 * The fields where a page's metadata differs from its golden `.meta.json`:
 * one `-` line (golden) and one `+` line (dechaff) per field, values as JSON;
 * nothing when they agree.
 */
export function metadataDiff(expected: PageMetadata, actual: PageMetadata): string | undefined {
  const lines: string[] = []
  const fields = [...new Set([...Object.keys(expected), ...Object.keys(actual)])] as Array<keyof PageMetadata>
  for (const field of fields) {
    const before = JSON.stringify(expected[field])
    const after = JSON.stringify(actual[field])
    if (before === after) continue
    if (before !== undefined) lines.push(`-${field}: ${before}`)
    if (after !== undefined) lines.push(`+${field}: ${after}`)
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : undefined
}
