import type {Plugin} from 'unified'
import bio from './data/bio.json' with {type: 'json'}
import dateData from './data/metadata.json' with {type: 'json'}
import hints from './data/dom-hints.json' with {type: 'json'}
import data from './data/page-metadata.json' with {type: 'json'}
import {bylineStart, isoDate} from './dates.js'
import {escapeRegExp} from './lexicon.js'
import {headlineOf} from './parse/title.js'
import {blocksOf} from './tree.js'
import type {Block, BlockNode, ElementInfo, MetadataCandidate, MetadataField, MetadataSources, PageMetadata, Root, StatedMetadata} from './types.js'

/**
 * Ranks of what the page's blocks say, after everything the page states in
 * its markup: the title block (the `<h1>` closest to `<title>`), then the
 * byline and dateline blocks the metadata classifier found.
 */
const pageRank = {titleBlock: 5, byline: 500, nameBesideByline: 520} as const

/** Most tags or categories kept. */
const maxListItems = 50
/** Most authors kept. */
const maxAuthors = 10
/** Blocks after the title (or the page's start) searched for a byline or dateline: the article's own sits by its headline, a listing's items' further down. */
const bylineWindow = 10

const bylineAt = new RegExp(bylineStart.source, 'iu')
/** A byline's start that introduces a date, not a name. */
const dateStart = /^(?:published|updated|last updated|posted on|published on|updated on|submitted on|written on)\b/iu
/** "Post by jane_doe » …": a forum post's or a comment's head. */
const byWithin = /(?<=\s)by\s+/iu
/** "ByJane Doe": a text dump that lost the space between a byline's label and the name. */
const gluedBy = /^(?:written )?by(?=\p{Lu})/iu
/** "Jane DoePublished …": the name glued to the dateline's label. */
const gluedLabel = /(?<=\p{Ll})(?=(?:Published|Updated|Posted|Last updated|Reviewed|Fact checked)\b)/u
/** Dates that are not the page's: when a member joined, a company was founded. */
const undatedLabel = new RegExp(`^(?:${data.undatedLabels.join('|')})(?!\\p{L})`, 'iu')
/** A whole word or phrase of the list, in any script (`\b` knows only ASCII letters). */
const anyWord = (words: string[]): string => `(?<!\\p{L})(?:${words.map(escapeRegExp).join('|')})(?!\\p{L})`
/** A dateline that says when the page changed, not when it came out. */
const updatedLine = new RegExp(anyWord(data.updatedLabels), 'iu')
const publishedLine = new RegExp(anyWord(data.publishedLabels), 'iu')
const credential = new RegExp(data.credentialShape, 'u')
const roleWords = new Set(bio.roles)
const nameParticles = new Set(data.nameParticles)
const noiseWords = new Set(data.authorNoise)
/** Where a byline's names end: a separator, a date phrase, a line break. */
const nameRunEnd = new RegExp(`\\s*(?:[|•·—–»]|\\s-\\s|\\n|\\d|\\b(?:on|at|in|from|${dateData.months.join('|')})\\b|${anyWord([...data.publishedLabels, ...data.updatedLabels])})`, 'iu')
/** Between names of a byline. */
const nameSeparator = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/iu

/**
 * The metadata step: after the classifiers, read the page's metadata into
 * `tree.data.metadata`: for each field the most trusted value the page
 * states (JSON-LD, Open Graph and Twitter cards, Dublin Core and `citation_*`,
 * microdata, `<time>`, `<title>`), then its title block and its byline and
 * dateline blocks, which text dumps have too. Every field keeps its source.
 */
const dechaffPageMetadata: Plugin<[], Root> = function () {
  return (tree) => {
    tree.data = {...tree.data, metadata: pageMetadata(tree)}
  }
}

export default dechaffPageMetadata

/** The page's metadata and where each field came from. */
export function pageMetadata(tree: Root): {fields: PageMetadata; sources: MetadataSources} {
  const candidates = withPageEvidence(tree, blocksOf(tree))
  const fields: PageMetadata = {}
  const sources: MetadataSources = {}
  const language = pick(candidates.language, languageTag)
  const detected = tree.data?.language
  if (language) {
    fields.language = language.value
    sources.language = language.source
  } else if (detected && detected.source !== 'default' && detected.code !== 'und') {
    // A page that states no language (every text dump) has the one its text was read in.
    fields.language = detected.code
    sources.language = detected.source === 'option' ? 'language option' : 'detected from the text'
  }
  const single = {
    title: titleText,
    siteName: plainText,
    description: plainText,
    canonicalUrl: url,
    image: url,
    published: (value: string) => isoDate(value, fields.language),
    modified: (value: string) => isoDate(value, fields.language)
  } as const
  for (const field of Object.keys(single) as Array<keyof typeof single>) {
    const chosen = pick(candidates[field], single[field])
    if (chosen) {
      fields[field] = chosen.value
      sources[field] = chosen.source
    }
  }
  const author = authorsOf(candidates.author ?? [])
  if (author) {
    fields.author = author.value
    sources.author = author.source
  }
  for (const field of ['tags', 'categories'] as const) {
    const list = listOf(candidates[field] ?? [])
    if (list) {
      fields[field] = list.value
      sources[field] = list.source
    }
  }
  const pageType = tree.data?.pageType
  if (pageType) {
    fields.pageType = pageType.type
    sources.pageType = pageType.evidence[0] === 'set by the caller' ? 'set by the caller' : 'page-type classifier'
  }
  return {fields, sources}
}

/** The stated candidates with the page's title, byline and dateline blocks added. */
function withPageEvidence(tree: Root, nodes: BlockNode[]): StatedMetadata {
  const stated = tree.data?.stated ?? {}
  const candidates: StatedMetadata = {}
  for (const [field, list] of Object.entries(stated)) candidates[field as MetadataField] = [...list]
  const add = (field: MetadataField, candidate: MetadataCandidate): void => {
    const list = (candidates[field] ??= [])
    list.push(candidate)
    list.sort((a, b) => a.rank - b.rank)
  }
  const titleAt = nodes.findIndex((node) => node.data.block.evidence.title)
  if (titleAt !== -1) add('title', {value: nodes[titleAt]!.data.block.text, source: `title block ${titleAt}`, rank: pageRank.titleBlock})
  // Without a title block (a text dump) the byline is the first one on the page, menus before it and all.
  const window = titleAt === -1 ? nodes : nodes.slice(titleAt, titleAt + bylineWindow)
  const elements = tree.data?.elements ?? []
  let dated = false
  let bodyStarted = false
  for (const node of window) {
    const block = node.data.block
    if (block.quality?.class === 'good' && block.verdict?.keep) bodyStarted = true
    const removal = block.removal?.ruleId
    if (removal === 'comment-thread' || removal === 'trailing-stories') break
    if (removal !== 'byline' && !inBylineElement(block, elements)) continue
    const source = `byline block ${block.evidence.index}`
    const names = bylineNames(block.text, block.removal?.reason ?? '')
    // Every byline is a candidate, "By …" lines first: a bare name beside a dateline may be a menu's last item.
    // A bare name or a name and role after the body has begun is a contact or a quote's speaker, not the byline.
    if (names && (names.stated || !bodyStarted)) add('author', {value: names.value, source, rank: names.stated ? pageRank.byline : pageRank.nameBesideByline})
    if (!dated && !undatedLabel.test(block.text) && isoDate(block.text, stated.language?.[0]?.value ?? tree.data?.language?.code) !== undefined) {
      add(updatedLine.test(block.text) && !publishedLine.test(block.text) ? 'modified' : 'published', {value: block.text, source, rank: pageRank.byline})
      dated = true
    }
  }
  return candidates
}

/** Deepest ancestor chain followed from a block to a byline container. */
const maxAncestors = 12
const bylineTokens = new Set(hints.metadataTokens)

/** HTML: the block sits in an element the page marks as its byline, author or dateline (a DOM hint may have removed it first). */
function inBylineElement(block: Block, elements: ElementInfo[]): boolean {
  let index = block.evidence.html?.element ?? -1
  for (let step = 0; index >= 0 && step < maxAncestors; step++) {
    const element = elements[index]
    if (!element) return false
    if (element.furniture !== undefined && bylineTokens.has(element.furniture)) return true
    index = element.parent
  }
  return false
}

/** The names a byline block gives, and whether it says they are the authors ("By …") or only sits beside such a line. */
function bylineNames(text: string, reason: string): {value: string; stated: boolean} | undefined {
  if (reason.startsWith('author name')) return {value: text, stated: false}
  if (dateStart.test(text)) {
    const by = /\bby\s*(?=\p{Lu})/u.exec(text) ?? /\bby\s+/iu.exec(text)
    return by ? {value: text.slice(by.index + by[0].length), stated: true} : undefined
  }
  const start = bylineAt.exec(text) ?? gluedBy.exec(text) ?? byWithin.exec(text)
  if (start) return {value: text.slice(start.index + start[0].length), stated: true}
  return reason.startsWith('byline: name and role') ? {value: text, stated: false} : undefined
}

/** The first candidate whose value reads as the field, normalised. */
function pick(list: MetadataCandidate[] | undefined, read: (value: string, source: string) => string | undefined): MetadataCandidate | undefined {
  for (const candidate of list ?? []) {
    const value = read(candidate.value, candidate.source)
    if (value) return {...candidate, value}
  }
  return undefined
}

/** The authors from the most trusted source that names any; a source naming several (JSON-LD lists, repeated meta tags) gives them all. */
function authorsOf(list: MetadataCandidate[]): {value: string[]; source: string} | undefined {
  for (const candidate of list) {
    const sameSource = list.filter((other) => other.source === candidate.source)
    const handles = candidate.source.startsWith('byline')
    const names = dedupe(sameSource.flatMap((other) => personNames(other.value, handles))).slice(0, maxAuthors)
    if (names.length > 0) return {value: names, source: candidate.source}
  }
  return undefined
}

/** The tags or categories of the most trusted source that gives any. */
function listOf(list: MetadataCandidate[]): {value: string[]; source: string} | undefined {
  const first = list[0]
  if (!first) return undefined
  const items = list
    .filter((other) => other.source === first.source)
    .flatMap((other) => other.value.split(/\s*[,;]\s*/u))
    .map((item) => plainText(item))
    .filter((item): item is string => item !== undefined && item.length <= 100)
  const value = dedupe(items).slice(0, maxListItems)
  return value.length > 0 ? {value, source: first.source} : undefined
}

/** People named in a byline or an author field: "By Jane Doe and John Roe, Staff Writers" gives both names. */
export function personNames(value: string, handles = true): string[] {
  let text = value.replace(/\s+/gu, ' ').trim().split(gluedLabel)[0] ?? ''
  const start = bylineAt.exec(text) ?? gluedBy.exec(text)
  if (start) text = text.slice(start[0].length)
  const end = nameRunEnd.exec(text)
  if (end && end.index > 0) text = text.slice(0, end.index)
  return text
    .split(nameSeparator)
    .map((part) => withoutGluedRole(part))
    .map((part) => part.replace(/^[\s"'“”‘’(@]+|[\s"'“”‘’).:]+$/gu, ''))
    .filter((part) => isPersonName(part, handles))
}

/** "Jane DoeStaff writer": a name glued to its role by markup without spaces. */
function withoutGluedRole(part: string): string {
  const glue = /(?<=\p{Ll})(?=\p{Lu})/u.exec(part)
  if (!glue) return part
  const role = part.slice(glue.index).toLowerCase().split(/\s+/u)
  return role.length > 1 && roleWords.has(role[role.length - 1] as string) ? part.slice(0, glue.index) : part
}

function isPersonName(part: string, handles: boolean): boolean {
  if (part.length < 2 || part.length > 60 || /[\d/\\@<>=]|https?:|www\.|\.\w{2,4}$/iu.test(part)) return false
  if (!/\p{L}/u.test(part) || credential.test(part)) return false
  // A CMS login ("jane-doe", "j.doe") in an author field is an account; a forum byline's user name is the poster.
  if (!handles && !/\s/u.test(part) && /[-_.]/u.test(part)) return false
  const written = part.split(/\s+/u)
  // Names are capitalised words and particles; "Director of Communications" or "the Support Team" is not one.
  if (written.length > 6 || written.some((word) => /^\p{Ll}/u.test(word) && !nameParticles.has(word)) && written.length > 1) return false
  const words = written.map((word) => word.toLowerCase())
  const isRole = (word: string): boolean => roleWords.has(word) || roleWords.has(word.replace(/s$/u, ''))
  // A job title ends with its role: "Senior Science Correspondent", "Local Democracy Reporter".
  if (words.length > 1 && isRole(words[words.length - 1] as string)) return false
  return !words.every((word) => isRole(word) || noiseWords.has(word))
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = item.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function plainText(value: string): string | undefined {
  const text = value.replace(/\s+/gu, ' ').trim()
  return text === '' ? undefined : text
}

/** A title; `<title>` loses its site name ("Headline | Site" gives "Headline"). */
function titleText(value: string, source: string): string | undefined {
  return plainText(source === '<title>' ? headlineOf(value) : value)
}

function url(value: string): string | undefined {
  const text = value.trim()
  return /^(?:https?:)?\/\/\S+$|^\/[^/\s]\S*$/iu.test(text) ? text : undefined
}

/** `en_US` or `EN-us` as `en-US`; `x-default` and other non-languages are none. */
function languageTag(value: string): string | undefined {
  const match = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}|[a-z]{4}))?\b/iu.exec(value.trim())
  if (!match) return undefined
  const base = match[1]!.toLowerCase()
  const region = match[2]
  if (!region) return base
  return `${base}-${region.length === 2 ? region.toUpperCase() : region}`
}
