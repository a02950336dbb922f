import type {Root as HastRoot} from 'hast'
import {format} from 'hast-util-format'
import {toHtml} from 'hast-util-to-html'
import {toHast} from 'mdast-util-to-hast'
import type {Plugin} from 'unified'
import type {Root} from '../types.js'
import {keptHast, keptMdastOfText, type StructureOptions} from './kept.js'

export type HtmlOptions = StructureOptions

/**
 * Compiler plugin: write the kept content as clean HTML: an HTML page's kept
 * elements with only the attributes that carry content (no classes, styles
 * or scripts), a text dump's kept blocks as headings, lists, code and
 * paragraphs.
 */
const dechaffCompileHtml: Plugin<[HtmlOptions?], Root, string> = function (options = {}) {
  this.compiler = (tree) => compileHtml(tree as Root, options)
}

export default dechaffCompileHtml

/** Write the kept content of a settled tree as HTML. */
export function compileHtml(tree: Root, options: HtmlOptions = {}): string {
  const hast = tree.data?.hast ? keptHast(tree, options) : (toHast(keptMdastOfText(tree)) as HastRoot)
  if (!hast || hast.children.length === 0) return ''
  // One block element a line, indented by nesting; preformatted text is left as it is.
  format(hast)
  return `${toHtml(hast).trim()}\n`
}
