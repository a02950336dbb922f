import {decodeHTML} from 'entities'
import type {Element, Root as HastRoot, RootContent} from 'hast'
import {toString} from 'hast-util-to-string'
import {jsonrepair} from 'jsonrepair'
import data from '../data/page-metadata.json' with {type: 'json'}
import type {MetadataCandidate, MetadataField, PageEvidence, StatedMetadata} from '../types.js'
import {pageEvidenceOf} from './page.js'

/**
 * How far each place a page states metadata is trusted (lower first): the
 * canonical link and `<html lang>`, then JSON-LD, then `<meta>` tags (by
 * their order in `data.meta`), a Twitter card's labelled field ("Written by"), a forum's first
 * poster (kept on forum pages only), microdata, `rel=author` links and links to writers' pages, `<time>`
 * elements, and `<title>` last.
 */
const rank = {link: 0, jsonLd: 10, jsonLdSite: 20, meta: 100, labelledMeta: 150, poster: 190, microdata: 200, relAuthor: 250, authorLink: 260, time: 300, plainTime: 310, titleElement: 400} as const

/** Which fields each `<meta>` name or property carries, with its rank. */
const metaFields = new Map<string, Array<{field: MetadataField; rank: number}>>()
for (const [field, names] of Object.entries(data.meta)) {
  names.forEach((name, index) => {
    const list = metaFields.get(name) ?? []
    list.push({field: field as MetadataField, rank: rank.meta + index})
    metaFields.set(name, list)
  })
}

/** schema.org properties read from microdata (`itemprop`), and the field each gives. */
const itempropFields: Record<string, MetadataField> = {
  headline: 'title',
  author: 'author',
  creator: 'author',
  datepublished: 'published',
  datecreated: 'published',
  datemodified: 'modified',
  keywords: 'tags',
  articlesection: 'categories',
  inlanguage: 'language'
}

/** Longest text of an element read as a metadata value (an itemprop that wraps a whole article is not one). */
const maxValueChars = 300
/** Deepest nesting of JSON-LD read (hostile scripts can nest without end). */
const maxJsonDepth = 12
/**
 * Most characters of JSON-LD repaired on a page, when its scripts are not
 * valid JSON. jsonrepair's time grows with the square of some broken
 * scripts' length (an unclosed string of quotes: 80,000 characters took
 * 0.5 s, 320,000 took 33 s); the dev sets' longest broken script has 52,169
 * characters. A broken script past what is left of it is skipped.
 */
const maxRepairedJsonLdChars = 100_000
/** Class words of a `<time>` that say it is the publication date. */
const publishedTimeWords = /\b(?:publish(?:ed)?|posted|pub-?date|entry-date|post-date|article-date|date-published|created)\b/iu
const updatedTimeWords = /\b(?:updated|modified|last-modified)\b/iu
/** Class words of a `<time>` that say it is a date (`m-date`, `entry-time`) without saying which: the page's when it is the first. */
const dateTimeWords = /(?:^|[\s_-])(?:date|datetime|time|timestamp)(?:$|[\s_-])/iu

/**
 * What an HTML page states about itself, read in one walk: `<meta>` tags (Open Graph, Twitter
 * cards, Dublin Core, `citation_*` and others), the canonical link,
 * `<html lang>`, `<title>`, JSON-LD (arrays and `@graph` included; malformed
 * JSON repaired the way browsers' tolerant readers would), microdata
 * `itemprop`s, `rel=author` links and dated `<time>` elements. JSON-LD
 * fields come from the most specific thing that gives them (a QAPage's
 * question names the author the page leaves out); an organisation named as
 * author is no person and is left out. Every value is a candidate that names
 * its source; the metadata step chooses among them.
 * The same walk gathers the page-type evidence (`og:type`, the generator,
 * the page's address beside its JSON-LD types).
 */
export function readHead(tree: HastRoot, jsonLd: unknown[]): {stated: StatedMetadata; page: PageEvidence} {
  const stated: StatedMetadata = {}
  const head: HeadFacts = {}
  const add = (field: MetadataField, value: unknown, source: string, at: number): void => {
    if (typeof value !== 'string' && typeof value !== 'number') return
    // Values escaped twice (`&amp;#8211;` in a <meta>) and JSON-LD written with entities read as the page shows them.
    const raw = String(value)
    const text = (raw.includes('&') ? decodeHTML(raw) : raw).replace(/\s+/gu, ' ').trim()
    if (text === '' || text.length > 2000) return
    ;(stated[field] ??= []).push({value: text, source, rank: at})
  }
  readJsonLd(jsonLd, add)
  readElements(tree, add, head)
  for (const list of Object.values(stated) as MetadataCandidate[][]) list.sort((a, b) => a.rank - b.rank)
  const address = stated.canonicalUrl?.find((candidate) => candidate.source === 'link rel=canonical' || candidate.source === 'meta og:url')
  return {stated, page: pageEvidenceOf(jsonLd, {...head, ...(address ? {url: address.value} : {})})}
}

/** What the page-type classifier reads from the head beside the JSON-LD types, gathered on the same walk. */
interface HeadFacts {
  ogType?: string
  generator?: string
}

type Add = (field: MetadataField, value: unknown, source: string, rank: number) => void

/** Parse JSON-LD scripts; a script that is not valid JSON is repaired (trailing commas, comments, raw line breaks, missing quotes) while the page's repaired scripts come to at most `maxRepairedJsonLdChars` characters, or skipped. */
export function parseJsonLd(scripts: string[]): unknown[] {
  const documents: unknown[] = []
  let repairable = maxRepairedJsonLdChars
  for (const script of scripts) {
    const source = script.trim().replace(/^<!\[CDATA\[|\]\]>$/gu, '').replace(/^\/\/\s*$/gmu, '')
    if (source === '') continue
    try {
      documents.push(JSON.parse(source))
    } catch {
      if (source.length > repairable) continue
      repairable -= source.length
      try {
        documents.push(JSON.parse(jsonrepair(source)))
      } catch {
        // Beyond repair: the page's other sources still count.
      }
    }
  }
  return documents
}

type JsonObject = Record<string, unknown>

/** Every JSON-LD object of the page: top-level ones, array items and `@graph` members. */
function jsonLdThings(documents: unknown[]): JsonObject[] {
  const things: JsonObject[] = []
  const visit = (value: unknown, depth: number): void => {
    if (depth > maxJsonDepth || typeof value !== 'object' || value === null) return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    const thing = value as JsonObject
    things.push(thing)
    visit(thing['@graph'], depth + 1)
    if (typeof thing.mainEntity === 'object') visit(thing.mainEntity, depth + 1)
  }
  for (const document of documents) visit(document, 0)
  return things
}

/** A thing's schema.org types, lower case, without `schema:` or URL prefixes. */
function typesOf(thing: JsonObject): string[] {
  const type = thing['@type']
  const types = Array.isArray(type) ? type : [type]
  return types.filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^.*[/:#]/u, '').toLowerCase())
}

/** The page's typed things, most specific page type first (a news article before the web page holding it), a video or image it embeds last; untyped things left out. */
function rankedThings(things: JsonObject[]): JsonObject[] {
  const rankOf = (thing: JsonObject): number => {
    const types = typesOf(thing)
    const at = Math.min(...types.map((type) => data.jsonLdTypes.indexOf(type)).filter((index) => index !== -1))
    return types.some((type) => data.jsonLdPartTypes.includes(type)) ? at + data.jsonLdTypes.length : at
  }
  return things
    .map((thing) => ({thing, at: rankOf(thing)}))
    .filter(({at}) => Number.isFinite(at))
    .sort((a, b) => a.at - b.at)
    .map(({thing}) => thing)
}

function readJsonLd(documents: unknown[], add: Add): void {
  const things = jsonLdThings(documents)
  if (things.length === 0) return
  const byId = new Map<string, JsonObject>()
  for (const thing of things) if (typeof thing['@id'] === 'string') byId.set(thing['@id'], thing)
  const resolve = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
    const id = (value as JsonObject)['@id']
    return typeof id === 'string' && Object.keys(value).length === 1 ? (byId.get(id) ?? value) : value
  }
  const ranked = rankedThings(things)
  const main = ranked[0]
  if (main) {
    const type = typesOf(main)[0] ?? 'thing'
    const from = (property: string): string => `json-ld ${type}.${property}`
    add('title', main.headline ?? main.name, from(main.headline ? 'headline' : 'name'), rank.jsonLd)
    add('description', main.description, from('description'), rank.jsonLd)
    add('image', urlOf(resolve(firstOf(main.image ?? main.thumbnailUrl))), from('image'), rank.jsonLd)
    add('language', textOf(resolve(main.inLanguage)), from('inLanguage'), rank.jsonLd)
    add('canonicalUrl', urlOf(resolve(main.mainEntityOfPage)) ?? main.url, from('url'), rank.meta + data.meta.canonicalUrl.length)
    for (const keyword of listOf(main.keywords)) add('tags', keyword, from('keywords'), rank.jsonLd)
    for (const section of listOf(main.articleSection)) add('categories', section, from('articleSection'), rank.jsonLd)
    const publisher = resolve(firstOf(main.publisher))
    if (typeof publisher === 'object' && publisher !== null) add('siteName', (publisher as JsonObject).name, from('publisher.name'), rank.jsonLd)
  }
  // A QAPage's question or a web page's article names the author and dates the main thing leaves out.
  const authored = ranked.find((thing, at) => (at === 0 || typesOf(thing).every((type) => !data.jsonLdPartTypes.includes(type))) && peopleOf(thing.author ?? thing.creator, resolve).length > 0)
  if (authored) {
    const from = `json-ld ${typesOf(authored)[0]}.author`
    for (const name of peopleOf(authored.author ?? authored.creator, resolve)) add('author', name, from, rank.jsonLd)
  }
  // A web page's or product's `datePublished` is a CMS's page timestamp, not a publication date; a video or image the page embeds dates itself, not the page.
  const dated = ranked.find(
    (thing, at) =>
      typeof (thing.datePublished ?? thing.dateCreated ?? thing.uploadDate) === 'string' && typesOf(thing).every((type) => !data.jsonLdUndatedTypes.includes(type) && (at === 0 || !data.jsonLdPartTypes.includes(type)))
  )
  if (dated) {
    const type = typesOf(dated)[0] ?? 'thing'
    add('published', dated.datePublished ?? dated.dateCreated ?? dated.uploadDate, `json-ld ${type}.datePublished`, rank.jsonLd)
    add('modified', dated.dateModified, `json-ld ${type}.dateModified`, rank.jsonLd)
  }
  for (const thing of things) {
    if (typesOf(thing).some((type) => data.jsonLdSite.includes(type))) add('siteName', thing.name, `json-ld ${typesOf(thing)[0]}.name`, rank.jsonLdSite)
  }
}

/**
 * The people a JSON-LD `author` names: a string, a Person, an `@id`
 * reference, or a list of them. An Organization as author is the publisher
 * standing in for a writer the page does not name, not a person: left out.
 */
function peopleOf(value: unknown, resolve: (value: unknown) => unknown): string[] {
  const items = Array.isArray(value) ? value : [value]
  const names: string[] = []
  for (const item of items.slice(0, 20)) {
    const thing = resolve(item)
    if (typeof thing === 'string') names.push(thing)
    else if (typeof thing === 'object' && thing !== null) {
      const record = thing as JsonObject
      const name = record.name ?? [record.givenName, record.familyName].filter((part) => typeof part === 'string').join(' ')
      if (typeof name === 'string' && !typesOf(record).some((type) => data.jsonLdSite.includes(type))) names.push(name)
    }
  }
  return names
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) {
    const record = value as JsonObject
    const url = record.url ?? record.contentUrl ?? record['@id']
    return typeof url === 'string' ? url : undefined
  }
  return undefined
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) {
    const record = value as JsonObject
    const text = record.alternateName ?? record.name
    return typeof text === 'string' ? text : undefined
  }
  return undefined
}

/** A keywords or section value: a list, or one comma-separated string. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').slice(0, 100)
  return typeof value === 'string' ? value.split(',').slice(0, 100) : []
}

/** An attribute's value as the page wrote it (hast keeps some as lists). */
function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/** Most `rel=author` links (or links to writers' pages) read as the page's authors: more name a listing's many posts, not this page's writer. */
const maxRelAuthors = 3
/** Where an author is a link's text, as the metadata step names it: a `rel=author` link, a link to a writer's page. */
export const relAuthorSource = 'a rel=author'
export const authorLinkSource = 'a href=/author/…'
/** A writer's page address: `/author/jane-doe/`, `/autores/jane-doe`; the slug is the first group. */
const authorPath = new RegExp(`/(?:${data.authorPathSegments.join('|')})/([^/?#]+)/?(?:[?#]|$)`, 'iu')

/**
 * The name a link to a writer's page gives (`<a href="/authors/jane-doe">Jane Doe</a>`):
 * its text, when the address spells every word of it ("View all posts by Jane Doe" names nobody).
 */
function authorLinkName(element: Element): string | undefined {
  const address = authorPath.exec(attribute(element, 'href') ?? '')
  const text = address && boundedText(element)
  if (!address || !text || text.length > maxNameChars) return undefined
  const slug = safeDecode(address[1] as string).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3)
  return words.length > 0 && words.every((word) => slug.includes(word)) ? text : undefined
}

/** Longest link text read as a writer's name. */
const maxNameChars = 60

/** A Twitter card's numbered field (`twitter:label1`, `twitter:data1`): Yoast and other SEO plugins put the writer there, labelled "Written by". */
const cardField = /^twitter:(label|data)(\d{1,2})$/u
/** A card label that says its field is the writer: a byline's label ("Written by", "Escrito por"). */
const cardAuthorLabel = new RegExp(`^(?:${data.bylineLabels.join('|')})\\s*:?$`, 'iu')

/** Where a forum's first poster comes from, as the metadata step names it. */
export const posterSource = 'poster element'
const posterTokens = new Set(data.posterTokens)
/** Separators and digits of a post head ("by jane_doe » Sat Feb 24, 2024"), not a bare user name. */
const postHeadCharacters = /[»|•·,:]|\b(?:19|20)\d{2}\b/u

/**
 * The user name of an element the page marks as a post's author: its text
 * when a class name ends with a poster's word (`username`, `post-author`; not
 * `author_buttons` or `poster_ip`) and the text is a bare name, not a post
 * head or a profile card.
 */
function posterName(element: Element): string | undefined {
  // The innermost marked element: a poster's card marked as a whole ("avatar-username") may show the name twice, for two screen sizes.
  if (!markedAsPoster(element) || findElement(element, markedAsPoster)) return undefined
  const text = boundedText(element)
  return text && text.length <= maxPosterChars && !postHeadCharacters.test(text) && text.split(' ').length <= maxPosterWords ? text : undefined
}

/** A class name of the element ends with a poster's word. */
function markedAsPoster(element: Element): boolean {
  // It runs on every element of a page without a poster: hast keeps the class names as a list already.
  const classes = element.properties.className
  return Array.isArray(classes) && classes.some((name) => posterTokens.has(String(name).toLowerCase().split(/[_-]+/u).pop() as string))
}

/** Longest and wordiest text read as a poster's name ("Perseus Legend", "jane_doe"). */
const maxPosterChars = 40
const maxPosterWords = 3

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** One walk over the page's elements for `<meta>`, `<link>`, `<title>`, microdata, `rel=author` and `<time>`. */
function readElements(tree: HastRoot, add: Add, head: HeadFacts): void {
  const pending: RootContent[] = [...tree.children].reverse()
  // The type of the microdata item each pending node sits in ('' outside any): an author property of a review's or a comment's item signs that, not the page.
  const scopes: string[] = pending.map(() => '')
  let titleSeen = false
  const relAuthors: string[] = []
  const linkedAuthors: string[] = []
  let timeSeen = false
  let posterSeen = false
  // Twitter card fields by number: `twitter:label1` "Written by" names what `twitter:data1` holds.
  const cards = new Map<string, {label?: string; data?: string}>()
  // The first microdata author is the page's; later ones sign its answers, comments and reviews.
  const once = new Set<MetadataField>()
  while (pending.length > 0) {
    const node = pending.pop() as RootContent
    const scope = scopes.pop() as string
    if (node.type !== 'element') continue
    const element = node
    const itemprop = itempropIn(element, scope)
    switch (element.tagName) {
      case 'html':
        add('language', attribute(element, 'lang') ?? attribute(element, 'xmlLang'), 'html lang', rank.link)
        break
      case 'meta':
        readMeta(element, itemprop, add, head, cards)
        continue
      case 'link':
        if (/\bcanonical\b/iu.test(attribute(element, 'rel') ?? '')) add('canonicalUrl', attribute(element, 'href'), 'link rel=canonical', rank.link)
        continue
      case 'title':
        if (!titleSeen) add('title', toString(element), '<title>', rank.titleElement)
        titleSeen = true
        continue
      case 'a': {
        const name = /\bauthor\b/iu.test(attribute(element, 'rel') ?? '') ? boundedText(element) : undefined
        if (name && !relAuthors.includes(name)) relAuthors.push(name)
        const linked = name ? undefined : authorLinkName(element)
        if (linked && !linkedAuthors.includes(linked)) linkedAuthors.push(linked)
        break
      }
      case 'time': {
        const datetime = attribute(element, 'dateTime')
        const words = `${attribute(element, 'className') ?? ''} ${element.properties.pubdate === undefined ? '' : 'pubdate'}`
        if (datetime && !itemprop && updatedTimeWords.test(words)) add('modified', datetime, 'time datetime (updated)', rank.time)
        else if (datetime && !itemprop && publishedTimeWords.test(words)) add('published', datetime, 'time datetime (published)', rank.time)
        // The page's first dated `<time>` that says no more than that it is a date heads its article or its thread's first post.
        else if (datetime && !itemprop && !timeSeen && dateTimeWords.test(words)) add('published', datetime, 'time datetime (first)', rank.plainTime)
        timeSeen ||= datetime !== undefined
        break
      }
    }
    if (itemprop) readItemprop(element, itemprop, add, once)
    // A forum thread's first poster: the first element the page marks as a post's author (`<a class="username">`); the metadata step keeps it on forum pages only.
    if (!posterSeen) {
      const poster = posterName(element)
      if (poster) add('author', poster, posterSource, rank.poster)
      posterSeen = poster !== undefined
    }
    const inner = element.properties.itemScope ? itemTypeOf(element) : scope
    for (let index = element.children.length - 1; index >= 0; index--) {
      pending.push(element.children[index] as RootContent)
      scopes.push(inner)
    }
  }
  for (const [number, {label, data: value}] of cards) {
    if (label !== undefined && cardAuthorLabel.test(label)) add('author', value, `meta twitter:data${number} (${label.toLowerCase()})`, rank.labelledMeta)
  }
  if (relAuthors.length <= maxRelAuthors) for (const name of relAuthors) add('author', name, relAuthorSource, rank.relAuthor)
  // The first writer's link is the byline's; later ones name a reviewer, an editor or a related post's writer.
  if (linkedAuthors.length <= maxRelAuthors) add('author', linkedAuthors[0], authorLinkSource, rank.authorLink)
}

function readMeta(element: Element, itemprop: string | undefined, add: Add, head: HeadFacts, cards: Map<string, {label?: string; data?: string}>): void {
  const content = attribute(element, 'content')
  if (content === undefined) return
  const named = (attribute(element, 'property') ?? attribute(element, 'name'))?.toLowerCase()
  const card = named === undefined ? null : cardField.exec(named)
  if (card) {
    const entry = cards.get(card[2] as string) ?? {}
    entry[card[1] as 'label' | 'data'] = content.trim()
    cards.set(card[2] as string, entry)
    return
  }
  if (named === 'og:type' || named === 'generator') {
    const key = named === 'og:type' ? 'ogType' : 'generator'
    if (head[key] === undefined && content.trim()) head[key] = content.trim().toLowerCase()
  }
  if (itemprop) {
    const field = itempropFields[itemprop]
    if (field) add(field, content, `meta itemprop=${itemprop}`, rank.microdata)
    return
  }
  const keys = [attribute(element, 'property'), attribute(element, 'name'), attribute(element, 'httpEquiv')]
  for (const key of keys) {
    if (!key) continue
    const name = key.toLowerCase()
    for (const {field, rank: at} of metaFields.get(name) ?? []) add(field, content, `meta ${name}`, at)
  }
}

function readItemprop(element: Element, itemprop: string, add: Add, once: Set<MetadataField>): void {
  for (const property of itemprop.split(/\s+/u)) {
    const field = itempropFields[property]
    if (!field) continue
    if (field === 'author') {
      if (once.has(field)) continue
      once.add(field)
    }
    const source = `microdata itemprop=${property}`
    const stated = attribute(element, 'content') ?? attribute(element, 'dateTime')
    if (stated) {
      add(field, stated, source, rank.microdata)
    } else if (field === 'author') {
      const name = findItemprop(element, 'name')
      add(field, name ? (attribute(name, 'content') ?? boundedText(name)) : boundedText(element), source, rank.microdata)
    } else {
      add(field, boundedText(element), source, rank.microdata)
    }
  }
}

/** Microdata items an author property signs for themselves, not for the page: a review's, a comment's, an answer's. */
const selfSignedItems = new Set(data.selfSignedItemTypes)

/** The schema.org type an item element declares, lower case and without its vocabulary (`https://schema.org/Review` is `review`). */
function itemTypeOf(element: Element): string {
  const type = attribute(element, 'itemType')?.trim().split(/\s+/u)[0] ?? ''
  return type.slice(type.lastIndexOf('/') + 1).toLowerCase()
}

/** An element's `itemprop`, lower case; inside an item that signs for itself (of type `scope`), less the properties that give an author. */
function itempropIn(element: Element, scope: string): string | undefined {
  const itemprop = attribute(element, 'itemProp')?.toLowerCase()
  if (itemprop === undefined || !selfSignedItems.has(scope)) return itemprop
  return itemprop.split(/\s+/u).filter((property) => itempropFields[property] !== 'author').join(' ') || undefined
}

/** The first element below an item element with the given `itemprop` of that item: not inside an item nested in it (an author's employer has a name too). */
function findItemprop(element: Element, property: string): Element | undefined {
  return findElement(
    element,
    (node) => attribute(node, 'itemProp')?.toLowerCase().split(/\s+/u).includes(property) === true,
    (node) => !node.properties.itemScope
  )
}

/** The first element below `element` that passes `test`, breadth first, looking inside only the elements that pass `descend`. */
function findElement(element: Element, test: (node: Element) => boolean, descend: (node: Element) => boolean = () => true): Element | undefined {
  const pending = [...element.children]
  // Breadth first with a moving start: shifting an array is quadratic on a large subtree.
  for (let next = 0; next < pending.length; next++) {
    const node = pending[next]
    if (node?.type !== 'element') continue
    if (test(node)) return node
    if (descend(node)) pending.push(...node.children)
  }
  return undefined
}

/** An element's text, or nothing when it is too long to be a metadata value. */
function boundedText(element: Element): string | undefined {
  const text = toString(element).replace(/\s+/gu, ' ').trim()
  return text.length > maxValueChars ? undefined : text
}
