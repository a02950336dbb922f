import type {Element, ElementContent, Properties, Root as HastRoot} from 'hast'
import type {List, ListItem, Root as MdastRoot, RootContent} from 'mdast'
import {blocksOf, readsAsHeading} from '../tree.js'
import type {Block, Root} from '../types.js'

/** What structured output carries besides the text. */
export interface StructureOptions {
  /** Keep links (`[text](href)`, `<a href>`); otherwise their text stays, unlinked (default: false). */
  links?: boolean
  /** Keep images (`![alt](src)`, `<img>`) that sit in kept blocks (default: false). */
  images?: boolean
}

/** Attributes clean HTML keeps, by tag ('*': any tag); the rest are the page's styling and scripting. */
const keptProperties: Record<string, string[]> = {
  '*': ['colSpan', 'rowSpan', 'start', 'reversed', 'lang', 'dir'],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  code: ['className'],
  pre: ['className'],
  ol: ['type'],
  th: ['scope', 'align'],
  td: ['align']
}

/**
 * The kept part of an HTML page's hast tree: each text node of a kept block,
 * the elements that hold them, `<br>` and (with `images`) `<img>` inside kept
 * blocks, only the attributes that carry content. The `<title>` headline that
 * stood in for a missing `<h1>` becomes one. Blocks are matched to text nodes
 * through the index the parser wrote into them.
 */
export function keptHast(tree: Root, options: StructureOptions): HastRoot | undefined {
  const hast = tree.data?.hast
  if (!hast) return undefined
  const blocks = blocksOf(tree).map((node) => node.data.block)
  // The parser numbered blocks in page order; a headline taken from <title> has no element and no number.
  const parsed = blocks.filter((block) => block.evidence.html?.node)
  const keptBlocks = parsed.map((block) => block.verdict?.keep === true)
  const keptElements = new Set(parsed.filter((block) => block.verdict?.keep).map((block) => block.evidence.html?.element))
  const keep = (node: ElementContent): boolean => {
    if (node.type === 'text') return node.data?.block !== undefined && keptBlocks[node.data.block] === true
    if (node.type !== 'element') return false
    if (node.tagName === 'br' || (node.tagName === 'img' && options.images)) return keptElements.has(node.data?.blockElement)
    return false
  }
  const children: ElementContent[] = []
  const headline = blocks.find((block) => block.evidence.html && !block.evidence.html.node && block.verdict?.keep)
  if (headline) children.push({type: 'element', tagName: 'h1', properties: {}, children: [{type: 'text', value: headline.text}]})
  for (const child of hast.children) if (child.type === 'element') children.push(...prune(child, keep, options))
  return children.length > 0 ? {type: 'root', children} : undefined
}

/**
 * The element with only its kept content, or nothing when none of it is kept;
 * a link's text without the link when links are not kept. Recursion is safe:
 * the parser reads markup nested deeper than `maxNesting` as text.
 */
function prune(element: Element, keep: (node: ElementContent) => boolean, options: StructureOptions): ElementContent[] {
  const children: ElementContent[] = []
  for (const child of element.children) {
    if (child.type === 'element' && child.children.length > 0) children.push(...prune(child, keep, options))
    else if (child.type !== 'comment' && keep(child)) children.push(child)
  }
  if (children.length === 0) return []
  if (transparent.has(element.tagName) || (element.tagName === 'a' && !options.links)) return children
  return [{type: 'element', tagName: element.tagName, properties: contentProperties(element), children}]
}

function contentProperties(element: Element): Properties {
  const properties: Properties = {}
  for (const name of [...(keptProperties['*'] as string[]), ...(keptProperties[element.tagName] ?? [])]) {
    const value = element.properties[name]
    if (value !== undefined && value !== null) properties[name] = value
  }
  return properties
}

/** The document's own wrappers: kept content is a fragment. */
const transparent = new Set(['html', 'body'])

const listMarker = /^(?:[-+*•·▪◦‣–—►✓✔]|(\d{1,3})[.)])\s+/u

/**
 * The kept blocks of a text dump as mdast: heading-like lines as headings
 * (the first as the title), runs of list items as lists (numbered when their
 * markers are numbers), runs of lines indented as code as code, the rest as
 * paragraphs.
 */
export function keptMdastOfText(tree: Root): MdastRoot {
  const children: RootContent[] = []
  let titled = false
  const kept = blocksOf(tree)
    .map((node) => node.data.block)
    .filter((block) => block.verdict?.keep)
  for (let index = 0; index < kept.length; index++) {
    const block = kept[index] as Block
    if (isCodeIndent(block)) {
      const lines = [block]
      while (kept[index + 1] && isCodeIndent(kept[index + 1] as Block)) lines.push(kept[++index] as Block)
      children.push({type: 'code', value: dedent(lines)})
    } else if (block.features.listMarker) {
      const items = [block]
      while (kept[index + 1]?.features.listMarker && kept[index + 1]?.evidence.blankLinesBefore === 0) items.push(kept[++index] as Block)
      children.push(list(items))
    } else if (readsAsHeading(block)) {
      children.push({type: 'heading', depth: titled ? 2 : 1, children: [{type: 'text', value: block.text}]})
      titled = true
    } else {
      children.push({type: 'paragraph', children: [{type: 'text', value: block.text}]})
    }
  }
  return {type: 'root', children}
}

function list(items: Block[]): List {
  const start = listMarker.exec(items[0]?.text ?? '')?.[1]
  const children: ListItem[] = items.map((item) => ({
    type: 'listItem',
    spread: false,
    children: [{type: 'paragraph', children: [{type: 'text', value: item.text.replace(listMarker, '')}]}]
  }))
  return start === undefined ? {type: 'list', ordered: false, spread: false, children} : {type: 'list', ordered: true, start: Number(start), spread: false, children}
}

/** A text dump's line indented as Markdown indents code: by a tab, or four spaces or more. */
export function isCodeIndent(block: Block): boolean {
  return /^(?:\t| {4})/u.test(block.evidence.indent ?? '')
}

/** Indented lines with the indentation they share removed. */
function dedent(lines: Block[]): string {
  const shared = Math.min(...lines.map((line) => (line.evidence.indent ?? '').length))
  return lines.map((line) => `${(line.evidence.indent ?? '').slice(shared)}${line.text}`).join('\n')
}
