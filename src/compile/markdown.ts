import {toMdast} from 'hast-util-to-mdast'
import type {Root as MdastRoot} from 'mdast'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {toMarkdown} from 'mdast-util-to-markdown'
import type {Plugin} from 'unified'
import {visit} from 'unist-util-visit'
import {stringify as toYaml} from 'yaml'
import type {Root} from '../types.js'
import {keptHast, keptMdastOfText, type StructureOptions} from './kept.js'

export interface MarkdownOptions extends StructureOptions {
  /** Start with the page's metadata as YAML front matter between `---` lines (default: false). */
  frontMatter?: boolean
}

/**
 * Compiler plugin: write the kept content as Markdown (GFM). An HTML page's
 * kept elements go through mdast, so heading levels, ordered and nested
 * lists, tables, fenced code with its language, quotes and emphasis survive;
 * links and images when asked. A text dump's kept blocks become headings,
 * lists, code and paragraphs by what the text shows.
 */
const dechaffCompileMarkdown: Plugin<[MarkdownOptions?], Root, string> = function (options = {}) {
  this.compiler = (tree) => compileMarkdown(tree as Root, options)
}

export default dechaffCompileMarkdown

/** Write the kept content of a settled tree as Markdown. */
export function compileMarkdown(tree: Root, options: MarkdownOptions = {}): string {
  const body = markdownBody(tree, options)
  if (!options.frontMatter) return body
  const fields = tree.data?.metadata?.fields ?? {}
  const yaml = Object.keys(fields).length > 0 ? toYaml(fields, {lineWidth: 0}) : ''
  return `---\n${yaml}---\n${body ? `\n${body}` : ''}`
}

function markdownBody(tree: Root, options: StructureOptions): string {
  const hast = keptHast(tree, options)
  const mdast = tree.data?.hast ? (hast ? (toMdast(hast) as MdastRoot) : undefined) : keptMdastOfText(tree)
  if (!mdast || mdast.children.length === 0) return ''
  tightenLists(mdast)
  return toMarkdown(mdast, {bullet: '-', emphasis: '*', strong: '*', fence: '`', fences: true, rule: '-', listItemIndent: 'one', extensions: [gfmToMarkdown({tablePipeAlign: false})]})
}

/**
 * Lists are written tight, as pages show them, unless an item holds several
 * paragraphs: hast-util-to-mdast spreads any item with a nested list, which
 * would put blank lines between short steps.
 */
function tightenLists(tree: MdastRoot): void {
  visit(tree, (node) => {
    if (node.type !== 'list') return
    const spread = node.children.some((item) => item.children.filter((child) => child.type === 'paragraph').length > 1)
    node.spread = spread
    for (const item of node.children) item.spread = spread
  })
}
