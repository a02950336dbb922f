/** Deepest element nesting parsed as a DOM; jsdom recurses per level and overflows the stack near 5,000. */
export const maxNesting = 1500

/** Elements that never hold content, whatever the markup says (`<br/>`, `<img>`). */
const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/** Elements an opening tag of the same name closes when it is the innermost open one (`<li>a<li>b`). */
const selfClosingSiblings = new Set(['li', 'option', 'td', 'th', 'tr', 'dt', 'dd'])
/** Elements a `<p>` cannot close a paragraph across (the parser's button scope). */
const paragraphScope = new Set(['applet', 'button', 'caption', 'html', 'marquee', 'object', 'table', 'td', 'template', 'th'])
const tagPattern = /<(\/?)([a-zA-Z][\w:-]{0,40})[^>]{0,2000}?(\/?)>/gu

/** What the parser will build from the markup, counted without building it. */
export interface MarkupShape {
  /** Deepest nesting of elements. */
  depth: number
  /** Elements opened. */
  elements: number
}

/**
 * Count what an HTML parser nests, in one pass and without a tree: `<div/>`
 * opens a `<div>` (only void elements close themselves), an end tag closes
 * only an element that is open (`</x>` with no `<x>` open closes nothing)
 * and every element opened inside it, and `<p>` closes an open paragraph
 * unless a table or button lies between.
 */
export function markupShape(html: string): MarkupShape {
  const stack: string[] = []
  /** Where each open tag name sits in the stack, innermost last. */
  const places = new Map<string, number[]>()
  /** Where the open scope elements sit in the stack, innermost last. */
  const scopes: number[] = []
  let deepest = 0
  let elements = 0
  const closeTo = (place: number): void => {
    while (stack.length > place) {
      const closed = stack.pop() as string
      places.get(closed)?.pop()
      if (scopes[scopes.length - 1] === stack.length) scopes.pop()
    }
  }
  tagPattern.lastIndex = 0
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    const tag = (match[2] as string).toLowerCase()
    const open = places.get(tag)
    const innermost = open?.[open.length - 1]
    if (match[1]) {
      if (innermost !== undefined) closeTo(innermost)
      continue
    }
    elements++
    if (voidTags.has(tag)) continue
    if (selfClosingSiblings.has(tag) && innermost === stack.length - 1) closeTo(innermost)
    if (tag === 'p' && innermost !== undefined && (scopes[scopes.length - 1] ?? -1) < innermost) closeTo(innermost)
    if (paragraphScope.has(tag)) scopes.push(stack.length)
    if (open) open.push(stack.length)
    else places.set(tag, [stack.length])
    stack.push(tag)
    deepest = Math.max(deepest, stack.length)
  }
  return {depth: deepest, elements}
}

const blockBoundary = /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b[^>]{0,2000}>/giu
const anyTag = /<[^>]{0,2000}>/gu
const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©'}

/**
 * Markup too deeply nested to parse as a DOM, read as text instead: block
 * boundaries become line breaks, other tags go, common entities are decoded.
 * The page is then cleaned as a text dump: a sane output rather than a crash.
 */
export function flattenToText(html: string): string {
  return html
    .replace(blockBoundary, '\n')
    .replace(anyTag, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/giu, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? entity
      if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? entity
      return entities[name.toLowerCase()] ?? entity
    })
}

function safeCodePoint(code: number): string | undefined {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}
