import {JSDOM} from 'jsdom'

let parser: DOMParser | undefined

/**
 * Parse HTML with one shared jsdom window's DOMParser: building a JSDOM per
 * page costs about three times as much. Scripts never run.
 */
export function parseDocument(html: string): Document {
  parser ??= new new JSDOM('').window.DOMParser()
  return parser.parseFromString(html, 'text/html')
}

const rawOpening = /<(script|style|svg|template|noscript|iframe|textarea)\b([^>]*)>|<!--/giu
const closing: Record<string, RegExp> = {}

/** The page's markup without scripts, styles, SVG, templates and comments, and the JSON-LD scripts it had. */
export interface StrippedHtml {
  html: string
  jsonLd: string[]
}

/**
 * Cut what is never content out of the markup before jsdom sees it: a third
 * less to parse on a typical news page. A linear scan: each opening tag is
 * followed by one search for its closing tag, so hostile markup cannot make
 * it backtrack.
 */
export function stripNonContent(html: string): StrippedHtml {
  const parts: string[] = []
  const jsonLd: string[] = []
  let position = 0
  rawOpening.lastIndex = 0
  for (let match = rawOpening.exec(html); match; match = rawOpening.exec(html)) {
    const tag = match[1]?.toLowerCase()
    const end = tag === undefined ? html.indexOf('-->', rawOpening.lastIndex) : closingIndex(html, tag, rawOpening.lastIndex)
    parts.push(html.slice(position, match.index))
    if (tag === 'script' && /application\/ld\+json/iu.test(match[2] ?? '')) jsonLd.push(html.slice(rawOpening.lastIndex, end === -1 ? html.length : end))
    if (end === -1) {
      position = html.length
      break
    }
    position = tag === undefined ? end + 3 : html.indexOf('>', end) + 1 || html.length
    rawOpening.lastIndex = position
  }
  parts.push(html.slice(position))
  return {html: parts.join(''), jsonLd}
}

function closingIndex(html: string, tag: string, from: number): number {
  const pattern = (closing[tag] ??= new RegExp(`</${tag}\\s*>`, 'giu'))
  pattern.lastIndex = from
  return pattern.exec(html)?.index ?? -1
}

/**
 * Detach the parsed tree. jsdom registers every element with an `id` as a
 * named property of the window that owns the parser, and only detaching
 * unregisters it: without this, each parsed page stays in memory for good.
 */
export function releaseDocument(document: Document): void {
  document.documentElement?.remove()
}

/** Elements that are never content. */
const neverContent = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'select', 'button', 'input', 'textarea', 'head'])
const hiddenStyle = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/iu

/**
 * Remove what a reader never sees: scripts, styles, embeds, form controls and
 * hidden elements. A plain walk rather than selectors: jsdom's selector
 * engine keeps caches that outlive the document.
 */
export function dropInvisible(document: Document): void {
  const doomed: Element[] = []
  const pending: Element[] = document.documentElement ? [document.documentElement] : []
  while (pending.length > 0) {
    const element = pending.pop() as Element
    if (isInvisible(element)) {
      doomed.push(element)
      continue
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) pending.push(child)
  }
  for (const element of doomed) element.remove()
}

function isInvisible(element: Element): boolean {
  if (neverContent.has(element.localName)) return true
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true
  const style = element.getAttribute('style')
  return style !== null && hiddenStyle.test(style)
}

/** The text of the page's `<title>`, white space collapsed. */
export function documentTitle(document: Document): string {
  for (let child = document.head?.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'title') return (child.textContent ?? '').replace(/\s+/gu, ' ').trim()
  }
  return ''
}

/** The `articleBody` of the page's JSON-LD, if any: corroborates which container holds the article. */
export function jsonLdArticleBody(scripts: string[]): string | undefined {
  for (const script of scripts) {
    let data: unknown
    try {
      data = JSON.parse(script)
    } catch {
      continue
    }
    const body = findArticleBody(data, 0)
    if (body) return body
  }
  return undefined
}

function findArticleBody(value: unknown, depth: number): string | undefined {
  if (depth > 8 || typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value)) {
    for (const item of value) {
      const body = findArticleBody(item, depth + 1)
      if (body) return body
    }
    return undefined
  }
  const record = value as Record<string, unknown>
  if (typeof record.articleBody === 'string' && record.articleBody.trim()) return record.articleBody
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const body = findArticleBody(record[key], depth + 1)
    if (body) return body
  }
  return undefined
}
