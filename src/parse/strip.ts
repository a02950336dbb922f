import type {Element, Root as HastRoot} from 'hast'
import {toString} from 'hast-util-to-string'

// The name must end where the tag's does: `<svg-icon>` and `<script-loader>` are custom elements, not raw text.
const rawOpening = /<(script|style|svg|template|noscript|iframe|textarea)(?=[\s/>])([^>]*)>|<!--/giu
const closing: Record<string, RegExp> = {}
/**
 * HTML start tags that end an SVG element left open, as a browser's parser
 * ends it (the HTML standard's "breakout" list for foreign content): an icon
 * written `<svg …>` with no `</svg>` must not swallow the page after it.
 */
const svgBreakout = /<(?:b|big|blockquote|body|br|center|code|dd|div|dl|dt|em|embed|h[1-6]|head|hr|i|img|li|listing|menu|meta|nobr|ol|p|pre|ruby|s|small|span|strong|strike|sub|sup|table|tt|u|ul|var)(?=[\s/>])/iu

/** The page's markup without scripts, styles, SVG, templates and comments, and the JSON-LD scripts it had. */
export interface StrippedHtml {
  html: string
  jsonLd: string[]
  /** How many `<noscript>` elements were cut out (or, unwrapped, kept as markup). */
  noscripts: number
  /** Where each kept stretch of `html` starts, and where it started in the page: offsets back into the source. */
  stretches: Array<{at: number; from: number}>
}

/**
 * Cut what is never content out of the markup before it is parsed: a third
 * less to parse on a typical news page. A linear scan: each opening tag is
 * followed by one search for its closing tag, so hostile markup cannot make
 * it backtrack. With `unwrapNoscript`, a `<noscript>` element's markup is
 * kept without its tags, as a browser without scripts shows it.
 */
export function stripNonContent(html: string, unwrapNoscript = false): StrippedHtml {
  const parts: string[] = []
  const jsonLd: string[] = []
  let noscripts = 0
  const stretches: StrippedHtml['stretches'] = []
  let length = 0
  const keep = (from: number, to: number): void => {
    stretches.push({at: length, from})
    parts.push(html.slice(from, to))
    length += to - from
  }
  let position = 0
  rawOpening.lastIndex = 0
  for (let match = rawOpening.exec(html); match; match = rawOpening.exec(html)) {
    const tag = match[1]?.toLowerCase()
    if (tag === 'noscript') noscripts++
    if (tag === 'noscript' && unwrapNoscript) {
      keep(position, match.index)
      position = rawOpening.lastIndex
      continue
    }
    keep(position, match.index)
    if (tag === 'svg') {
      position = svgEnd(html, match, rawOpening.lastIndex)
      rawOpening.lastIndex = position
      continue
    }
    const end = tag === undefined ? html.indexOf('-->', rawOpening.lastIndex) : closingIndex(html, tag, rawOpening.lastIndex)
    if (tag === 'script' && /application\/ld\+json/iu.test(match[2] ?? '')) jsonLd.push(html.slice(rawOpening.lastIndex, end === -1 ? html.length : end))
    if (end === -1) {
      position = html.length
      break
    }
    position = tag === undefined ? end + 3 : afterTag(html, end)
    rawOpening.lastIndex = position
  }
  keep(position, html.length)
  return {html: parts.join(''), jsonLd, noscripts, stretches}
}

/** The page offset of an offset into the stripped markup. */
export function sourceOffset(stripped: StrippedHtml, offset: number): number {
  let low = 0
  let high = stripped.stretches.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if ((stripped.stretches[middle] as {at: number}).at <= offset) low = middle
    else high = middle - 1
  }
  const stretch = stripped.stretches[low]
  return stretch ? stretch.from + offset - stretch.at : offset
}

/**
 * Where an SVG element that opened at `match` ends: right after its tag when
 * it closes itself (`<svg … />`), else after its `</svg>`, or at the first
 * HTML start tag that breaks out of it before that (the whole rest of the
 * page when neither comes). The breakout is looked for only up to the closing
 * tag, so the scan stays linear.
 */
function svgEnd(html: string, match: RegExpExecArray, from: number): number {
  if (match[2]?.trimEnd().endsWith('/')) return from
  const close = closingIndex(html, 'svg', from)
  const inside = html.slice(from, close === -1 ? html.length : close)
  const breakout = svgBreakout.exec(inside)
  if (breakout) return from + breakout.index
  return close === -1 ? html.length : afterTag(html, close)
}

/** Just past the tag that starts at `at` (the page's end when it never closes). */
function afterTag(html: string, at: number): number {
  return html.indexOf('>', at) + 1 || html.length
}

function closingIndex(html: string, tag: string, from: number): number {
  const pattern = (closing[tag] ??= new RegExp(`</${tag}\\s*>`, 'giu'))
  pattern.lastIndex = from
  return pattern.exec(html)?.index ?? -1
}

/** The `articleBody` of the page's JSON-LD (parsed), if any: corroborates which container holds the article. */
export function jsonLdArticleBody(documents: unknown[]): string | undefined {
  for (const data of documents) {
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

/** The JSON-LD scripts of a parsed page (a DOM a user already holds still has its scripts). */
export function jsonLdScripts(tree: HastRoot): string[] {
  const scripts: string[] = []
  const pending: Array<HastRoot | Element> = [tree]
  while (pending.length > 0) {
    const node = pending.pop() as HastRoot | Element
    if (node.type === 'element' && node.tagName === 'script') {
      if (/application\/ld\+json/iu.test(String(node.properties.type ?? ''))) scripts.push(toString(node))
      continue
    }
    for (const child of node.children) if (child.type === 'element') pending.push(child)
  }
  return scripts
}
