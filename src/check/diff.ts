import {createPatch} from 'diff'

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
