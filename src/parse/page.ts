import type {PageEvidence} from '../types.js'

/** Deepest JSON-LD nesting read for `@type`s: real graphs are shallow, hostile ones are not. */
const maxJsonLdDepth = 8

/**
 * What the page says about itself for the page-type classifier: the `@type`s
 * of its JSON-LD documents, as `parseJsonLd` read them for the metadata
 * (through `@graph`, arrays and `mainEntity`), beside what the head walk of
 * `readHead` found: `og:type`, the generator and the page's address
 * (canonical link, else `og:url`).
 */
export function pageEvidenceOf(jsonLdDocuments: unknown[], head: {ogType?: string; generator?: string; url?: string}): PageEvidence {
  const types = new Set<string>()
  for (const document of jsonLdDocuments) collectTypes(document, 0, types)
  const {ogType, generator, url} = head
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
