import type {Element, Root as HastRoot} from 'hast'
import type {PageEvidence} from '../types.js'
import {headOf} from './html-blocks.js'

/** Deepest JSON-LD nesting read for `@type`s: real graphs are shallow, hostile ones are not. */
const maxJsonLdDepth = 8

/**
 * What the page says about itself in its head: the `@type`s of its JSON-LD
 * documents, as `parseJsonLd` read them for the metadata (through `@graph`,
 * arrays and `mainEntity`), `og:type`, the generator, and
 * its address (canonical link, else `og:url`). The page-type classifier reads
 * them beside the blocks' shape.
 */
export function pageEvidenceOf(hast: HastRoot, jsonLdDocuments: unknown[]): PageEvidence {
  const types = new Set<string>()
  for (const document of jsonLdDocuments) collectTypes(document, 0, types)
  const head = headOf(hast)
  const meta = (key: string): string | undefined => {
    const element = head?.children.find(
      (child): child is Element =>
        child.type === 'element' && child.tagName === 'meta' && [child.properties.name, child.properties.property].some((value) => String(value ?? '').toLowerCase() === key)
    )
    const content = element?.properties.content
    return typeof content === 'string' && content.trim() ? content.trim() : undefined
  }
  const canonical = head?.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'link' && Array.isArray(child.properties.rel) && child.properties.rel.map(String).includes('canonical')
  )?.properties.href
  const url = typeof canonical === 'string' && canonical.trim() ? canonical.trim() : meta('og:url')
  const ogType = meta('og:type')?.toLowerCase()
  const generator = meta('generator')?.toLowerCase()
  return {jsonLdTypes: [...types], ...(ogType ? {ogType} : {}), ...(generator ? {generator} : {}), ...(url ? {url} : {})}
}

function collectTypes(value: unknown, depth: number, types: Set<string>): void {
  if (depth > maxJsonLdDepth || typeof value !== 'object' || value === null) return
  if (Array.isArray(value)) {
    for (const item of value) collectTypes(item, depth + 1, types)
    return
  }
  const record = value as Record<string, unknown>
  for (const type of [record['@type']].flat()) if (typeof type === 'string') types.add(type.toLowerCase())
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) collectTypes(record[key], depth + 1, types)
}
