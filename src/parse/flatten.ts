/** Deepest element nesting parsed as a DOM; jsdom recurses per level and overflows the stack near 5,000. */
export const maxNesting = 1500

const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'option', 'td', 'th', 'tr', 'dt', 'dd'])
const tagPattern = /<(\/?)([a-zA-Z][\w:-]{0,40})[^>]{0,2000}?(\/?)>/gu

/** The deepest nesting of elements in the markup, counted without building a tree. */
export function nestingDepth(html: string): number {
  let depth = 0
  let deepest = 0
  tagPattern.lastIndex = 0
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    const tag = (match[2] as string).toLowerCase()
    if (match[1]) depth = Math.max(0, depth - 1)
    else if (!match[3] && !voidTags.has(tag)) deepest = Math.max(deepest, ++depth)
  }
  return deepest
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
