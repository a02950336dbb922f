import type {Plugin} from 'unified'
import bio from './data/bio.json' with {type: 'json'}
import dateData from './data/metadata.json' with {type: 'json'}
import hints from './data/dom-hints.json' with {type: 'json'}
import data from './data/page-metadata.json' with {type: 'json'}
import {bylineStart, calendarDay, carriesDate, gluedForms, earliestIsoDate, isoDate, unglued, writerBeforeDate} from './dates.js'
import {closestAncestor} from './elements.js'
import {english, languageProfile} from './language.js'
import {alternation} from './lexicon.js'
import {scoresOf, tokenOverlap} from './metrics.js'
import {guessedType, likelyOtherType} from './page-features.js'
import {authorLinkSource, posterSource, relAuthorSource} from './parse/head.js'
import {headlineOf, titleSeparators} from './parse/title.js'
import {blocksOf} from './tree.js'
import {commonEnglishWords, givenNames} from './words.js'
import type {Block, BlockNode, ElementInfo, Mark, MetadataCandidate, MetadataField, MetadataSources, PageMetadata, PageTypeVerdict, Root, StatedMetadata} from './types.js'

/**
 * Ranks of what the page's blocks say, after everything the page states in
 * its markup: the title block (the `<h1>` closest to `<title>`), then the
 * byline and dateline blocks the metadata classifier found, the name after a
 * byline's label ("Written by" on a line of its own), a forum thread's first
 * poster, a bio's or an author element's name, a personal site's owner, a
 * date in the page's address, and a bare date by the headline
 * that no classifier marked (a dateline set as a heading or in a layout table),
 * then the writer and the one day the page's labelled lines give, wherever they sit.
 * A text dump's dateline by its headline comes before its other datelines,
 * which a dump's menus and lists above the headline may hold.
 */
const pageRank = {titleBlock: 5, dumpHeadlineByline: 495, dumpHeadlineName: 496, threadStart: 497, dumpDateline: 498, dumpDatelineAbove: 499, byline: 500, labelledName: 510, poster: 515, nameBesideByline: 520, labelledAuthor: 530, bioName: 535, authorElement: 537, siteOwner: 538, address: 540, bareDate: 550, labelledDate: 560, bodyEdgeDate: 570} as const

/** A byline's rank: signed ("By Jane Doe") before a bare name beside a dateline; a dump's by its headline before any other, a bare one when a known given name leads it ("Vibe Coding" there is a section's). */
function nameRank(value: string, signed: boolean, byDumpHeadline: boolean): number {
  if (byDumpHeadline && signed) return pageRank.dumpHeadlineByline
  if (byDumpHeadline && isBareName(value)) return pageRank.dumpHeadlineName
  return signed ? pageRank.byline : pageRank.nameBesideByline
}

/** Most tags or categories kept. */
const maxListItems = 50
/** Most authors kept. */
const maxAuthors = 10
/** Blocks after the title (or the page's start) searched for a byline or dateline: the article's own sits by its headline, a listing's items' further down (a forum thread's first post head: `forumBylineWindow`). */
const {bylineWindow} = data
/** Blocks before the title searched too: many pages put the dateline or byline above the headline. */
const {bylineLead} = data
/** A line that is only a byline's label ("Written by", "Author:"): the name is the next block. */
const bylineLabel = new RegExp(`^(?:${data.bylineLabels.join('|')})\\s*:?$`, 'iu')
/** Byline labels of more than one word ("Written by", "écrit par"), which label a writer wherever they stand, as a bare "By" does not. */
const phrasedBylineLabels = data.bylineLabels.filter((label) => label.includes(' ')).join('|')
/** A date in the page's address: `/2024/03/04/`, `/2024-03-04-`. */
const urlDate = /[/_-]((?:19|20)\d{2})[/_-](0[1-9]|1[0-2])[/_-](0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/u

const bylineAt = new RegExp(bylineStart.source, 'iu')
/** A thread's statistics line naming its first poster: "Thread starter jane_doe", "Started by Jane Doe". */
const threadStarter = new RegExp(`^(?:${data.threadStarterLabels.join('|')})\\s*:?\\s+`, 'iu')
/** A thread's start date, labelled at the start of its statistics line or a part of it: "Start date Feb 25, 2024". */
const threadStartDate = new RegExp(`(?:^|[|•·]\\s*)(?:${alternation(data.threadStartDateLabels)})\\s*:?\\s*`, 'iu')
/** The source a thread's start date is added under, which `shownOnPage` reads back. */
const threadStartSource = 'thread start'
/** Where the poster's name ends on that line: the thread's start date or a separator. */
const threadStarterEnd = /\s*(?:\n|[|•·]|\b(?:start date|started)\b)/iu
/** A byline's label that names someone other than the writer: "Edited by", "Medically reviewed by". */
const otherRoleLabel = new RegExp(`^(?:${alternation(data.otherRoleLabels)})(?!\\p{L})`, 'iu')
/** A writer's label after a separator in such a line: "— Written by", "| By". */
const writerAfterSeparator = new RegExp(`\\s[—–|•·]\\s*(?:${phrasedBylineLabels}|by)\\s*:?\\s+(?=\\p{Lu})`, 'iu')
/** A byline's start that introduces a date, not a name. */
const dateStart = /^(?:published|updated|last updated|posted on|published on|updated on|submitted on|written on)\b/iu
/** "Post by jane_doe » …": a forum post's or a comment's head, a few words before "by" ("All of our content is written by humans" is a sentence). */
const byWithin = /^(?:\S+\s+){1,3}?by\s+/iu
/** "March 15, 2022 · 3 min read · By Jane Doe": a dateline's parts, the byline among them. */
const byAfterSeparator = /[|•·]\s*[Bb]y:?\s+(?=\p{Lu})/u
/** "ByJane Doe": a text dump that lost the space between a byline's label and the name; case-sensitive after the label, as "Byron Smith" is a name (a case-blind `\p{Lu}` takes lower case too). */
const gluedBy = /^(?:[Ww]ritten )?[Bb][Yy](?=\p{Lu})/u
/** "Written by:Jane Doe": a byline's label glued to the name by its colon. */
const gluedColon = /(?<=^(?:\p{L}+ )?by):(?=\S)/iu
/** "Jane DoePublished …", "Conor AllisonJanuary 14, 2026", "Mental HealthDECEMBER 22, 2022": the name glued to the dateline's label or date. */
const gluedLabel = new RegExp(`(?<=\\p{Ll})(?=(?:Published|Updated|Posted|Last updated|Reviewed|Fact checked|In(?=\\s)|${gluedForms(data.gluedMonths).join('|')})\\b)`, 'u')
/** Dates that are not the page's: when a member joined, a company was founded. */
const undatedLabel = new RegExp(`^[^\\p{L}\\d]*(?:${data.undatedLabels.join('|')})(?!\\p{L})`, 'iu')
/** A whole word or phrase of the list, in any script (`\b` knows only ASCII letters). */
const anyWord = (words: string[]): string => `(?<!\\p{L})(?:${alternation(words)})(?!\\p{L})`
/** A dateline that says when the page changed, not when it came out. */
const updatedLine = new RegExp(anyWord(data.updatedLabels), 'iu')
const publishedLine = new RegExp(anyWord(data.publishedLabels), 'iu')
const credential = new RegExp(data.credentialShape, 'u')
const roleWords = new Set(bio.roles)
const nameParticles = new Set(data.nameParticles)
/** Lower-case words a team's signature may hold besides a name's particles ("the Lavazza Team", "Jane Doe with John Roe"). */
const teamParticles = new Set([...data.nameParticles, ...data.teamParticles])
const organisationWords = new Set(data.organisationWords)
const undatedPageTypes = new Set(data.undatedPageTypes)
const guessedUndatedPageTypes = new Set(data.guessedUndatedPageTypes)
const unsignedPageTypes = new Set(data.unsignedPageTypes)
/** A date's words: month and weekday names and a dateline's labels. */
const dateLabelWords = [...dateData.months, ...dateData.weekdays, ...data.publishedLabels, ...data.updatedLabels]
/** Words that never name a person in a byline: interface words, months, weekdays and a dateline's labels ("Modified 7 months ago" names nobody). */
const noiseWords = new Set([...data.authorNoise, ...dateLabelWords])
/** What an author field holds when nobody signed: a CMS's placeholder, an interface's word, a date's words. */
const placeholderAuthors = new Set([...data.placeholderAuthors, ...dateLabelWords])
/** Where a byline's names end: a separator, a date phrase, a line break. */
const nameRunEnd = new RegExp(`\\s*(?:[|•·⋅∙●・—–»]|\\s-\\s|\\n|[(\\[]?(?<![\\p{L}\\d_])\\d|\\b(?:on|at|in|from)\\b|\\b(?:${dateData.months.join('|')})\\b(?=\\.?,?\\s*\\d)|${anyWord([...data.publishedLabels, ...data.updatedLabels])})`, 'iu')
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
  const nodes = blocksOf(tree)
  const {candidates, shownDays} = withPageEvidence(tree, nodes)
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
  const title = chooseTitle(candidates, tree.data?.pageType?.type)
  if (title) {
    fields.title = title.value
    sources.title = title.source
  }
  const single = {
    siteName: plainText,
    description: plainText,
    canonicalUrl: url,
    image: url,
    published: (value: string) => earliestIsoDate(value, fields.language),
    modified: (value: string) => isoDate(value, fields.language)
  } as const
  let modifiedBlock: number | undefined
  // The dates as the page writes them, for the order of a numeric date's day and month.
  const written: Partial<Record<'published' | 'modified', string>> = {}
  for (const field of Object.keys(single) as Array<keyof typeof single>) {
    const chosen = pick(candidates[field], single[field])
    if (chosen) {
      fields[field] = chosen.value
      sources[field] = chosen.source
      if (field === 'modified') modifiedBlock = chosen.block
      if (field === 'published' || field === 'modified') written[field] = chosen.written
    }
  }
  // A page that shows only when it was updated has that as its date, as htmldate and trafilatura read it; a date only its markup states is not shown.
  // An update stamp below all the text the page keeps ("Last updated on Mar 6, 2026" at a manual's or a wiki's foot) is what such sites print on every page at each edit: it dates no publication.
  if (!fields.published && fields.modified && (sources.modified?.startsWith('byline') || shownDays.has(fields.modified.slice(0, 10))) && !belowKeptText(modifiedBlock, nodes)) {
    fields.published = fields.modified
    sources.published = `${sources.modified} (the page's only date)`
    written.published = written.modified
  }
  const dayFirst = fields.published && written.published ? dayFirstReading(written.published, fields.published, nodes, fields.language) : undefined
  if (dayFirst) {
    fields.published = dayFirst.value
    sources.published = `${sources.published} (day first, as block ${dayFirst.block} writes that day)`
  }
  const shown = fields.published && !shownOnPage(sources.published) ? earlierDateline(fields.published, fields.modified, candidates.published ?? [], fields.language) : undefined
  if (shown) {
    fields.published = shown.value
    sources.published = `${shown.source} (before the stated ${sources.published})`
  }
  // A forum thread's post heads show its replies' days.
  const update = fields.published && fields.modified && !shownOnPage(sources.published) && tree.data?.pageType?.type !== 'forum' ? shownUpdate(fields.published, fields.modified, shownDays) : false
  if (update) {
    fields.published = fields.modified
    sources.published = `${sources.modified} (the date the page shows)`
  }
  if (fields.published) {
    const local = localDay(fields.published, candidates.published ?? [])
    if (local) {
      fields.published = local.value
      sources.published = `${sources.published} (calendar day of ${local.source})`
    }
  }
  const author = authorsOf(candidates.author ?? [], new Set((candidates.siteName ?? []).map((candidate) => foldTitle(candidate.value))))
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
  // A shop's product or category page, a listing or a service page is no dated, signed piece: its stamps are a CMS's, its names a listed item's.
  if (pageType && ((undatedPageTypes.has(pageType.type) && !doubtedServiceArticle(pageType, sources.published)) || guessedUndated(pageType))) {
    delete fields.published
    delete sources.published
  }
  if (pageType && unsignedPageTypes.has(pageType.type)) {
    delete fields.author
    delete sources.author
  }
  if (pageType) {
    fields.pageType = pageType.type
    sources.pageType = pageType.evidence[0] === 'set by the caller' ? 'set by the caller' : 'page-type classifier'
  }
  return {fields, sources}
}

/** Rules whose removals are a page's controls (a share row's buttons): the byline window does not count them. */
const uncountedRules = new Set(data.bylineWindowUncountedRules)

/** Where the byline window under the title ends: `size` blocks below it, a share row's buttons between them not counted. */
function windowEnd(nodes: BlockNode[], titleAt: number, size: number): number {
  let end = titleAt
  for (let counted = 0; counted < size && end < nodes.length; end++) {
    if (!uncountedRules.has(nodes[end]!.data.block.removal?.ruleId ?? '')) counted++
  }
  return end
}

/** The block lies below every block the page keeps (and the page keeps some). */
function belowKeptText(index: number | undefined, nodes: BlockNode[]): boolean {
  if (index === undefined) return false
  const lastKept = nodes.findLastIndex((node) => node.data.block.verdict?.keep)
  return lastKept !== -1 && index > lastKept
}

/** Cleaned as an article, the page may be a product's or a listing's after all (`guessedUndatedPageTypes`, its `likelyOtherType`, on HTML a listing too): its dates are as likely a shop's or a CMS's stamps. */
function guessedUndated(pageType: PageTypeVerdict): boolean {
  const type = likelyOtherType(pageType)
  return type !== undefined && guessedUndatedPageTypes.has(type)
}

/** The date was read from the page's own lines (a byline, a thread's start date), not stated in its markup. */
function shownOnPage(source: string | undefined): boolean {
  return source !== undefined && (source.startsWith('byline') || source.startsWith(threadStartSource))
}

/** Where a page states its publication time as an article's: Open Graph's `article:published_time`, a `<time>` its class calls the published one. */
const articleDateSources = new Set(data.articleDateSources)

/**
 * A page the page-type model calls a service page without being sure of it
 * (below `doubtedServiceConfidence`) that states its publication time as an
 * article's keeps that date: a company's blog post or report looks like its
 * service pages, and its head says what it is. A date read from a dateline
 * does not count (a service page's dated lines are its offers' and events').
 */
function doubtedServiceArticle(pageType: PageTypeVerdict, source: string | undefined): boolean {
  return pageType.type === 'service' && pageType.confidence < data.doubtedServiceConfidence && source !== undefined && articleDateSources.has(source.split(' (calendar day')[0] as string)
}

/** The stated candidates with the page's title, byline and dateline blocks added. */
function withPageEvidence(tree: Root, nodes: BlockNode[]): {candidates: StatedMetadata; shownDays: Map<string, boolean>} {
  const stated = tree.data?.stated ?? {}
  const candidates: StatedMetadata = {}
  for (const [field, list] of Object.entries(stated)) candidates[field as MetadataField] = [...list]
  const forum = tree.data?.pageType?.type === 'forum'
  // A page the model doubted was a forum, or ranked one second, marks its thread's first poster as a forum does.
  const forumGuessed = guessedType(tree) === 'forum'
  // The first element marked as a post's author names a thread's starter; elsewhere it is a comment's or a sidebar's.
  if (!forum && !forumGuessed && candidates.author) candidates.author = candidates.author.filter((candidate) => candidate.source !== posterSource)
  // Each list stays in rank order, a candidate after those of its rank, as a stable sort would place it: looked for from the end, where most land (a page of thousands of dated lines adds thousands of candidates of one rank).
  const add = (field: MetadataField, candidate: MetadataCandidate): void => {
    const list = (candidates[field] ??= [])
    let at = list.length
    while (at > 0 && (list[at - 1] as MetadataCandidate).rank > candidate.rank) at--
    list.splice(at, 0, candidate)
  }
  const titleBlock = nodes.findIndex((node) => node.data.block.evidence.title)
  const titleEvidence = nodes[titleBlock]?.data.block.evidence.titleEvidence
  if (titleBlock !== -1) add('title', {value: nodes[titleBlock]!.data.block.text, source: `title block ${titleBlock}${titleEvidence ? ` (${titleEvidence})` : ''}`, rank: pageRank.titleBlock})
  // A dump's headline is found by its words, less surely than an `<h1>`: its bylines are looked for page-wide.
  const titleAt = tree.data?.elements ? contentAnchor(nodes, titleBlock) : -1
  // The headline a byline sits under: a dump's found by its words serves for the lines right under it.
  const headlineAt = tree.data?.elements ? titleAt : titleBlock
  const address = urlDate.exec(tree.data?.page?.url ?? '')
  if (address) add('published', {value: `${address[1]}-${address[2]}-${address[3]}`, source: 'page address', rank: pageRank.address})
  // Without a title block (a text dump) the byline is the first one on the page, menus before it and all.
  const windowStart = titleAt === -1 ? 0 : Math.max(0, titleAt - bylineLead)
  // A thread's first post head sits below the thread's toolbar and its poster's card.
  const window = titleAt === -1 ? nodes : nodes.slice(windowStart, windowEnd(nodes, titleAt, forum ? data.forumBylineWindow : bylineWindow))
  const elements = tree.data?.elements ?? []
  let dated = false
  // A text dump's date read by its headline: it outranks a date read above, in its menus or lists.
  let headlineDated = false
  let bareDated = false
  const language = stated.language?.[0]?.value ?? tree.data?.language?.code
  // A section's front page ("Cloud", "Engineering") heads many dated items with a short title: its bylines and datelines are its items'.
  const shownDays = new Map<string, boolean>()
  // Only a page whose markup states an update is dated by what its dateline shows (a text dump states none).
  const readsShownDays = titleAt !== -1 && (stated.modified?.length ?? 0) > 0
  if (titleBlock !== -1 && titleAt !== -1 && isFrontPage(nodes, nodes[titleBlock]!.data.block.text, language)) return {candidates, shownDays}
  let bodyStarted = false
  let posterSeen = false
  for (let at = 0; at < window.length; at++) {
    const block = (window[at] as BlockNode).data.block
    if (block.quality?.class === 'good' && block.verdict?.keep) bodyStarted = true
    const removal = block.removal?.ruleId
    // A dump's headline found below a run a classifier took for comments or other stories: the run is passed over, not the page's end.
    // …and so is a run a few blocks under it before the body has begun (a writer's card read as teasers).
    if (removal === 'comment-thread' || removal === 'trailing-stories') {
      const passed = bodyStarted ? data.bylineUnderHeadline : bylineWindow
      if (titleAt === -1 && headlineAt !== -1 && windowStart + at <= headlineAt + passed) continue
      break
    }
    const below = headlineAt === -1 ? -1 : windowStart + at - headlineAt
    const nearHeadline = titleAt === -1 && headlineAt !== -1 && below >= -data.dumpBylineLead && below <= data.bylineUnderHeadline
    if (bylineLabel.test(block.text)) {
      const next = window[at + 1]?.data.block
      // Past a standfirst the body has begun, but a label over a person's full name, or by a dump's headline, is still the page's first byline.
      const labelledName = next !== undefined && (!bodyStarted || nearHeadline || isBareName(next.text))
      if (labelledName) add('author', {value: next.text, source: `byline block ${next.evidence.index}`, rank: pageRank.labelledName})
      continue
    }
    // "Thread starter jane_doe": the line of a thread's statistics that names its first poster, read as a user name is written.
    const starter = removal === 'thread-statistics' && !posterSeen ? threadStarter.exec(block.text) : null
    if (starter) {
      add('author', {value: block.text.slice(starter[0].length).split(threadStarterEnd)[0] ?? '', source: `thread starter block ${block.evidence.index}`, rank: pageRank.poster})
      posterSeen = true
    }
    // A thread's first poster is its author: the first name the page marks as a post's poster.
    if ((forum || forumGuessed) && !posterSeen && inPosterElement(block, elements) && personNames(block.text).length > 0) {
      add('author', {value: block.text, source: `poster block ${block.evidence.index}`, rank: pageRank.poster})
      posterSeen = true
    }
    const line = metadataLine(block)
    // A post's edit note ("edited Jul 5, 2020", which the forum chrome removes) dates an edit, not the page.
    const mayDate = (!dated || (nearHeadline && !headlineDated)) && removal !== 'post-controls'
    // A dump's dated line under its headline outranks one just above it (the last entry of a dated list the headline follows).
    const underHeadlineDate = nearHeadline && below > 0
    const dateRank = underHeadlineDate ? pageRank.dumpDateline : nearHeadline ? pageRank.dumpDatelineAbove : pageRank.byline
    if (readsShownDays && (!bodyStarted || line)) for (const {day, labelled} of daysShown(block, language)) shownDays.set(day, (shownDays.get(day) ?? false) || labelled)
    // A dump's date by its headline, its label glued ("Last updated:Sep 4, 2025"), is its dateline: the page's first.
    const dumpDateline = mayDate && nearHeadline && line?.ruleId !== 'byline' ? dumpDate(block.text, language) : undefined
    if (dumpDateline !== undefined) {
      add(datelineField(dumpDateline, language), {value: dumpDateline, source: `byline block ${block.evidence.index}`, rank: dateRank, block: block.evidence.index})
      dated = true
      headlineDated = underHeadlineDate
    }
    if (!bareDated && !bodyStarted && titleAt !== -1 && line?.ruleId !== 'byline' && isBareDate(block)) {
      const value = isoDate(block.text, language)
      if (value) add(datelineField(block.text, language), {value: block.text, source: `date block ${block.evidence.index}`, rank: pageRank.bareDate, block: block.evidence.index})
      bareDated = value !== undefined
    }
    // "Aaron Ricadela | Senior Writer | July 2, 2025": a dateline right under the headline (a dump's too) that no classifier marked (read as a menu, or too link-dense), a writer's name among its parts.
    const underTitle = below > 0 && below <= data.bylineUnderHeadline
    const unmarked = underTitle && !bodyStarted && !dated && line?.ruleId !== 'byline' ? unmarkedDateline(block.text, language) : undefined
    if (unmarked) {
      const source = `byline block ${block.evidence.index}`
      add('author', {value: unmarked.name, source, rank: nameRank(unmarked.name, false, nearHeadline)})
      add('published', {value: unmarked.date, source, rank: pageRank.byline, block: block.evidence.index})
      dated = true
      continue
    }
    // "Julia Gralberg" on the line under the headline: a writer's full name alone, before the body, that no classifier marked; in a dump, where a subheading looks the same, beside a dated line.
    const besideDate = (): boolean => titleAt !== -1 || besideBlock(window, at, carriesDate)
    // A dump's writer whose name the given-name list lacks ("Chirag Bhardwaj") sits by the dateline, a role or a read time (or the headline) between them; no prose between the headline and the name (a dump's body may seem to begin above its headline).
    const overDateline = (): boolean => titleAt === -1 && noProseBetween(window, at - below, at) && isBareName(block.text, 'uncommon') && datelineNear(window, at, at - below, language)
    // "Mazi" over "December 19, 2025" under a dump's headline (or "Newsdesk" under it, below the first line), no prose between: a writer's one-word name or handle, no word of the language, read as a signed byline's first name is (short or not).
    const handleOverDate = titleAt === -1 && below > 0 && below <= data.bareNameUnderHeadline && noProseBetween(window, at - below, at) && isHandle(block.text) && (datedLine(window[at + 1]?.data.block, language) || (below > 1 && datedLine(window[at - 1]?.data.block, language)))
    // "Josef Průša" right over "December 19. 2025" under a dump's headline and its standfirst: the writer's name over the dateline.
    const standfirstByline = underTitle && titleAt === -1 && below > 1 && !handleOverDate && (isBareName(block.text, 'uncommon') || isHandle(block.text)) && datedLine(window[at + 1]?.data.block, language)
    if (underTitle && line?.ruleId !== 'byline' && ((below <= data.bareNameUnderHeadline && ((!bodyStarted && isBareName(block.text) && besideDate()) || overDateline() || handleOverDate)) || standfirstByline)) {
      // A handle (one word: no full name) came by one of the last two rules.
      add('author', {value: block.text, source: `byline block ${block.evidence.index}`, rank: isHandle(block.text) ? pageRank.dumpHeadlineByline : nameRank(block.text, false, nearHeadline)})
      continue
    }
    // A text dump's dateline that signs its post ("October 11, 2023 by Jane Doe") is its byline before the body, where no classifier marked it.
    const signedDateline = titleAt === -1 && !bodyStarted && !dated && isSignedDateline(block.text, language)
    // A dump's byline by its headline that no classifier marked, its parts glued ("ByRhonda Krause UpdatedJanuary 25, 2026") or its words not all a dateline's.
    const dumpNames = nearHeadline && line?.ruleId !== 'byline' ? dumpBylineNames(block.text, language) : undefined
    // A dateline taken with the post's categories ("Posted on March 4, 2024 in News, Travel", which the metadata classifier calls taxonomy) dates the page as a byline does; it names a writer only after a "by".
    const categorised = removal === 'taxonomy'
    if (line?.ruleId !== 'byline' && !categorised && !inBylineElement(block, elements) && !(titleAt !== -1 && !bodyStarted && labelledByline(block.text)) && !signedDateline && !dumpNames) continue
    const source = `byline block ${block.evidence.index}`
    // A bare name in the element the page marks as its author ("t-blogpost-author-name") is one too.
    const marked = inAuthorElement(block, elements)
    const names = categorised ? signedWithin(block.text) : (dumpNames ?? bylineNames(block.text, line?.reason ?? '') ?? (marked ? {value: block.text, stated: false} : undefined) ?? namedPart(block.text, line?.reason, language))
    // Every byline is a candidate, "By …" lines first: a bare name beside a dateline may be a menu's last item.
    // A bare name or a name and role after the body has begun is a contact or a quote's speaker, not the byline; above the title, a menu's item.
    // A dateline set above the headline ("Sep 01, 2023" over "Jane Doe" over the `<h1>`) names its writer there too.
    const besideDateline = (): boolean => besideBlock(window, at, (other) => isDateline(other, language))
    const aboveTitle = windowStart + at < titleAt && !(titleAt - (windowStart + at) <= data.bylineAboveHeadline && line?.ruleId === 'byline' && besideDateline())
    // A name and a date right under the headline (a dump's, found by its words, too) are its byline, a standfirst between them or not.
    const underHeadline = headlineAt !== -1 && windowStart + at >= headlineAt && windowStart + at - headlineAt <= data.bylineUnderHeadline
    // A text dump has no headline to measure from: a name beside the page's first dateline is its byline ("Andrius Juodis" over "June 2, 2025").
    const besideFirstDateline = (): boolean => titleAt === -1 && !dated && besideDateline()
    // A name in the element the page marks as its author is the byline after a standfirst or a lead image too.
    // A dump's menus head their facets as bylines do ("By Use Case", "By Region"): words of the language away from the headline name nobody (a desk's or a team's name, "News Desk", signs by it), unless a dateline beside them dates a post ("By Clay" over "Mar 14, 2024").
    const facet = (): boolean => titleAt === -1 && !nearHeadline && names !== undefined && isFacet(names.value) && !besideDateline()
    if (names && (names.stated || ((!bodyStarted || underHeadline || marked || besideFirstDateline()) && !aboveTitle)) && !facet()) add('author', {value: names.value, source, rank: nameRank(names.value, names.stated, nearHeadline)})
    if (mayDate && !undatedLabel.test(block.text) && !fieldValue(window[at - 1]?.data.block) && isoDate(block.text, language) !== undefined) {
      add(datelineField(block.text, language), {value: block.text, source, rank: dateRank, block: block.evidence.index})
      dated = true
      headlineDated = underHeadlineDate
    }
  }
  const avatar = (forum || forumGuessed) && elements.length === 0 ? avatarPoster(nodes) : undefined
  if (avatar) add('author', {value: avatar.text, source: `poster block ${avatar.evidence.index}`, rank: pageRank.poster})
  const started = threadStart(nodes, language)
  if (started) add('published', {value: started.value, source: `${threadStartSource} block ${started.index}`, rank: pageRank.threadStart, block: started.index})
  if (started?.starter) add('author', {value: started.starter.text, source: `thread starter block ${started.starter.evidence.index}`, rank: pageRank.poster})
  const writer = labelledAuthor(nodes, language)
  if (writer) add('author', {value: writer.value, source: `labelled author block ${writer.index}`, rank: pageRank.labelledAuthor})
  const bio = bioName(nodes)
  if (bio) add('author', {value: bio.value, source: `author bio block ${bio.index}`, rank: pageRank.bioName})
  const marked = authorElementName(nodes, elements)
  if (marked) add('author', {value: marked.value, source: `author element block ${marked.index}`, rank: pageRank.authorElement})
  const owner = siteOwner(nodes)
  if (owner) add('author', {value: owner.value, source: `site owner block ${owner.index}`, rank: pageRank.siteOwner})
  const labelled = labelledDate(nodes, language)
  if (labelled) add('published', {value: labelled.value, source: `labelled date block ${labelled.index}`, rank: pageRank.labelledDate, block: labelled.index})
  // A dump with no dateline by its headline (none found, or its headline not): a short dated line at the edge of the kept text dates it.
  const undated = !tree.data?.elements && (candidates.published?.length ?? 0) === 0 && (candidates.modified?.length ?? 0) === 0
  const edge = undated ? bodyEdgeDateline(nodes, language) : undefined
  if (edge) add(datelineField(edge.text, language), {value: edge.text, source: `dateline by the body, block ${edge.evidence.index}`, rank: pageRank.bodyEdgeDate, block: edge.evidence.index})
  return {candidates, shownDays}
}

/**
 * A dateline at an edge of the text the page kept: within `bodyEdgeWindow`
 * blocks of its first kept block (above or below it; "ByKathryn GiuffridaMar
 * 5, 2025 | 6 comments" under a headline dechaff did not find), then of its
 * first kept sentence (a menu's line kept far above the article moves the
 * first kept block away from the dateline, not the body's first sentence),
 * else after its last (a post signed at its foot: "Stef KeeganAugust 5, 2024"). A line of at
 * most `maxDumpBylineChars` that gives a full date with a four-digit year and
 * ends no sentence, not among other stories, listed items or comments, nor a
 * date that is not the page's ("Joined …"), a copyright line's, or one of a
 * run of dated lines (a list's entries).
 */
function bodyEdgeDateline(nodes: BlockNode[], language: string | undefined): Block | undefined {
  const blocks = nodes.map((node) => node.data.block)
  const first = blocks.findIndex((block) => block.verdict?.keep)
  if (first === -1) return undefined
  const last = blocks.findLastIndex((block) => block.verdict?.keep)
  const window = data.bodyEdgeWindow
  const firstSentence = blocks.findIndex((block) => block.verdict?.keep && block.features.terminal)
  // Nearest the first kept block first, then the first kept sentence, then the lines after the last.
  const offsets = [0, ...Array.from({length: window}, (_, step) => [step + 1, -(step + 1)]).flat()]
  const near = [first, ...(firstSentence > first ? [firstSentence] : [])].flatMap((anchor) => offsets.map((offset) => anchor + offset))
  const after = Array.from({length: window}, (_, step) => last + step + 1)
  const dated = (block: Block | undefined): boolean => block !== undefined && carriesDate(block)
  for (const at of [...near, ...after]) {
    const block = blocks[at]
    if (block === undefined || block.text.length > data.maxDumpBylineChars || block.features.terminal || othersLine(block) || undatedLabel.test(block.text)) continue
    // A copyright line's year, a numbered section ("14.11.12 …"), a list of dated entries date nothing.
    if (block.removal?.ruleId === 'legal' || copyright.test(block.text) || !writtenYear.test(block.text) || dated(blocks[at - 1]) || dated(blocks[at + 1])) continue
    if (isoDate(block.text, language) !== undefined) return block
  }
  return undefined
}

/** A copyright notice's mark or word: the year on its line is the site's. */
const copyright = /©|\(c\)|copyright/iu
/** A four-digit year. */
const writtenYear = /(?<!\d)(?:19|20)\d{2}(?!\d)/u

/** A byline's label of more than "By" that opens a line ("Written by Jane Doe", "Author: Jane Doe"): a bare "By" opens sentences and listed posts' bylines. */
const writerLabel = new RegExp(`^(?:${phrasedBylineLabels})\\s*:?\\s+|^(?:${data.bylineLabels.join('|')})\\s*:\\s*`, 'iu')

/**
 * The writer an author box names: the name over the page's bio ("Maria
 * Mathioudaki" over "Maria is a growth analyst…", which the author-bio
 * classifier removes), or in the box's header over it ("About Amar
 * Hussain"), when it is a person's full name and the page's bios name one
 * person (a team page's several bios name none).
 */
function bioName(nodes: BlockNode[]): {value: string; index: number} | undefined {
  const names: Array<{value: string; index: number}> = []
  for (const {data: {block}} of nodes) {
    const name = block.removal?.ruleId === 'author-bio' ? block.removal.authorName : undefined
    if (name !== undefined && (isBareName(name) || isBareName(name, 'uncommon'))) names.push({value: name, index: block.evidence.index})
  }
  const first = names[0]
  return first && names.every((name) => name.value === first.value) ? first : undefined
}

/**
 * The writer the page's author elements name, wherever they sit (`<p
 * class="authorName">`, an author box under the article): a line that is a
 * name alone in an element the page marks as its author or byline, when all
 * such lines name one person or team. None in what signs others' words (a
 * testimonial, a review, a comment, a quotation) or among other stories and
 * listed items, whose author elements name their own writers.
 */
function authorElementName(nodes: BlockNode[], elements: ElementInfo[]): {value: string; index: number} | undefined {
  let found: {value: string; index: number} | undefined
  for (const node of nodes) {
    const block = node.data.block
    if (block.inItemList || othersLine(block) || block.features.words > data.maxAuthorElementWords || !inAuthorElement(block, elements)) continue
    const [name, ...more] = personNames(block.text, 'signed')
    if (name === undefined || more.length > 0 || !isWholeLine(name, block.text) || !readsAsName(name) || signsOthers(block, elements)) continue
    if (found && foldTitle(found.value) !== foldTitle(name)) return undefined
    found ??= {value: name, index: block.evidence.index}
  }
  return found
}

/** A name in the possessive opening a line: "Colin Watson's blog". */
const possessiveName = /^(\p{Lu}[^\s'’]*(?: \p{Lu}[^\s'’]*){1,3})['’]s(?!\p{L})/u

/** A personal site's owner, named at the page's top in the possessive ("Derek Seaman's Tech Blog"): a known given name leads the full name. */
function siteOwner(nodes: BlockNode[]): {value: string; index: number} | undefined {
  for (const node of nodes.slice(0, data.siteOwnerLines)) {
    const block = node.data.block
    if (block.features.words > data.maxSiteOwnerLineWords) continue
    const name = possessiveName.exec(block.text)?.[1]
    if (name !== undefined && isBareName(name)) return {value: name, index: block.evidence.index}
  }
  return undefined
}

/** The name is all the line says, less a byline's "By" and punctuation. */
function isWholeLine(name: string, line: string): boolean {
  const letters = (text: string): string => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase()
  return letters(name) === letters(line.replace(bylineAt, ''))
}

/**
 * No control's label or heading: no function word capitalised after the
 * first word ("Written By", "Learn More About Dr. Jane Roe"; "The Upwork Team"
 * is a name), and not one common word alone ("Author Spotlight" less its label).
 */
function readsAsName(name: string): boolean {
  const words = name.split(/\s+/u)
  if (words.length === 1) return !isCommonPhrase(name)
  return !words.slice(1).some((word) => /^\p{Lu}/u.test(word) && functionWords.has(word.toLowerCase()))
}

/** Elements whose author marks sign someone else's words: testimonials and reviews (`signedByOthersTokens`), quotations and comments (the DOM hints' words for them). */
const signedByOthersTokens = new Set([...data.signedByOthersTokens, ...hints.quoteTokens, ...hints.commentTokens])

/** The block sits in a testimonial, a review, a comment or a quotation. */
function signsOthers(block: Block, elements: ElementInfo[]): boolean {
  return closestAncestor(elements, block.evidence.html?.element ?? -1, (element) => element.tokens.some((token) => signedByOthersTokens.has(token))) !== -1
}

/**
 * The writer the page's labelled lines name, wherever they sit (an author
 * box under the article: "Author" over "Lisa D. Ellis", "Written by Cassidy
 * Horton"): the full names after a byline's label (their role after them or
 * not), or on the line after the label alone. None when such lines name
 * several people (a listing's), or sit among other stories, listed items or
 * comments.
 */
function labelledAuthor(nodes: BlockNode[], language: string | undefined): {value: string; index: number} | undefined {
  const stopwords = languageProfile(language ?? 'en').stopwords
  let found: {value: string; index: number} | undefined
  for (let at = 0; at < nodes.length; at++) {
    const block = (nodes[at] as BlockNode).data.block
    if (block.text.length > data.maxDumpBylineChars || othersLine(block)) continue
    // A label alone that is a word of the language ("by", "von") heads a listed item's maker; "Author" or "Written by" heads the page's writer.
    const word = block.text.replace(/\s*:$/u, '').toLowerCase()
    // …and a label alone that is mostly a link is a menu's entry (a site's "Authors" page).
    const alone = bylineLabel.test(block.text) && !stopwords.has(word) && !english.stopwords.has(word) && block.evidence.linkDensity < data.menuEntryMinLinkDensity
    const label = alone ? null : writerLabel.exec(block.text)
    if (!alone && !label) continue
    const line = alone ? nodes[at + 1]?.data.block : block
    const value = line === undefined ? undefined : alone ? line.text : line.text.slice((label as RegExpExecArray)[0].length)
    if (!value || !line || line.text.length > data.maxDumpBylineChars || othersLine(line) || !namesLead(value)) continue
    if (found && foldTitle(found.value) !== foldTitle(value)) return undefined
    found ??= {value, index: line.evidence.index}
  }
  return found
}

/** The line is people's full names, or names followed by their role ("Julie Weisenhorn and Natalie Hoidal, Extension horticulture educators"). */
function namesLead(value: string): boolean {
  if (isBareName(value, 'uncommon')) return true
  const names = personNames(value)
  return names.length > 0 && value.startsWith(names[0] as string) && names.every((name) => isBareName(name, 'uncommon'))
}

/** Runs of other things' lines: other stories, a listing's items, comments. */
const othersRules = new Set(['trailing-stories', 'repeated-items', 'comment-thread'])

/** The line sits in a run of other stories, listed items or comments: its byline or date is theirs. */
function othersLine(block: Block): boolean {
  return othersRules.has(block.removal?.ruleId ?? '')
}

/** Where a part of a dateline ends: a separator between its parts. */
const datelinePartEnd = /\s+[|•·]\s*|\s+[—–]\s+/u

/** What a label opens on a line, up to the line's first separator: "Published: Mar 8, 2024 · Modified: May 19, 2025 by Jane Doe · …" gives "Mar 8, 2024". */
function partAfterLabel(text: string, label: RegExpExecArray): string {
  return text.slice(label.index + label[0].length).split(datelinePartEnd)[0] as string
}

/** The date a labelled part gives when it is a date's length (`maxBareDateChars`), not a sentence the label opens. */
function labelledDay(part: string, language: string | undefined): string | undefined {
  return part.length <= data.maxBareDateChars ? isoDate(part, language) : undefined
}

/**
 * The date a thread's statistics give as its start ("Start date Feb 25,
 * 2024", a question site's "asked Jul 18, 2024 at 4:39"), wherever it sits:
 * the first such line not among other stories, listed items or comments.
 * A line that is only the label and the date heads the first post: the user
 * name on the line under it ("asked Feb 11, 2011 at 23:49" over "drat") is
 * the thread's starter.
 */
function threadStart(nodes: BlockNode[], language: string | undefined): {value: string; index: number; starter?: Block} | undefined {
  for (let at = 0; at < nodes.length; at++) {
    const block = (nodes[at] as BlockNode).data.block
    const label = threadStartDate.exec(block.text)
    if (!label || othersLine(block)) continue
    const value = partAfterLabel(block.text, label)
    if (labelledDay(value, language) === undefined) continue
    const next = nodes[at + 1]?.data.block
    const heads = label.index === 0 && value === block.text.slice(label[0].length)
    return {value, index: block.evidence.index, starter: heads && next !== undefined && isUserName(next) ? next : undefined}
  }
  return undefined
}

/** A letter avatar's line: a user's initial, with their presence ("J", "J Offline"). */
const avatarLetter = new RegExp(`^(\\p{L})(?:\\s+(?:${alternation(data.presenceWords)}))?$`, 'iu')

/**
 * A forum dump's first poster: the user name beside the letter avatar a
 * forum draws for a member without a picture ("JosephF" over "J", "J
 * Offline" over "julian"), the first such pair on the page, not among
 * other stories, listed items or comments.
 */
function avatarPoster(nodes: BlockNode[]): Block | undefined {
  for (let at = 0; at < nodes.length; at++) {
    const block = (nodes[at] as BlockNode).data.block
    const letter = avatarLetter.exec(block.text)?.[1]?.toLowerCase()
    if (letter === undefined || othersLine(block)) continue
    const named = [nodes[at - 1]?.data.block, nodes[at + 1]?.data.block].find((other) => other !== undefined && !avatarLetter.test(other.text) && other.text.trim().toLowerCase().startsWith(letter) && isUserName(other))
    if (named) return named
  }
  return undefined
}

/** A line that is one user's name or handle and nothing else ("drat", "user3080392", "Eduardo Poças"). */
function isUserName(block: Block): boolean {
  const names = personNames(block.text)
  return names.length === 1 && names[0] === block.text.trim() && !carriesDate(block)
}

/** A line a publication's label opens ("Published", "Posted on"). */
const publishedStart = new RegExp(`^(?:${alternation(data.publishedLabels)})(?:\\s+on)?(?!\\p{L})\\s*:?\\s*`, 'iu')

/**
 * The day the page's lines labelled as its publication give, wherever they
 * sit (a sidebar's "Published" over "July 8, 2025", "Posted on April 13,
 * 2023" under the article): a line the label opens, or the line after the
 * label alone. None when such lines give several days (a listing's items).
 */
function labelledDate(nodes: BlockNode[], language: string | undefined): {value: string; index: number} | undefined {
  let found: {value: string; index: number} | undefined
  for (let at = 0; at < nodes.length; at++) {
    const block = (nodes[at] as BlockNode).data.block
    const label = publishedStart.exec(block.text)
    if (!label || othersLine(block)) continue
    const rest = partAfterLabel(block.text, label)
    const line = rest === '' ? nodes[at + 1]?.data.block : block
    const written = rest === '' ? line?.text : rest
    const value = written === undefined ? undefined : labelledDay(written, language)
    if (!value || !line) continue
    if (found && found.value.slice(0, 10) !== value.slice(0, 10)) return undefined
    found ??= {value, index: line.evidence.index}
  }
  return found
}

/**
 * Words of the language, not a name: every word a common English word and the
 * first no given name ("Special Offers", "Press Release" beside a dateline
 * name nobody; "Faith Cox", "Santiago Parra" do). One word alone is the
 * language's when common, given name or not ("Price", "Brand": a shop's
 * facets; nobody signs by a first name alone).
 */
function isCommonPhrase(name: string): boolean {
  const words = name.toLowerCase().split(/[\s'’-]+/u).filter(Boolean)
  return (words.length === 1 || !givenNames.has(words[0] ?? '')) && words.every((word) => commonEnglishWords.has(word))
}

/** A byline's names that are all words of the language ("Use Case", "Company Size"): a menu's facet, not a writer. */
function isFacet(value: string): boolean {
  const names = personNames(value, 'signed')
  return names.length > 0 && names.every(isCommonPhrase)
}

/** English function words (dechaff's English stopwords): "Skip To Main" or "See Reviews" is a control's label, whatever names it holds. */
const functionWords = english.stopwords

/** Fewest and most words of a full name, and parts of a dateline no classifier marked (`fullNameWords`, `unmarkedDatelineParts`). */
const [minNameWords, maxNameWords] = data.fullNameWords as [number, number]
const [minDatelineParts, maxDatelineParts] = data.unmarkedDatelineParts as [number, number]

/** A full name's length in words (`fullNameWords`). */
function isFullNameLength(words: number): boolean {
  return words >= minNameWords && words <= maxNameWords
}

/**
 * A line that is people's full names and nothing else ("Jane Doe", "Jane Doe
 * and John Roe"): each of two to four words, none a function word (a
 * title-case standfirst or section name, "Market Trends", is not one), the
 * first a known given name, or with `'uncommon'` (where a dateline below
 * vouches for it) a name that is no phrase of common words ("Chirag Bhardwaj").
 */
function isBareName(line: string, lead: 'given' | 'uncommon' = 'given'): boolean {
  if (line.length > data.maxLabelledBylineChars) return false
  const parts = line.trim().split(nameSeparator)
  const names = personNames(line)
  const led = (name: string, first: string): boolean => (lead === 'given' ? givenNames.has(first.toLowerCase()) : !isCommonPhrase(name))
  return (
    names.length === parts.length &&
    names.every((name, index) => {
      const words = name.split(/\s+/u)
      return name === parts[index] && isFullNameLength(words.length) && led(name, words[0] as string) && words.every((word) => nameWord.test(word) && !functionWords.has(word.toLowerCase()))
    })
  )
}

/** A word of a person's name: letters, an apostrophe, a hyphen, an initial's full stop ("PROJECT:" is a field's label). */
const nameWord = /^\p{L}[\p{L}'’.-]*$/u

/** "Authors:Jane Doe": a label glued to the name after it by its colon. */
const gluedLabelColon = /^(\p{L}+(?: \p{L}+)?):(?=\p{Lu})/u
/** A thread's starter's label within a line. */
const threadStarterWithin = new RegExp(`(?<!\\p{L})(?:${data.threadStarterLabels.join('|')})\\s*:?\\s+`, 'iu')

/** A dateline a few lines below or above `at` (`dumpNameDatelineGap`), only short lines (a role, a read time, a separator) or the headline between. */
function datelineNear(nodes: BlockNode[], at: number, headline: number, language: string | undefined): boolean {
  return [1, -1].some((direction) => {
    for (let step = 1, seen = 0; seen < data.dumpNameDatelineGap; step++) {
      const index = at + direction * step
      const block = nodes[index]?.data.block
      if (!block) return false
      if (index === headline) continue
      seen++
      if (carriesDate(block) && datedLine(block, language)) return true
      if (block.text.length > data.maxLabelledBylineChars) return false
    }
    return false
  })
}

/** One word that may be a writer's name or handle ("Mazi", "ServiceTitan", "inikosoftseo"): no word of the language, no date's or interface's word. */
function isHandle(line: string): boolean {
  const word = line.trim()
  return handleShape.test(word) && !isCommonPhrase(word) && !noiseWords.has(word.toLowerCase()) && !functionWords.has(word.toLowerCase())
}

const handleShape = /^\p{L}[\p{L}\d_.'’-]{2,29}$/u

/** A short line that gives a full date. */
function datedLine(block: Block | undefined, language: string | undefined): boolean {
  return block !== undefined && block.text.length <= data.maxShownDateChars && !undatedLabel.test(block.text) && isoDate(block.text, language) !== undefined
}

/** No prose between `from` and `to` (both left out): a standfirst has not begun the body. */
function noProseBetween(nodes: BlockNode[], from: number, to: number): boolean {
  return nodes.slice(from + 1, to).every((node) => node.data.block.quality?.class !== 'good')
}

/**
 * The names of a text dump's byline that no classifier marked: led by its
 * label ("ByRhonda Krause UpdatedJanuary 25, 2026"), or a dateline signed
 * after its date ("May 3, 2024 by Jane Doe") or led by the writer's name
 * ("Faith Katunga•Oct 20, 2025").
 */
function dumpBylineNames(line: string, language: string | undefined): {value: string; stated: boolean} | undefined {
  if (line.length > data.maxDumpBylineChars) return undefined
  const text = line.replace(gluedColon, ': ').replace(gluedLabelColon, ': ')
  const start = bylineAt.exec(text) ?? gluedBy.exec(text)
  if (start && /^\p{Lu}/u.test(text.slice(start[0].length))) return {value: text.slice(start[0].length), stated: true}
  if (isoDate(text, language) === undefined || undatedLabel.test(text)) return undefined
  const by = datedBy.exec(text)
  if (by && isoDate(text.slice(0, by.index), language) !== undefined) return {value: text.slice(by.index + by[0].length), stated: true}
  // "Discussion in 'Hosting Advice' started by pelex, May 26, 2025.": a thread's starter, named within its dated line.
  const starter = threadStarterWithin.exec(text)
  if (starter) return {value: text.slice(starter.index + starter[0].length).split(/,/u)[0] ?? '', stated: true}
  const lead = writerBeforeDate.exec(text)
  return lead ? {value: lead[1] as string, stated: false} : undefined
}

/** A field's label on a line of its own ("Release Date:", "Deadline:"): the next line is its value. */
const fieldLabel = /^[\p{L}][\p{L}\s]{0,30}:$/u

/** The block follows a field's label that is not a dateline's ("Release Date:" over "9 Jul, 2013" dates a product, not the page). */
function fieldValue(previous: Block | undefined): boolean {
  return previous !== undefined && fieldLabel.test(previous.text) && !publishedLine.test(previous.text) && !updatedLine.test(previous.text)
}

/** Where a dateline's parts end: "Jane Doe | Senior Writer | July 2, 2025", "Dec 26, 2025 • Jane Doe in Projects". */
const datelineSeparator = /\s*[|•·⋅]\s*|\s[-–—]\s/u

/**
 * A short line of two to four parts (a dump's glued parts set apart), a
 * calendar date one or more of them and one a writer's full name (two words
 * at least: a one-word part is a section's or a filter's), with the name's
 * part and the first date.
 */
function unmarkedDateline(line: string, language: string | undefined): {name: string; date: string} | undefined {
  if (line.length > data.maxUnmarkedDatelineChars || undatedLabel.test(line)) return undefined
  const parts = unglued(line).split(datelineSeparator).filter(Boolean)
  if (parts.length < minDatelineParts || parts.length > maxDatelineParts) return undefined
  const dates = parts.filter((part) => isoDate(part, language) !== undefined)
  if (dates.length === 0 || dates.length === parts.length) return undefined
  const name = parts.find((part) => part !== dates[0] && (personNames(part)[0]?.split(/\s+/u).length ?? 0) >= minNameWords)
  return name ? {name, date: dates[0] as string} : undefined
}

/** A marked dateline's part that is a writer's full name ("109 Comments | Jill Winger | Last Updated: March 11, 2019", "September 8, 2016Autumn Adams"). */
function namedPart(line: string, reason: string | undefined, language: string | undefined): {value: string; stated: boolean} | undefined {
  const dated = reason?.includes('date') ? unmarkedDateline(line, language) : undefined
  return dated ? {value: dated.name, stated: false} : undefined
}

/** Where a dateline's dates part: its separators, a line break, a date glued to the next ("July 30, 2019January 18, 2023"), an update's label. */
const datelineParts = new RegExp(`${datelineSeparator.source}|\\n|(?<=\\d)(?=\\p{Lu})|(?=\\b(?:updated|modified|last updated|edited)\\b)`, 'iu')

/** The calendar days a short dated line shows, one per part, and whether the part's label says which date it is ("Updated", "Published"). */
function daysShown(block: Block, language: string | undefined): Array<{day: string; labelled: boolean}> {
  if (block.text.length > data.maxShownDateChars || !carriesDate(block) || undatedLabel.test(block.text)) return []
  return block.text.split(datelineParts).flatMap((part) => {
    const day = isoDate(part, language)?.slice(0, 10)
    return day ? [{day, labelled: updatedLine.test(part) || publishedLine.test(part)}] : []
  })
}

/**
 * The page's dateline shows, unlabelled, the day its markup says it was
 * updated, and nowhere the day its markup says it came out: a CMS keeps the
 * first publication time in its markup while the page dates itself by its
 * last revision ("By Jane Doe · August 19, 2025"); the page's date is the one
 * it shows. A labelled part ("Updated …") says which date it is.
 */
function shownUpdate(published: string, modified: string, shownDays: Map<string, boolean>): boolean {
  const updated = modified.slice(0, 10)
  return updated > published.slice(0, 10) && shownDays.get(updated) === false && !shownDays.has(published.slice(0, 10))
}

/**
 * Where an HTML page's byline is looked for: by its `<h1>`; a page without
 * one is headed by its `<title>`'s headline, above its menus, and its byline
 * sits where its content starts: the first block it keeps, or a heading
 * before it, that is about what the title says (a front page's first story
 * shares no words with the page's title).
 */
function contentAnchor(nodes: BlockNode[], titleBlock: number): number {
  if (titleBlock === -1 || nodes[titleBlock]!.data.block.evidence.html?.tag !== 'title') return titleBlock
  const title = nodes[titleBlock]!.data.block.text
  for (let index = titleBlock + 1; index < nodes.length; index++) {
    const block = nodes[index]!.data.block
    const kept = block.verdict?.keep === true
    if ((kept || block.evidence.heading !== undefined) && wordOverlap(block.text, title) >= data.titleMinWordOverlap) return index
    if (kept) break
  }
  return titleBlock
}

/** Whether the block right above or right below `at` passes `test`. */
function besideBlock(nodes: BlockNode[], at: number, test: (block: Block) => boolean): boolean {
  return [nodes[at - 1], nodes[at + 1]].some((other) => other !== undefined && test(other.data.block))
}

/** A title of at most `frontPageMaxTitleWords` words over datelines giving at least `frontPageMinDays` different days. */
function isFrontPage(nodes: BlockNode[], title: string, language: string | undefined): boolean {
  if (title.split(/\s+/u).filter(Boolean).length > data.frontPageMaxTitleWords) return false
  const days = new Set<string>()
  for (const node of nodes) {
    const block = node.data.block
    if (metadataLine(block)?.ruleId !== 'byline' || !carriesDate(block)) continue
    const day = isoDate(block.text, language)?.slice(0, 10)
    if (day) days.add(day)
    if (days.size >= data.frontPageMinDays) return true
  }
  return false
}

/** A byline or dateline mark on a line that gives a calendar date. */
function isDateline(block: Block, language: string | undefined): boolean {
  return metadataLine(block)?.ruleId === 'byline' && !undatedLabel.test(block.text) && isoDate(block.text, language) !== undefined
}

/** Words of a bare date besides its numbers: a date's words, and the few that join them ("Last updated on"). */
const dateWords = new Set([...dateLabelWords, 'on', 'last', 'of'])
/** A number of a date: a day (with its ordinal), a year, a numeric date. */
const dateNumber = /^(?:\d{1,2}(?:st|nd|rd|th)?|\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})$/u

/**
 * A line that is a date and nothing else ("December 16, 2025", "Updated: 10/31/2024"):
 * no other words (a listed post's title, a deadline) and one year (a range is an event's).
 */
function isBareDate(block: Block): boolean {
  if (block.text.length > data.maxBareDateChars || !carriesDate(block) || undatedLabel.test(block.text)) return false
  const words = block.text.toLowerCase().split(/[\s,:|•·]+/u).filter((word) => /[\p{L}\p{N}]/u.test(word))
  const years = block.text.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu) ?? []
  return years.length === 1 && words.every((word) => dateWords.has(word.replace(/\.$/u, '')) || dateNumber.test(word))
}

/**
 * Which date a dateline gives: the update where an update's label leads it
 * and no publication's label is on it; the publication where a date comes
 * before the update's label ("By Jane Doe January 4, 2026 Updated: January 8, 2026").
 */
function datelineField(text: string, language: string | undefined): 'published' | 'modified' {
  const update = updatedLine.exec(text)
  if (!update || publishedLine.test(text)) return 'published'
  return isoDate(text.slice(0, update.index), language) === undefined ? 'modified' : 'published'
}

/**
 * A line of a text dump that gives a calendar date and is no member's or a
 * company's ("Joined", "Founded"): short, or a byline's length with a
 * dateline's label or a "by" ("Paramita (Guha) Ghosh Published: January 3, 2024"),
 * or a longer line a byline opens, read by its head (the post's categories
 * and tags glued after it: "Posted byDamien WalterDecember 30, 2024Posted
 * inPodcast, …Tags:books, …"). The dateline's text, or nothing.
 */
function dumpDate(line: string, language: string | undefined): string | undefined {
  const text = line.length > data.maxDumpBylineChars && (bylineAt.test(line) || gluedByline.test(line)) ? line.slice(0, data.maxDumpBylineChars) : line
  const labelled = text.length <= data.maxDumpBylineChars && (publishedLine.test(text) || updatedLine.test(text) || /(?<!\p{L})by(?!\p{L})/iu.test(text))
  return (text.length <= data.maxBareDateChars || labelled) && !undatedLabel.test(text) && isoDate(text, language) !== undefined ? text : undefined
}

/** A byline's label glued to the name after it ("Posted byDamien Walter"). */
const gluedByline = /^(?:\p{L}+ )?[Bb]y(?=\p{Lu})/u

/** A short line a byline's label opens, the name after it ("Written by:Jane Doe") that the classifiers kept, read near a headline only (a shop's "By Brand" filter is none): "By focusing on …" is a sentence. */
function labelledByline(line: string): boolean {
  if (line.length > data.maxLabelledBylineChars) return false
  const text = line.replace(gluedColon, ': ')
  const start = bylineAt.exec(text)
  return start !== null && /^\p{Lu}/u.test(text.slice(start[0].length))
}

/** "October 11, 2023 by Jane Doe": a short line with a calendar date before "by" and a capitalised name. */
function isSignedDateline(line: string, language: string | undefined): boolean {
  if (line.length > data.maxLabelledBylineChars) return false
  const by = datedBy.exec(line)
  return by !== null && isoDate(line.slice(0, by.index), language) !== undefined
}

/** Where a dateline's "by" and the name after it begin. */
const datedBy = /[\s|•·,]+[Bb]y:?\s+(?=\p{Lu})/u

/** The byline or dateline mark of a block: the removal, or on pages whose post heads are content (a forum's), the line recorded without removing it. */
function metadataLine(block: Block): Mark | undefined {
  return block.removal?.ruleId === 'byline' ? block.removal : block.metadataLine
}

/** Deepest ancestor chain followed from a block to a byline container. */
const maxAncestors = 12
const bylineTokens = new Set(hints.metadataTokens)

/** HTML: the block sits in an element the page marks as its byline, author or dateline (a DOM hint may have removed it first). */
function inBylineElement(block: Block, elements: ElementInfo[]): boolean {
  return inMarkedElement(block, elements, maxAncestors, (element) => element.furniture !== undefined && bylineTokens.has(element.furniture))
}

/** Class words of the element holding a byline's name. */
const authorTokens = new Set(data.authorNameTokens)

/** HTML: the block sits right in an element the page marks as its author or byline (`<div class="author-name">`). */
function inAuthorElement(block: Block, elements: ElementInfo[]): boolean {
  return inMarkedElement(block, elements, maxPosterAncestors, (element) => element.furniture !== undefined && authorTokens.has(element.furniture))
}

/** Ancestors searched for a forum post's poster mark: the name sits right in it. */
const maxPosterAncestors = 3
const posterTokens = new Set(data.posterTokens)

/** HTML: the block is a forum post's poster name (`<a class="username">`, `<span class="postauthor">`). */
function inPosterElement(block: Block, elements: ElementInfo[]): boolean {
  return inMarkedElement(block, elements, maxPosterAncestors, (element) => element.tokens.some((token) => posterTokens.has(token)))
}

function inMarkedElement(block: Block, elements: ElementInfo[], depth: number, marked: (element: ElementInfo) => boolean): boolean {
  return closestAncestor(elements, block.evidence.html?.element ?? -1, marked, depth) !== -1
}

/** The names a byline block gives, and whether it says they are the authors ("By …") or only sits beside such a line. */
function bylineNames(line: string, reason: string): {value: string; stated: boolean} | undefined {
  const text = line.replace(gluedColon, ': ')
  // "Medically reviewed by Jane Roe — Written by John Doe": the writer's part after a separator names the author.
  if (otherRoleLabel.test(text)) {
    const writer = writerAfterSeparator.exec(text)
    return writer ? {value: text.slice(writer.index + writer[0].length), stated: true} : undefined
  }
  if (reason.startsWith('author name')) {
    // A name beside a dateline that itself says "By" ("ByDaryl Austin") is signed.
    const signed = bylineAt.exec(text) ?? gluedBy.exec(text)
    return signed ? {value: text.slice(signed[0].length), stated: true} : {value: line, stated: false}
  }
  if (dateStart.test(text)) return signedWithin(text)
  const start = bylineAt.exec(text) ?? gluedBy.exec(text) ?? byWithin.exec(text) ?? byAfterSeparator.exec(text)
  if (start) return {value: text.slice(start.index + start[0].length), stated: true}
  if (reason.startsWith('byline: name and role')) return {value: text, stated: false}
  // "Jane Doe March 4, 2024 · 3 Comments": a dateline led by its writer's name.
  const lead = reason.includes('date') ? writerBeforeDate.exec(text) : null
  return lead ? {value: lead[1] as string, stated: false} : undefined
}

/** The names after a "by" within a dateline ("Updated March 4, 2024 by Jane Doe", "On January 12, 2025 By Jane DoeIn Travel", "Posted on: 03-11-2025 Posted by: Jane Doe"). */
function signedWithin(text: string): {value: string; stated: boolean} | undefined {
  const by = /\bby:?\s*(?=\p{Lu})/u.exec(text) ?? /\bby:?\s+/iu.exec(text)
  return by ? {value: text.slice(by.index + by[0].length), stated: true} : undefined
}

/** The first candidate whose value reads as the field, normalised. */
function pick(list: MetadataCandidate[] | undefined, read: (value: string, source: string) => string | undefined): (MetadataCandidate & {written: string}) | undefined {
  for (const candidate of list ?? []) {
    const value = read(candidate.value, candidate.source)
    if (value) return {...candidate, value, written: candidate.value}
  }
  return undefined
}

/** A date of numbers alone whose day and month could be either ("02-12-2025", "03/10/2023"). */
const ambiguousNumericDate = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/u

/**
 * The day a date of numbers alone gives read day first, where it was read
 * month first ("02-12-2025" as February 12) and the page's own lines (of at
 * most `maxShownDateChars`) write the day-first reading with its month's
 * name ("December 02, 2025") and never the month-first one: the page writes
 * its numeric dates day first, whatever its language's usual order.
 */
function dayFirstReading(written: string, read: string, nodes: BlockNode[], language: string | undefined): {value: string; block: number} | undefined {
  const numeric = ambiguousNumericDate.exec(written)
  if (!numeric) return undefined
  const [, first = '', , second = '', year = ''] = numeric
  const monthFirst = calendarDay(Number(year), Number(first), Number(second))
  const dayFirst = calendarDay(Number(year), Number(second), Number(first))
  if (monthFirst === undefined || dayFirst === undefined || monthFirst === dayFirst || read.slice(0, 10) !== monthFirst) return undefined
  let shown: number | undefined
  for (const node of nodes) {
    const {text, evidence} = node.data.block
    // Only lines that write a date with a month's name tell the order: a line of numbers is as ambiguous.
    if (text.length > data.maxShownDateChars || !text.includes(year) || ambiguousNumericDate.test(text)) continue
    const day = isoDate(text, language)?.slice(0, 10)
    if (day === monthFirst) return undefined
    if (day === dayFirst) shown ??= evidence.index
  }
  return shown === undefined ? undefined : {value: dayFirst, block: shown}
}

/** The authors from the most trusted source that names any; a source naming several (JSON-LD lists, repeated meta tags) gives them all. */
function authorsOf(list: MetadataCandidate[], siteNames: Set<string>): {value: string[]; source: string} | undefined {
  let publisher: {value: string[]; source: string} | undefined
  const bySource = new Map<string, MetadataCandidate[]>()
  for (const candidate of list) {
    const same = bySource.get(candidate.source)
    if (same) same.push(candidate)
    else bySource.set(candidate.source, [candidate])
  }
  // A source's names are read once per way of reading them: a page may repeat one source thousands of times.
  const namesRead = new Map<string, string[]>()
  for (const candidate of list) {
    const besideByline = candidate.rank === pageRank.nameBesideByline || candidate.rank === pageRank.dumpHeadlineName
    const reading: NameReading = !candidate.source.startsWith('byline') && candidate.rank !== pageRank.labelledAuthor ? 'field' : candidate.rank <= pageRank.labelledName && !besideByline ? 'signed' : 'byline'
    const key = `${reading} ${besideByline} ${candidate.source}`
    let names = namesRead.get(key)
    if (!names) {
      const sameSource = bySource.get(candidate.source) as MetadataCandidate[]
      // A link's text that is only words of the language ("View more posts") and a name beside a dateline that is ("Special Offers") name nobody.
      const read = dedupe(sameSource.flatMap((other) => (surnameFirstSources.has(other.source) && isSurnameFirst(other.value) ? [other.value.trim()] : personNames(other.value, reading))))
        .filter((name) => !(besideByline || linkSources.has(candidate.source)) || !isCommonPhrase(name))
        .slice(0, maxAuthors)
      // The site's name among people's names ("Jane Doe, John Roe, The Daily Planet") is its publisher, no writer.
      names = read.some((name) => !siteNames.has(foldTitle(name))) ? read.filter((name) => !siteNames.has(foldTitle(name))) : read
      namesRead.set(key, names)
    }
    if (names.length === 0) continue
    // The site's own name as the author field stands in for a writer the page's signed byline names ("USA TODAY" over "By Brian Truitt").
    if (!publisher && !candidate.source.startsWith('byline') && names.every((name) => siteNames.has(foldTitle(name)))) {
      publisher = {value: names, source: candidate.source}
      continue
    }
    if (!publisher || (candidate.source.startsWith('byline') && candidate.rank <= pageRank.labelledName)) return {value: names, source: candidate.source}
  }
  return publisher
}

/** Meta tags that give one person a tag, often surname first. */
const surnameFirstSources = new Set(data.surnameFirstMeta.map((name) => `meta ${name}`))
const surnameFirst = /^\s*[\p{L}'’-]+\s*,\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})\s*$/u

/**
 * "Berger, Emery D": one person, surname first, as such a tag writes one,
 * kept whole as the site writes it, not split at its comma into two. "Doe,
 * PhD" (post-nominal letters, mostly capitals) is a name and its letters.
 */
export function isSurnameFirst(value: string): boolean {
  const given = surnameFirst.exec(value)?.[1]
  if (given === undefined) return false
  const letters = given.replace(/[\s.]/gu, '')
  return (letters.match(/\p{Lu}/gu) ?? []).length * 2 < letters.length
}

/** Where an author is a link's text: `rel=author`, a link to a writer's page. */
const linkSources = new Set([relAuthorSource, authorLinkSource])

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

/**
 * How a value names people: a byline is a line of text ("By Jane Doe on
 * March 4"), whose names end where a date or a place begins and may be a
 * forum's user names; a signed byline says its names are the writers'
 * ("By Clay", "Written by the Lavazza Team"), so its first may be short or a
 * team's; a field (JSON-LD, `<meta>`, microdata) holds only names, written
 * as the site keeps them ("kirstin boatto", "paulb203").
 */
export type NameReading = 'byline' | 'signed' | 'field'

/** People named in a byline or an author field: "By Jane Doe and John Roe, Staff Writers" gives both names. */
export function personNames(value: string, reading: NameReading = 'byline'): string[] {
  let text = (value.replace(/\s+/gu, ' ').trim().split(gluedLabel)[0] ?? '').replace(gluedColon, ': ')
  const start = bylineAt.exec(text) ?? gluedBy.exec(text)
  if (start) text = text.slice(start[0].length)
  const end = reading === 'field' ? null : nameRunEnd.exec(text)
  if (end && end.index > 0) text = text.slice(0, end.index)
  return beforeJobTitle(text.split(nameSeparator))
    .map((part) => withoutGluedRole(part))
    .map((part) => withoutSpacedRole(part))
    .map((part) => withoutMemberGroup(part))
    .map((part) => withoutRepeat(part))
    .map((part) => part.replace(/^[\s"'“”‘’(@]+|[\s"'“”‘’.:*†\-–—]+$/gu, ''))
    .map((part) => (/\)$/u.test(part) && !part.includes('(') ? part.slice(0, -1).trimEnd() : part))
    // Post-nominal letters follow a name ("Jane Doe, MD"): an author field's or a signed byline's first part is a name even when short and capitalised ("JWU", "Clay"); a bare byline's may be a filter's or a badge's word ("NEW", "Best").
    .filter((part, index) => isPersonName(part, reading, index === 0) && ((index === 0 && reading !== 'byline') || !isCredential(part)))
}

/** "Colin Gray Colin Gray": a name a dump shows twice (a page's two layouts, for small and large screens), once. */
function withoutRepeat(part: string): string {
  const words = part.split(' ')
  const half = words.length / 2
  return Number.isInteger(half) && half > 0 && words.slice(0, half).join(' ') === words.slice(half).join(' ') ? words.slice(0, half).join(' ') : part
}

/** A role's word, singular or plural, in lower case ("editor", "writers"). */
function isRoleWord(word: string): boolean {
  return roleWords.has(word) || roleWords.has(word.replace(/s$/u, ''))
}

/** A job title's words: its role ("Editor") and what qualifies it ("Senior", "Digital"), capitalised. */
function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase()
  return /^\p{Lu}/u.test(word) && (isRoleWord(lower) || roleModifiers.has(lower))
}

const roleModifiers = new Set(data.roleModifiers)

/** How many words a part ends with that make a job title ending in a role ("Executive Digital Editor"); none when its last word is no role. */
function jobTitleLength(words: string[]): number {
  if (!isRoleWord((words[words.length - 1] ?? '').toLowerCase())) return 0
  let start = words.length
  while (start > 0 && isTitleWord(words[start - 1] as string)) start--
  return words.length - start
}

/** A byline's parts up to the first that is only a job title: what follows it is where the writer works ("By Jane Doe, Senior Director, Content & Marketing, Acme and Initech"). */
function beforeJobTitle(parts: string[]): string[] {
  const title = parts.findIndex((part, index) => {
    const words = part.trim().split(/\s+/u)
    return index > 0 && words.length > 0 && jobTitleLength(words) === words.length
  })
  return title === -1 ? parts : parts.slice(0, title)
}

/** "Catherine Boeckmann Executive Digital Editor": a person's name (a known given name and a surname at least) followed by a job title; a team's name stays whole ("EcoCult Staff"). */
function withoutSpacedRole(part: string): string {
  const words = part.trim().split(/\s+/u)
  const name = words.slice(0, words.length - jobTitleLength(words))
  return name.length >= 2 && name.length < words.length && givenNames.has((name[0] as string).toLowerCase()) ? name.join(' ') : part
}

const memberGroups = new Set(data.memberGroups)

/** "ColdJ Members", "Linc Admin": a forum poster's one-word user name with the group or rank the forum software writes beside it; "Former Member", a deleted account's, is no user name with its group. */
function withoutMemberGroup(part: string): string {
  const words = part.trim().split(/\s+/u)
  return words.length === 2 && /^\p{Lu}/u.test(words[1] as string) && memberGroups.has((words[1] as string).toLowerCase()) && !isCommonPhrase(words[0] as string) ? (words[0] as string) : part
}

/** "Jane DoeStaff writer": a name glued to its role by markup without spaces. */
function withoutGluedRole(part: string): string {
  const glue = /(?<=\p{Ll})(?=\p{Lu})/u.exec(part)
  // The name before the glue has two words at least: "EcoCult Staff" is one name.
  if (!glue || !/\s/u.test(part.slice(0, glue.index))) return part
  const role = part.slice(glue.index).toLowerCase().split(/\s+/u)
  return roleWords.has(role[role.length - 1] as string) ? part.slice(0, glue.index) : part
}

function isPersonName(part: string, reading: NameReading, first: boolean): boolean {
  // Addresses, file names and a template's unfilled placeholder ("page.head.extra.author") are no names.
  if (part.length < 2 || part.length > 60 || /[/\\@<>=]|https?:|www\.|\.\w{2,4}$|^\w+(?:\.\w+){2,}$/iu.test(part)) return false
  if (!/\p{L}/u.test(part)) return false
  const handle = !/\s/u.test(part) && /[-_.\d]/u.test(part)
  // A byline's digits are a date's or a count's; a forum byline's or an author field's user name may hold some ("paulb203").
  if (/\d/u.test(part) && !handle) return false
  const written = part.split(/\s+/u)
  // "Tuesdays Evenings", "January Start": a schedule's words, not a name ("April Ryan", "June Carter" are).
  if (reading !== 'field' && written.some(isCalendarWord)) return false
  // Names are capitalised words and particles; "Director of Communications" or "the Support Team" is not one. A field may write a name in lower case.
  if (written.length > 6) return false
  // A signed byline's first name may be a team's: "the Lavazza Team", "Dieter Hogen with Uta Pippig", "Resy Staff".
  const team = reading === 'signed' && first
  // An author field may name a desk or a role, not a person ("Staff", "Community Editor", "SFist Contributor"): it signs the page, unless it is a CMS's placeholder ("admin") or a known given name leads it (a person's name with the role after it is the name: `withoutSpacedRole`).
  const fieldRole = reading === 'field' && first && !givenNames.has(written[0]?.toLowerCase() ?? '')
  const particles = team ? teamParticles : nameParticles
  // …and a team's last word may be its role in lower case ("By The Currency editors").
  const lowerAllowed = (word: string, index: number): boolean => particles.has(word) || (team && index === written.length - 1 && isRoleWord(word))
  if (reading !== 'field' && written.length > 1 && written.some((word, index) => /^\p{Ll}/u.test(word) && !lowerAllowed(word, index))) return false
  // A dump glues a menu's entries into one line ("Wedding ChecklistsJust EngagedWedding Planning"); a name's inner capital follows a short prefix ("McNally", "DeVito"), a firm's may follow a word ("FlowGuard EMEA"), once.
  if (reading !== 'field' && written.length > 1 && (part.match(gluedWords) ?? []).length > 1) return false
  const words = written.map((word) => word.toLowerCase())
  // A job title ends with its role: "Senior Science Correspondent", "Local Democracy Reporter"; a firm's or a college's name with its kind: "Kneib Dentistry PC".
  const last = words[words.length - 1] as string
  if (!team && words.length > 1 && ((isRoleWord(last) && !fieldRole) || organisationWords.has(last))) return false
  if (fieldRole) return !words.every((word) => placeholderAuthors.has(word))
  return !words.every((word) => isRoleWord(word) || noiseWords.has(word))
}

const gluedWords = /\p{Ll}{3}\p{Lu}/gu

/** Full weekday names and the month names that are no given name, plural too: "Tuesdays", "January", not "June". */
const minCalendarWordLength = 5
const calendarWords = new Set([...dateData.months.filter((month) => !givenNames.has(month)), ...dateData.weekdays].filter((word) => word.length >= minCalendarWordLength))

function isCalendarWord(word: string): boolean {
  const lower = word.toLowerCase()
  return calendarWords.has(lower) || calendarWords.has(lower.replace(/s$/u, ''))
}

/** Post-nominal letters ("PhD", "MD", "FRCPath"): short, or mostly capitals ("DaleJack" is a user name). */
function isCredential(part: string): boolean {
  return credential.test(part) && (part.length <= 4 || (part.match(/\p{Lu}/gu) ?? []).length * 2 >= part.length)
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

/** Characters that show nothing: soft hyphens, zero-width spaces, direction marks and embeddings ("Assis\u00ADtance", "\u202AGeoffrey Hinton\u202C"); joiners, which shape Persian, Indic and emoji, stay. */
const invisible = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060\uFEFF]/gu

function plainText(value: string): string | undefined {
  const text = value.replace(invisible, '').replace(/\s+/gu, ' ').trim()
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

/** Where a title candidate comes from, for the choice between them. */
type TitleSource = 'h1' | 'title' | 'og' | 'json-ld'

/** Which title source wins a tie: an article's (and a shop category's) headline is its `<h1>`; a landing page's, product's or listing's `<h1>` is often a slogan, and its head names the page. */
const titlePreference: Record<'article' | 'other', TitleSource[]> = {
  article: ['h1', 'title', 'og', 'json-ld'],
  other: ['title', 'og', 'h1', 'json-ld']
}

/**
 * The page's title from its `<h1>` (the title block), `<title>`, `og:title`
 * and the JSON-LD headline, each without the site's name ("Headline | Site"
 * gives "Headline"; a segment that is the site's name, or the last of
 * several unless the declared name leads, is the name). Sources vote: each supports its headline, its text
 * without the site's name and its whole text, so an `<h1>` that repeats a
 * `<title>` minus its site name has two votes. On an article the `<h1>` is the
 * headline unless it is the site's name, or shares almost no words with a
 * `<title>` headline that `og:title` repeats (a blog's name or a section's
 * slogan set as `<h1>`); elsewhere the votes decide, a tie going
 * to `<title>`.
 */
function chooseTitle(candidates: StatedMetadata, pageType: string | undefined): MetadataCandidate | undefined {
  const list = candidates.title ?? []
  const first = (test: (source: string) => boolean): MetadataCandidate | undefined => list.find((candidate) => test(candidate.source))
  const titleElement = first((source) => source === '<title>')
  const og = first((source) => source === 'meta og:title')
  const jsonLd = first((source) => source.startsWith('json-ld'))
  const declaredSites = new Set((candidates.siteName ?? []).map((candidate) => foldTitle(candidate.value)))
  const siteNames = new Set(declaredSites)
  for (const stated of [titleElement, og]) {
    const segments = segmentsOf(stated?.value ?? '')
    // "Site | Tagline": where the declared name leads, the last segment is the page's own, not a second site name.
    if (segments.length > 1 && !declaredSites.has(foldTitle(segments[0] as string))) siteNames.add(foldTitle(segments[segments.length - 1] as string))
  }
  const block = first((source) => source.startsWith('title block'))
  const blockText = block && plainText(block.value.replace(headerLink, ''))
  // An `<h1>` that repeats a `<title>` with the site's name loses it; only a name the page declares counts ("Headline - Subtitle" is one title).
  const h1Whole = blockText && !siteNames.has(foldTitle(blockText)) ? withoutSiteName(blockText, declaredSites) : undefined
  const h1 = h1Whole && statedWithin(h1Whole, [titleElement, og].flatMap((stated) => (stated ? segmentsOf(stated.value) : [])))
  const options: TitleOption[] = [
    ...(h1 ? [{from: 'h1' as const, value: h1, source: block?.source ?? '', readings: new Set([foldTitle(h1)])}] : []),
    ...statedOption('title', titleElement, siteNames),
    ...statedOption('og', og, siteNames),
    ...statedOption('json-ld', jsonLd, siteNames)
  ]
  const votes = (value: string): number => options.filter((option) => option.readings.has(foldTitle(value))).length
  const headline = options.find((option) => option.from === 'title')
  if ((pageType === undefined || pageType === 'article') && h1) {
    const ogAgrees = options.some((option) => option.from === 'og' && option.readings.has(foldTitle(headline?.value ?? '')))
    const unrelated = headline !== undefined && !siteNames.has(foldTitle(headline.value)) && votes(h1) === 1 && ogAgrees && wordOverlap(h1, headline.value) < data.titleMinWordOverlap
    return unrelated ? {value: headline.value, source: headline.source, rank: 0} : {value: h1, source: block?.source ?? '', rank: 0}
  }
  // "Hiking Boots: Shop Boots for Hiking & Backpacking": a `<title>` that is the `<h1>` and more for search engines names the page by its `<h1>`.
  if (h1 && headline && extendsTitle(headline.value, h1)) return {value: h1, source: block?.source ?? '', rank: 0}
  const preference = titlePreference[pageType === undefined || pageType === 'article' || headingTitledTypes.has(pageType) ? 'article' : 'other']
  const best = options.sort((a, b) => votes(b.value) - votes(a.value) || preference.indexOf(a.from) - preference.indexOf(b.from))[0]
  if (best) return {value: best.value, source: best.source, rank: 0}
  // No `<h1>`, `<title>` or Open Graph title: the next most trusted one (Twitter, Dublin Core, microdata).
  return pick(list, titleText)
}

/** A title source's choice and every text it supports. */
interface TitleOption {
  from: TitleSource
  value: string
  source: string
  readings: Set<string>
}

/**
 * The stated title an `<h1>` carries with more around it: a section's or a
 * tagline's part after a bar or in brackets ("How meditation rewires brains |
 * Opinion", "Headline (example.com) 87"), or a date or a label before it ("Dec
 * 18 2025 Preparing a transition", "Blog: Best Agencies"). The `<title>` and
 * Open Graph name the page without them. Otherwise the `<h1>` as it is.
 */
function statedWithin(h1: string, statedSegments: string[]): string {
  const whole = foldTitle(h1)
  for (const segment of statedSegments) {
    const part = foldTitle(segment)
    if (part === whole || part.split(' ').length < 2) continue
    if (whole.startsWith(part) && /^\s*[|(]/u.test(whole.slice(part.length))) return segment
    const before = whole.endsWith(part) ? whole.slice(0, whole.length - part.length).trim() : undefined
    if (before && (/^\p{L}+:$/u.test(before) || isoDate(before) !== undefined)) return segment
  }
  return h1
}

/** Page types other than articles whose `<h1>` wins a tie: a shop's category page names its category there. */
const headingTitledTypes = new Set(data.headingTitledPageTypes)

/** The `<title>` headline is the `<h1>` followed by more words ("Camping Tents: Large Tents for Family & Car Camping"). */
function extendsTitle(headline: string, h1: string): boolean {
  const whole = foldTitle(headline)
  const start = foldTitle(h1)
  return whole.length > start.length && whole.startsWith(start) && /^[\s:,(\-–—|]/u.test(whole.slice(start.length))
}

/** `¶` or `#` after a documentation heading: its anchor link. */
const headerLink = /\s*[¶#§]\s*$/u

/** A stated title's headline, supported as itself, without the site's name, and whole. */
function statedOption(from: TitleSource, stated: MetadataCandidate | undefined, siteNames: Set<string>): TitleOption[] {
  if (!stated) return []
  const segments = segmentsOf(stated.value)
  const value = plainText(segments.find((segment) => !siteNames.has(foldTitle(segment))) ?? segments[0] ?? '')
  if (!value) return []
  const withoutSite = withoutSiteName(stated.value, siteNames)
  return [{from, value, source: stated.source, readings: new Set([value, withoutSite, stated.value].map(foldTitle))}]
}

/** A title without its last segment when that is the site's name ("Headline – Subtitle | Site" gives "Headline – Subtitle"). */
function withoutSiteName(text: string, siteNames: Set<string>): string {
  const separators = [...text.matchAll(new RegExp(titleSeparators.source, 'gu'))]
  const last = separators[separators.length - 1]
  if (!last || !siteNames.has(foldTitle(text.slice(last.index + last[0].length)))) return text
  return plainText(text.slice(0, last.index)) ?? text
}

/** Share of words two titles have in common (F1 of their words, case folded). */
function wordOverlap(a: string, b: string): number {
  return scoresOf(tokenOverlap(a.toLowerCase(), b.toLowerCase())).f1
}

function segmentsOf(title: string): string[] {
  return title
    .split(titleSeparators)
    .map((part) => part.trim())
    .filter(Boolean)
}

function foldTitle(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim()
}

/**
 * The dateline's date where it is earlier than the stated publication date
 * and is not the stated update: a CMS that republishes a page stamps it anew
 * in its markup, while the page still shows when it first came out.
 */
function earlierDateline(published: string, modified: string | undefined, dated: MetadataCandidate[], language: string | undefined): {value: string; source: string} | undefined {
  const dateline = dated.find((candidate) => candidate.source.startsWith('byline'))
  const value = dateline && isoDate(dateline.value, language)
  if (!dateline || !value) return undefined
  const day = value.slice(0, 10)
  // A stamp with a time one day after the dateline is the same moment, stated in another zone (UTC): the stamp stands.
  const sameMoment = /T\d/u.test(published) && Date.parse(published.slice(0, 10)) - Date.parse(day) === dayMs
  return day < published.slice(0, 10) && !sameMoment && day !== modified?.slice(0, 10) ? {value, source: dateline.source} : undefined
}

/** A day in milliseconds. */
const dayMs = 86_400_000

/**
 * A stamp's calendar day where the page's address dates it: a time stated in
 * UTC (`2024-03-05T02:10:00+00:00`) can fall on the next day, while the
 * address (`/2024/03/04/`) gives the day it was published where it was written.
 * A dateline is not used: on a thread or a page with comments the nearest one
 * may be a reply's.
 */
function localDay(published: string, dated: MetadataCandidate[]): {value: string; source: string} | undefined {
  if (!/T\d/u.test(published)) return undefined
  const day = published.slice(0, 10)
  for (const candidate of dated) {
    if (candidate.source !== 'page address') continue
    const other = isoDate(candidate.value)?.slice(0, 10)
    if (other && other !== day && Math.abs(Date.parse(other) - Date.parse(day)) === dayMs) return {value: other, source: candidate.source}
  }
  return undefined
}
