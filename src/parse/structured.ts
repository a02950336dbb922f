import {decodeHTML} from 'entities'
import type {Element, ElementContent} from 'hast'
import {toString} from 'hast-util-to-string'
import pageTypeData from '../data/page-types.json' with {type: 'json'}
import {scoresOf, tokenize, tokenOverlap} from '../metrics.js'
import {defaults} from '../thresholds.js'
import type {ProductDescription} from '../types.js'

const describedTypes = new Set(pageTypeData.describedTypes)
const {minWords, minShownShare} = defaults.productDescription
/** Deepest nesting of JSON-LD searched (hostile scripts can nest without end). */
const maxDepth = 8

/**
 * The `description` of the product a page states in its JSON-LD (top level,
 * arrays, `@graph` and `mainEntity`), when it states one product with a
 * description of at least `minWords` words. A page stating several (a
 * listing's items) has no one product to describe.
 */
export function jsonLdProductDescription(documents: unknown[]): string | undefined {
  const found = new Set<string>()
  const visit = (value: unknown, depth: number): void => {
    if (depth > maxDepth || typeof value !== 'object' || value === null) return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    const thing = value as Record<string, unknown>
    const types = (Array.isArray(thing['@type']) ? thing['@type'] : [thing['@type']]).filter((type): type is string => typeof type === 'string')
    if (types.some((type) => describedTypes.has(type.replace(/^.*[/:#]/u, '').toLowerCase())) && typeof thing.description === 'string') {
      const text = plainDescription(thing.description)
      if (tokenize(text).length >= minWords) found.add(text)
    }
    visit(thing['@graph'], depth + 1)
    visit(thing.mainEntity, depth + 1)
  }
  for (const document of documents) visit(document, 0)
  return found.size === 1 ? [...found][0] : undefined
}

/**
 * Show the product's description on the page when its markup lacks it (a
 * page that renders it from its JSON-LD with script): a paragraph holding it
 * goes right after the page's `<h1>` (else at the start of `<body>`), the
 * way the browser would show it, so the classifiers judge it like any other
 * block. Returns the description and whether it was added.
 */
export function showProductDescription(body: Element, description: string): ProductDescription {
  // The share of the description's words that the page's markup holds.
  const shown = scoresOf(tokenOverlap(description.toLowerCase(), toString(body).toLowerCase())).precision >= minShownShare
  if (shown) return {text: description, rendered: false}
  const paragraph: Element = {type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: description}]}
  const heading = findHeading(body)
  const siblings = heading ? heading.parent.children : body.children
  siblings.splice(heading ? heading.parent.children.indexOf(heading.element) + 1 : 0, 0, paragraph)
  return {text: description, rendered: true}
}

/** Text a page wrote URL-encoded (`An%20elegant%20sofa`), decoded; other text as it is. */
function urlDecoded(text: string): string {
  if (/\s/u.test(text) || !/%20/u.test(text)) return text
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The JSON-LD text as a reader sees it: URL encoding, tags, character references and runs of white space gone. */
function plainDescription(text: string): string {
  return decodeHTML(urlDecoded(text).replace(/<[^<>]{0,500}>/gu, ' ')).replace(/\s+/gu, ' ').trim()
}

/** The page's first `<h1>` and the element holding it. */
function findHeading(body: Element): {element: Element; parent: Element} | undefined {
  const pending: Element[] = [body]
  for (let at = 0; at < pending.length; at++) {
    const parent = pending[at] as Element
    for (const child of parent.children as ElementContent[]) {
      if (child.type !== 'element') continue
      if (child.tagName === 'h1') return {element: child, parent}
      pending.push(child)
    }
  }
  return undefined
}
