import {postClassNames} from './hints.js'
import type {ElementInfo, HtmlEvidence} from '../types.js'

/** One block of an HTML page before it becomes an nlcst paragraph. */
export interface RawBlock {
  text: string
  linkChars: number
  /** Separated from the previous block by vertical space (not a list/table sibling or a `<br>` line). */
  spaced: boolean
  heading?: number
  listItem: boolean
  html: HtmlEvidence
}

const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul'
])
const cellTags = new Set(['td', 'th'])
const headingLevel: Record<string, number> = {h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6}

/** Class, id, role and itemprop words of an element, split at `-`, `_`, spaces and case changes. */
export function elementTokens(element: Element): string[] {
  const id = element.getAttribute('id')
  const raw = [element.getAttribute('class'), isHeadingAnchor(element, id) ? null : id, element.getAttribute('role'), element.getAttribute('itemprop')]
    .filter((value): value is string => Boolean(value))
    .join(' ')
  if (!raw) return []
  return splitTokens(raw)
}

/** Fewest words of an id read as a heading's slug rather than a role name. */
const headingAnchorMinWords = 4

function splitTokens(raw: string): string[] {
  return raw
    .slice(0, 500)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
}

/**
 * An id made from the section's own heading ("sharing-with-a-single-developer"
 * above "Sharing with a single developer"), as documentation generators and
 * wikis write them: it names the topic, not the element's role. Short ids
 * such as "comments" above "Comments" still name a role.
 */
function isHeadingAnchor(element: Element, id: string | null): boolean {
  const idWords = id ? splitTokens(id) : []
  if (idWords.length < headingAnchorMinWords) return false
  const heading = element.firstElementChild
  if (!heading || !/^h[1-6]$/u.test(heading.localName)) return false
  const headingWords = new Set(splitTokens(heading.textContent ?? ''))
  return idWords.every((word) => headingWords.has(word))
}

interface Frame {
  node: Node
  exit: boolean
}

/**
 * Walk the body and cut it into blocks: each block-level element's own text,
 * `<br>` runs split, a table row's cells joined by spaces (a cell holding
 * blocks of its own is a block container instead). Iterative, so a page
 * nested a hundred thousand levels deep cannot overflow the stack.
 */
export function extractBlocks(body: Element): {blocks: RawBlock[]; elements: ElementInfo[]} {
  const elements: ElementInfo[] = []
  const blocks: RawBlock[] = []
  const elementIndex = new Map<Element, number>()
  let parts: string[] = []
  let linkChars = 0
  let linkDepth = 0
  let afterBreak = false
  let lastFlushElement = -1

  const currentElement = (node: Node): number => {
    for (let parent: Node | null = node; parent; parent = parent.parentNode) {
      const index = elementIndex.get(parent as Element)
      if (index !== undefined) return index
    }
    return 0
  }
  const flush = (node: Node, viaBreak: boolean): void => {
    const text = parts.join('').replace(/\s+/gu, ' ').trim()
    const element = currentElement(node)
    if (text) {
      const info = elements[element] as ElementInfo
      const previous = blocks[blocks.length - 1]
      const inList = hasAncestor(elements, element, 'li')
      const continuesLine = afterBreak && lastFlushElement === element
      const sibling = previous !== undefined && isSiblingItem(elements, previous.html.element, element)
      blocks.push({
        text,
        linkChars: Math.min(linkChars, text.length),
        spaced: !(continuesLine || sibling),
        ...(headingLevel[info.tag] ? {heading: headingLevel[info.tag]} : {}),
        listItem: inList,
        html: {
          tag: info.tag,
          element,
          inList,
          inTable: hasAncestor(elements, element, 'tr'),
          inQuote: hasAncestor(elements, element, 'blockquote'),
          depth: info.depth,
          commas: (text.match(/[,，、]/gu) ?? []).length
        }
      })
      lastFlushElement = element
      afterBreak = viaBreak
    } else if (viaBreak) {
      afterBreak = afterBreak || lastFlushElement === element
    }
    parts = []
    linkChars = 0
  }

  const register = (element: Element, parent: number): void => {
    const parentInfo = elements[parent]
    elementIndex.set(element, elements.length)
    elements.push({
      tag: element.localName,
      tokens: elementTokens(element),
      parent,
      depth: parentInfo ? parentInfo.depth + 1 : 0,
      articleBody: /\barticlebody\b/iu.test(element.getAttribute('itemprop') ?? ''),
      postWrapper: isPostWrapper(element)
    })
  }
  register(body, -1)

  const stack: Frame[] = []
  for (let child = body.lastChild; child; child = child.previousSibling) stack.push({node: child, exit: false})
  while (stack.length > 0) {
    const {node, exit} = stack.pop() as Frame
    if (node.nodeType === 3) {
      const value = (node as Text).data
      parts.push(value)
      if (linkDepth > 0) linkChars += value.replace(/\s+/gu, ' ').length
      continue
    }
    if (node.nodeType !== 1) continue
    const element = node as Element
    const tag = element.localName
    const isBlock = blockTags.has(tag) || (cellTags.has(tag) && containsBlock(element))
    if (exit) {
      if (isLink(element)) linkDepth--
      if (isBlock) flush(element, false)
      continue
    }
    if (tag === 'br') {
      flush(element, true)
      continue
    }
    if (isBlock) {
      flush(element.parentNode ?? element, false)
      register(element, currentElement(element.parentNode ?? body))
      afterBreak = false
    } else if (cellTags.has(tag)) {
      parts.push(' ')
    }
    if (isLink(element)) linkDepth++
    stack.push({node, exit: true})
    for (let child = element.lastChild; child; child = child.previousSibling) stack.push({node: child, exit: false})
  }
  flush(body, false)
  return {blocks, elements}
}

const cellBlockTags = new Set(['p', 'div', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article'])

/** Whether a table cell holds blocks of its own (a layout table). Iterative, like the walk. */
/** Whether one of the element's classes is, as a whole, a post word (not `post-meta`, which is metadata). */
function isPostWrapper(element: Element): boolean {
  const classes = (element.getAttribute('class') ?? '').toLowerCase().split(/\s+/u)
  return classes.some((name) => postClassNames.has(name))
}

/**
 * A link a reader can follow: `<a href>`, not an anchor such as an unclosed
 * `<a name="top">`, nor a `javascript:` handler that only runs a script.
 */
function isLink(element: Element): boolean {
  return element.localName === 'a' && element.hasAttribute('href') && !/^\s*javascript:/iu.test(element.getAttribute('href') ?? '')
}

function containsBlock(cell: Element): boolean {
  const pending: Element[] = Array.from(cell.children)
  while (pending.length > 0) {
    const element = pending.pop() as Element
    if (cellBlockTags.has(element.localName)) return true
    for (const child of Array.from(element.children)) pending.push(child)
  }
  return false
}

function hasAncestor(elements: ElementInfo[], start: number, tag: string): boolean {
  for (let index = start; index >= 0; index = (elements[index] as ElementInfo).parent) {
    if ((elements[index] as ElementInfo).tag === tag) return true
  }
  return false
}

/** Consecutive items of the same list or rows of the same table: written on adjacent lines. */
function isSiblingItem(elements: ElementInfo[], previous: number, current: number): boolean {
  const a = elements[previous] as ElementInfo
  const b = elements[current] as ElementInfo
  if (a.tag === 'li' && b.tag === 'li') return a.parent === b.parent
  return a.tag === 'tr' && b.tag === 'tr' && tableOf(elements, previous) === tableOf(elements, current)
}

/** The table a row belongs to (rows of its head and body are one table). */
function tableOf(elements: ElementInfo[], row: number): number {
  let index = (elements[row] as ElementInfo).parent
  while (index >= 0 && (elements[index] as ElementInfo).tag !== 'table') index = (elements[index] as ElementInfo).parent
  return index
}
