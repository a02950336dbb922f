import type {Plugin} from 'unified'
import {blocksOf} from '../tree.js'
import type {Block, Root} from '../types.js'
import {isCodeIndent} from './kept.js'

/**
 * Compiler plugin: write the kept blocks as text, each as written in the
 * page (a text dump's line indented as code keeps its indentation, `<pre>` its line breaks); one blank line between two kept blocks where the page had a blank line
 * anywhere between them, else a line break; a final line break.
 */
const dechaffCompileText: Plugin<[], Root, string> = function () {
  this.compiler = (tree) => compileText(tree as Root)
}

export default dechaffCompileText

/** Write the kept blocks of a settled tree, or the blocks `shown` picks. */
export function compileText(tree: Root, shown: (block: Block) => boolean = isKept): string {
  let output = ''
  let blankSinceKept = false
  for (const node of blocksOf(tree)) {
    const block = node.data.block
    if (block.evidence.blankLinesBefore > 0) blankSinceKept = true
    if (!shown(block)) continue
    if (output) output += blankSinceKept ? '\n\n' : '\n'
    output += block.evidence.preformatted ?? (isCodeIndent(block) ? block.evidence.indent : '') + block.text
    blankSinceKept = false
  }
  return output ? `${output}\n` : ''
}

function isKept(block: Block): boolean {
  return block.verdict?.keep === true
}

/** A removed block of the page's comment thread (a comment, its author line, a reply). */
export function isRemovedComment(block: Block): boolean {
  return block.verdict?.keep !== true && block.removal?.comment === true
}
