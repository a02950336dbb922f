import {cp, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkCorpus, clean} from '../src/index.js'
import {isoDate} from '../src/dates.js'
import {isSurnameFirst, pageMetadata, personNames} from '../src/metadata.js'
import type {Root} from '../src/types.js'
import {parseJsonLd, posterSource, readHead} from '../src/parse/head.js'
import {parseText} from '../src/parse/text.js'
import {blocksOf} from '../src/tree.js'
import {fromParse5} from 'hast-util-from-parse5'
import {parse} from 'parse5'
import type {Root as HastRoot} from 'hast'
import {prose} from './helpers.js'

const body = prose.map((paragraph) => `<p>${paragraph}</p>`).join('\n')
const page = (head: string, article = '', lang = 'en'): string =>
  `<!doctype html><html lang="${lang}"><head><title>Harbour wall repairs begin | The Eastmarch Post</title>${head}</head><body><article><h1>Harbour wall repairs begin</h1>${article}${body}</article></body></html>`

/** A page with its head, and its body followed by the prose. */
const html = (head: string, body: string): string => `<!doctype html><html lang="en"><head>${head}</head><body>${body}${prose.map((text) => `<p>${text}</p>`).join('')}</body></html>`
/** A page whose article is a headline over four times the prose, `after` below it. */
const longArticle = (headline: string, after: string): string => html('', `<article><h1>${headline}</h1>${[...prose, ...prose, ...prose, ...prose].map((text) => `<p>${text}</p>`).join('')}</article>${after}`)

/** The authors the metadata step gives a page cleaned as an article. */
const articleAuthor = (page: string): string[] | undefined => clean(page, {pageType: 'article'}).metadata.author

const stated = (html: string, scripts: string[] = []) => readHead(fromParse5(parse(html)) as HastRoot, parseJsonLd(scripts)).stated

describe('metadata the page states', () => {
  it('reads JSON-LD @graph, resolving an author given by @id, and prefers the article to the web page', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        {'@type': 'WebPage', name: 'Harbour wall repairs begin - The Eastmarch Post', datePublished: '2020-01-01'},
        {'@type': 'NewsArticle', headline: 'Harbour wall repairs begin', author: {'@id': '#jane'}, datePublished: '2024-03-04T08:00:00+00:00', keywords: 'harbour, council'},
        {'@type': 'Person', '@id': '#jane', name: 'Jane Doe'},
        {'@type': 'Organization', name: 'The Eastmarch Post'}
      ]
    })
    const {metadata, metadataSources} = clean(page('', '', 'en-GB').replace('</head>', `<script type="application/ld+json">${graph}</script></head>`))
    expect(metadata).toMatchObject({author: ['Jane Doe'], published: '2024-03-04T08:00:00+00:00', siteName: 'The Eastmarch Post', tags: ['harbour', 'council'], language: 'en-GB'})
    expect(metadataSources).toMatchObject({author: 'json-ld newsarticle.author', published: 'json-ld newsarticle.datePublished'})
  })

  it('repairs malformed JSON-LD (trailing comma, raw line break) and reads a top-level array', () => {
    const broken = '[{"@type": "BlogPosting", "headline": "Harbour\nwall", "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"},],}]'
    expect(stated('<html><head></head><body></body></html>', [broken]).author?.map((candidate) => candidate.value)).toEqual(['Ann Lee', 'Bo Chen'])
    expect(stated('<html></html>', ['{not json at all']).author).toBeUndefined()
  })

  it('reads Open Graph, Twitter, Dublin Core and citation meta in that order of trust', () => {
    const head =
      '<meta name="twitter:title" content="Twitter title"><meta property="og:title" content="OG title"><meta name="DC.creator" content="Ann Lee">' +
      '<meta name="citation_publication_date" content="2023/05/17"><meta property="og:image" content="https://example.org/a.jpg"><link rel="canonical" href="https://example.org/harbour">'
    const result = stated(`<html><head>${head}</head><body></body></html>`)
    expect(result.title?.map((candidate) => candidate.source)).toEqual(['meta og:title', 'meta twitter:title'])
    expect(result.author?.[0]).toMatchObject({value: 'Ann Lee', source: 'meta dc.creator'})
    expect(result.published?.[0]).toMatchObject({value: '2023/05/17', source: 'meta citation_publication_date'})
    expect(result.canonicalUrl?.[0]?.source).toBe('link rel=canonical')
  })

  it('reads microdata authors and dated <time> elements, not an undated time', () => {
    const html =
      '<html><body><span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span>' +
      '<time class="entry-date published" datetime="2024-02-01">1 Feb</time><time class="updated" datetime="2024-02-03">3 Feb</time><time datetime="2019-01-01">old</time></body></html>'
    const result = stated(html)
    expect(result.author?.[0]).toMatchObject({value: 'Ann Lee', source: 'microdata itemprop=author'})
    expect(result.published?.map((candidate) => candidate.value)).toEqual(['2024-02-01'])
    expect(result.modified?.map((candidate) => candidate.value)).toEqual(['2024-02-03'])
  })

  it('reads a microdata author’s name from a <meta>, not from an item nested in it, and not a review’s or a comment’s author', () => {
    const author = '<div itemprop="author" itemscope itemtype="https://schema.org/Person">' +
      '<span itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Windy Ltd</span></span><div><meta itemprop="name" content="luizjr4"></div></div>'
    expect(stated(`<html><body>${author}</body></html>`).author?.[0]).toMatchObject({value: 'luizjr4', source: 'microdata itemprop=author'})
    for (const type of ['Review', 'Comment']) {
      const signed = `<div itemscope itemtype="https://schema.org/${type}"><meta itemprop="author" content="guitar_00"><span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span></div>`
      expect(stated(`<html><body>${signed}</body></html>`).author).toBeUndefined()
      expect(stated(`<html><body><div itemscope itemtype="https://schema.org/Article">${signed}${author}</div></body></html>`).author?.[0]?.value).toBe('luizjr4')
    }
  })

  it('reads the first <time> whose class only says it is a date, ranked after a published one, but not a later one or a bare one', () => {
    const first = stated('<html><body><time class="m-date" datetime="2025-12-18T13:21:19+00:00">18 Dec</time><time class="m-date" datetime="2025-11-02">2 Nov</time></body></html>')
    expect(first.published).toEqual([{value: '2025-12-18T13:21:19+00:00', source: 'time datetime (first)', rank: 310}])
    const published = stated('<html><body><time class="entry-time" datetime="2024-04-26">26 Apr</time><time class="published" datetime="2024-04-20">20 Apr</time></body></html>')
    expect(published.published?.map((candidate) => candidate.source)).toEqual(['time datetime (published)', 'time datetime (first)'])
    expect(stated('<html><body><time datetime="2019-01-01">old</time><time class="date" datetime="2019-02-01">later</time></body></html>').published).toBeUndefined()
    expect(stated('<html><body><time class="dateline-update" datetime="2019-01-01">x</time></body></html>').published).toBeUndefined()
  })

  it('reads a publication date from a <meta> named published, published-date or ms.date', () => {
    for (const name of ['published', 'published-date', 'ms.date']) {
      expect(stated(`<html><head><meta name="${name}" content="2025-03-06T00:00:00Z"></head></html>`).published?.[0]).toMatchObject({value: '2025-03-06T00:00:00Z', source: `meta ${name}`})
    }
    expect(stated('<html><head><meta name="publisher" content="2025-03-06"></head></html>').published).toBeUndefined()
  })
})

describe('the metadata step', () => {
  it('takes the title block, decodes entities written twice and takes the byline, not an organisation, as author', () => {
    const organisation = JSON.stringify({'@type': 'Article', author: {'@type': 'Organization', name: 'Eastmarch Media'}})
    const html = page(`<meta name="description" content="Work starts &amp;#8211; at last"><script type="application/ld+json">${organisation}</script>`, '<p>By Jane Doe and John Roe</p>')
    const {metadata, metadataSources} = clean(html)
    expect(metadata).toMatchObject({title: 'Harbour wall repairs begin', description: 'Work starts – at last', author: ['Jane Doe', 'John Roe']})
    expect(metadataSources.author).toMatch(/^byline block \d+$/u)
  })

  it('gives a text dump an author and a date from its byline and dateline, with their sources; an update date it shows is its only date', () => {
    const dump = ['Harbour wall repairs begin', 'By Jane Doe, Staff Writer', 'Updated 3:42 p.m. ET, March 4, 2024', ...prose].join('\n\n')
    const {metadata, metadataSources} = clean(dump)
    expect(metadata).toEqual({author: ['Jane Doe'], modified: '2024-03-04', published: '2024-03-04', language: 'en', pageType: 'article'})
    expect(metadataSources).toEqual({
      author: 'byline block 1',
      modified: 'byline block 2',
      published: "byline block 2 (the page's only date)",
      language: 'detected from the text',
      pageType: 'page-type classifier'
    })
  })

  it('reads a numeric dateline day first when the page writes that day with its month’s name, and month first otherwise', () => {
    const dump = (after: string[]): string => ['Harbour wall repairs begin', '02-12-2025', ...prose, ...after].join('\n\n')
    const published = (text: string): string | undefined => clean(text).metadata.published
    expect(published(dump(['More from the harbour', 'Harbour lights switched on · December 02, 2025']))).toBe('2025-12-02')
    expect(clean(dump(['More from the harbour', 'Harbour lights switched on · December 02, 2025'])).metadataSources.published).toMatch(/day first, as block \d+ writes that day/u)
    expect(published(dump([]))).toBe('2025-02-12')
    expect(published(dump(['More from the harbour', 'Harbour lights switched on · February 12, 2025', 'Tide tables for the winter · December 02, 2025']))).toBe('2025-02-12')
  })

  it('does not take a member’s join date, a press contact after the body, or a relative date', () => {
    const dump = ['Harbour wall repairs begin', 'Joined: Aug 12, 2021', 'Posted 2 days ago', ...prose, 'Media contact:', 'Jordan Pike, Director of Communications'].join('\n\n')
    expect(clean(dump).metadata).toEqual({language: 'en', pageType: 'article'})
  })

  it('dates a page by no period, release, deadline or schedule line, nor by an update stamp below all the text it keeps', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    expect(clean(dump([headline, 'DATE: 2025-12-12', ...prose])).metadata.published).toBe('2025-12-12')
    for (const period of ['DATE: 2025-12-12 - 2025-12-17', '1/27/2026 - 3/24/2026', '12.01.26 — 10.04.26', 'March 3 to April 5, 2025']) {
      expect(clean(dump([headline, period, ...prose])).metadata.published).toBeUndefined()
    }
    expect(isoDate('02 Apr 2026 18:00 - 20.30')).toBe('2026-04-02')
    expect(clean(dump([headline, 'Posted: 9 Jul, 2013', ...prose])).metadata.published).toBe('2013-07-09')
    for (const line of ['Last post: 01/12/2025 at 6:49 pm', 'Release Date: 9 Jul, 2013', '*Deadline to apply: March 1st, 2026', 'Open Today, March 14, 2026', 'Fecha límite: 9 Jul, 2013']) {
      expect(clean(dump([headline, line, ...prose])).metadata.published).toBeUndefined()
    }
    expect(clean(dump([headline, 'Last updated on Mar 6, 2026', ...prose])).metadata.published).toBe('2026-03-06')
    expect(clean(dump([headline, ...prose, 'Last updated on Mar 6, 2026 (12:52 UTC).'])).metadata).not.toHaveProperty('published')
  })

  it('dates a dump by a dateline taken with its many categories, and takes no writer from them', () => {
    const categories = 'Council News, Harbour and Coast, Local Government, Transport and Roads, Community Projects, Budget and Finance, Public Meetings, Parks and Open Spaces, Libraries and Museums, Schools'
    const {metadata, metadataSources} = clean(['Harbour wall repairs begin', ...prose, `Posted on March 4, 2024 in ${categories}`, 'Leave a Reply'].join('\n\n'))
    expect(metadata.published).toBe('2024-03-04')
    expect(metadataSources.published).toBe('byline block 4')
    expect(metadata.author).toBeUndefined()
    expect(clean(['Harbour wall repairs begin', ...prose, `Posted in ${categories}`, 'Leave a Reply'].join('\n\n')).metadata.published).toBeUndefined()
  })

  it('names the writer a dateline signs with a labelled "by:" ("Posted on: 03-11-2025 Posted by: Jane Doe"), and nobody where the label names nothing', () => {
    const headline = 'Harbour wall repairs begin'
    const signed = clean([headline, 'Posted on: 03-11-2025 With: 1 Comment Posted by: Ruth Callow', ...prose].join('\n\n'))
    expect(signed.metadata.author).toEqual(['Ruth Callow'])
    expect(signed.metadata.published).toBe('2025-03-11')
    expect(clean([headline, 'Posted on: 03-11-2025 Posted by:', ...prose].join('\n\n')).metadata.author).toBeUndefined()
  })

  it('dates a dump by a short dated line at the foot of the text it kept, but not by a copyright line or a list of dated entries', () => {
    const signed = clean([...prose, 'Stef KeeganAugust 5, 2024', 'Facebook0 Twitter 0 Likes'].join('\n\n'))
    expect(signed.metadata.published).toBe('2024-08-05')
    expect(signed.metadataSources.published).toMatch(/^dateline by the body/u)
    expect(clean([...prose, '© 2010-2018 Harbour Trust. 24-Nov-2021'].join('\n\n')).metadata.published).toBeUndefined()
    expect(clean([...prose, 'Jan 26, 2016 near Hudson', 'Nov 1, 2015 near Denton'].join('\n\n')).metadata.published).toBeUndefined()
  })

  it('dates a dump by a dateline by the first sentence it kept when a menu’s line it kept lies far above, but not by one as far from both', () => {
    const menu = ['Home', 'Reviews', 'Guides', 'Deals', 'About', 'Contact', 'Newsletter', 'Search']
    const headline = 'The 16 best clothing boxes this year'
    const standfirst = 'Ready to ditch the old? Revamp your closet with these boxes for women, men, and kids.'
    const byline = 'ByKathryn GiuffridaMar 5, 2025 | 6 comments'
    // The verdicts as the metadata step reads them: the site's name kept above the menu, the menu removed, the article kept; no headline found.
    const dated = (lines: string[]): {published?: string; source?: string} => {
      const tree = parseText(lines.join('\n\n'))
      for (const {data: {block}} of blocksOf(tree)) {
        if (menu.includes(block.text)) block.removal = {ruleId: 'block-model', reason: 'menu entry', score: 0.9}
        else block.verdict = {keep: true, ruleId: 'quality', reason: 'kept', score: 0.9}
      }
      const {fields, sources} = pageMetadata(tree)
      return {published: fields.published, source: sources.published}
    }
    expect(dated(['Best Subscriptions', ...menu, headline, standfirst, byline, prose[1] as string, prose[2] as string])).toMatchObject({published: '2025-03-05', source: expect.stringMatching(/^dateline by the body/u)})
    const fourLines = ['Stitch Fix', 'Nuuly', 'Rent the Runway', 'Trunk Club']
    expect(dated(['Best Subscriptions', ...menu, headline, standfirst, ...fourLines, byline, prose[1] as string, prose[2] as string]).published).toBeUndefined()
  })

  it('reads a dump’s date after an ISO time stamp glued to the words around it (a theme’s hidden update stamp)', () => {
    const {metadata, metadataSources} = clean([...prose.slice(1), 'Tom2024-04-18T13:00:39+00:00March 22nd, 2024|Reviews|', 'Share This Article'].join('\n\n'))
    expect(metadata.published).toBe('2024-03-22')
    expect(metadataSources.published).toMatch(/^dateline by the body/u)
    expect(isoDate('Tom2024-04-18T13:00:39+00:00March 22nd, 2024')).toBe('2024-04-18')
  })

  it('gives a page that states no language the one its text was read in, and keeps a stated one', () => {
    const german = ['Die Dorfbibliothek öffnet wieder', 'Nach zwei Jahren Umbau hat die Bibliothek des Dorfes am Montag wieder ihre Türen geöffnet, und schon am ersten Tag kamen mehr Besucher als erwartet.', 'Die ehrenamtlichen Helferinnen haben die Bestände neu geordnet und einen Leseraum für Kinder eingerichtet, der auch am Wochenende offen ist.'].join('\n\n')
    expect(clean(german)).toMatchObject({metadata: {language: 'de'}, metadataSources: {language: 'detected from the text'}})
    expect(clean(german, {language: 'de'}).metadataSources.language).toBe('language option')
    const stated = `<html lang="en-GB"><body><h1>Die Dorfbibliothek</h1><p>${german.split('\n\n').slice(1).join('</p><p>')}</p></body></html>`
    expect(clean(stated).metadata.language).toBe('en-GB')
  })

  it('writes the metadata as YAML front matter before the Markdown when asked', () => {
    const html = page('<meta name="author" content="Ann Lee"><meta property="article:tag" content="harbour"><meta property="article:tag" content="council">')
    const {output} = clean(html, {format: 'markdown', frontMatter: true})
    expect(output.startsWith('---\nlanguage: en\ntitle: Harbour wall repairs begin\nauthor:\n  - Ann Lee\ntags:\n  - harbour\n  - council\npageType: article\n---\n\n# Harbour wall repairs begin')).toBe(true)
    expect(clean(html, {format: 'markdown'}).output.startsWith('# Harbour')).toBe(true)
  })
})

describe('choosing among what the page states', () => {
  const jsonLd = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`

  it('takes an article’s h1, but not one that is the site’s name', () => {
    const head = '<title>Harbour wall repairs to start in spring | The Eastmarch Post</title><meta property="og:site_name" content="The Eastmarch Post">'
    expect(clean(html(head, '<article><h1>Harbour wall repairs begin</h1>'), {pageType: 'article'}).metadata.title).toBe('Harbour wall repairs begin')
    expect(clean(html(head, '<header><h1>The Eastmarch Post</h1></header>'), {pageType: 'article'}).metadata.title).toBe('Harbour wall repairs to start in spring')
  })

  it('on an article takes the headline <title> and og:title agree on over an h1 that shares no words with it, but not over a related or backed h1', () => {
    const head = '<title>Salt marsh birds return to the estuary | Eastmarch Post</title><meta property="og:title" content="Salt marsh birds return to the estuary">'
    const blogName = clean(html(head, '<article><h1>Notes from the Shore</h1>'), {pageType: 'article'})
    expect(blogName.metadata.title).toBe('Salt marsh birds return to the estuary')
    expect(blogName.metadataSources.title).toBe('<title>')
    // A reworded headline shares its words: the h1 stays.
    expect(clean(html(head, '<article><h1>Birds return to the salt marsh</h1>'), {pageType: 'article'}).metadata.title).toBe('Birds return to the salt marsh')
    // og:title backs the h1: it stays.
    const backed = '<title>Salt marsh birds return to the estuary | Eastmarch Post</title><meta property="og:title" content="Notes from the Shore">'
    expect(clean(html(backed, '<article><h1>Notes from the Shore</h1>'), {pageType: 'article'}).metadata.title).toBe('Notes from the Shore')
    // Without og:title nothing confirms the <title>: the h1 stays.
    expect(clean(html('<title>Salt marsh birds return to the estuary | Eastmarch Post</title>', '<article><h1>Notes from the Shore</h1>'), {pageType: 'article'}).metadata.title).toBe('Notes from the Shore')
  })

  it('drops a documentation heading’s anchor mark and a declared site name an h1 repeats, but not a subtitle', () => {
    expect(clean(html('<title>Logging HOWTO — Docs</title>', '<article><h1>Logging HOWTO¶</h1>'), {pageType: 'article'}).metadata.title).toBe('Logging HOWTO')
    const site = '<meta property="og:site_name" content="WRAL">'
    expect(clean(html(`<title>Rental news | WRAL</title>${site}`, '<article><h1>Rental news | WRAL</h1>'), {pageType: 'article'}).metadata.title).toBe('Rental news')
    expect(clean(html('<title>Zero Waste - A Beginner’s Guide</title><meta property="og:title" content="Zero Waste - A Beginner’s Guide">', '<article><h1>Zero Waste - A Beginner’s Guide</h1>'), {pageType: 'article'}).metadata.title).toBe(
      'Zero Waste - A Beginner’s Guide'
    )
  })

  it('takes the stated title an h1 carries with a part after a bar or in brackets, or a date or a label before it, but keeps a subtitle after a dash', () => {
    const head = '<title>Harbour wall repairs begin | Eastmarch Post</title><meta property="og:title" content="Harbour wall repairs begin">'
    const titled = (h1: string): string | undefined => clean(html(head, `<article><h1>${h1}</h1>`), {pageType: 'article'}).metadata.title
    expect(titled('Harbour wall repairs begin | Opinion')).toBe('Harbour wall repairs begin')
    expect(titled('Harbour wall repairs begin (eastmarch.gov) 87')).toBe('Harbour wall repairs begin')
    expect(titled('Dec 18 2025 Harbour wall repairs begin')).toBe('Harbour wall repairs begin')
    expect(titled('Council: Harbour wall repairs begin')).toBe('Harbour wall repairs begin')
    expect(titled('Harbour wall repairs begin – at last')).toBe('Harbour wall repairs begin – at last')
    expect(titled('Why harbour wall repairs begin now | Opinion')).toBe('Why harbour wall repairs begin now | Opinion')
  })

  it('looks for the dateline past a share row’s buttons under the headline, which the byline window does not count', () => {
    const share = ['Share to LinkedIn', 'Share to Facebook', 'Share on X', 'Share via email', 'Copy link'].map((label) => `<li><a href="#">${label}</a></li>`).join('')
    const card = ['Written by:', 'Emily Walker', 'Casey McDevitt', 'Edited by: Kristina Zagame'].map((line) => `<div>${line}</div>`).join('')
    const page = (buttons: string): string => html('<title>Harbour wall repairs begin</title>', `<article><h1>Harbour wall repairs begin</h1><p>What the council’s two-year plan means for the harbour.</p><ul>${buttons}</ul>${card}<div>Feb 11, 2026</div>`)
    expect(clean(page(share), {pageType: 'article'}).metadata.published).toBe('2026-02-11')
    // Ten more lines of the writer’s card are too far below the headline.
    const longCard = Array.from({length: 10}, (_, at) => `<div>Harbour Desk ${at + 1}</div>`).join('')
    expect(clean(page(longCard), {pageType: 'article'}).metadata.published).toBeUndefined()
  })

  it('on a documentation page takes an h1 that repeats <title> without its site name, subtitle and all', () => {
    const head = '<title>Tutorial - User Guide - FastAPI</title><meta property="og:site_name" content="FastAPI">'
    expect(clean(html(head, '<main><h1>Tutorial - User Guide</h1></main>'), {pageType: 'documentation'}).metadata.title).toBe('Tutorial - User Guide')
  })

  it('on a landing page takes the title its head agrees on over a slogan h1, without the site’s name', () => {
    const head = '<title>Boiler Servicing in Leeds | Hearthwise</title><meta property="og:title" content="Boiler Servicing in Leeds - Hearthwise">'
    const {metadata, metadataSources} = clean(html(head, '<h1>Warm homes, fair prices</h1>'), {pageType: 'service'})
    expect(metadata.title).toBe('Boiler Servicing in Leeds')
    expect(metadataSources.title).toBe('<title>')
  })

  it('reads the author and date a QAPage’s question gives, not a web page’s timestamp, an embedded video’s date or an organisation', () => {
    const question = jsonLd({'@type': 'QAPage', mainEntity: {'@type': 'Question', name: 'Starter stopped rising', author: {'@type': 'Person', name: 'DaleJack'}, datePublished: '2024-09-05T10:00:00Z'}})
    expect(clean(html(question, '<h1>Starter stopped rising</h1>')).metadata).toMatchObject({author: ['DaleJack'], published: '2024-09-05T10:00:00Z'})
    const page = jsonLd({'@graph': [{'@type': 'WebPage', datePublished: '2020-01-01', author: {'@type': 'Organization', name: 'Hearthwise Ltd'}}, {'@type': 'VideoObject', uploadDate: '2021-06-01', author: 'Vid Maker'}]})
    const {metadata} = clean(html(page, '<h1>Boiler servicing</h1>'))
    expect(metadata.published).toBeUndefined()
    expect(metadata.author).toBeUndefined()
  })

  it('takes the first microdata author and a few rel=author links, not a listing’s many', () => {
    const signed = (name: string): string => `<div itemprop="author" itemscope><span itemprop="name">${name}</span></div>`
    expect(clean(html('', `<h1>Starter stopped rising</h1>${signed('crumbcoat')}${signed('ryeguy')}`)).metadata.author).toEqual(['crumbcoat'])
    const links = (names: string[]): string => names.map((name) => `<a rel="author" href="/a">${name}</a>`).join(' ')
    expect(clean(html('', `<h1>Harbour wall</h1><p>${links(['Ann Lee', 'Bo Chen'])}</p>`)).metadata.author).toEqual(['Ann Lee', 'Bo Chen'])
    expect(clean(html('', `<h1>Latest</h1><p>${links(['Ann Lee', 'Bo Chen', 'Cy Park', 'Di Ross'])}</p>`)).metadata.author).toBeUndefined()
  })

  it('takes the name after a byline’s label on a line of its own; after the body has begun, only a person’s full name', () => {
    expect(clean(['Harbour wall repairs begin', 'Written by', 'Miguel Zabludovsky', ...prose].join('\n\n')).metadata.author).toEqual(['Miguel Zabludovsky'])
    expect(clean(['Harbour wall repairs begin', prose[0], 'Written by', 'Miguel Zabludovsky', prose[1], prose[2]].join('\n\n')).metadata.author).toEqual(['Miguel Zabludovsky'])
    expect(clean(['Harbour wall repairs begin', ...prose, 'Written by', 'Volunteers of the harbour trust'].join('\n\n')).metadata.author).toBeUndefined()
    expect(clean(['Harbour wall repairs begin', 'Article by', 'Matias Heikkilä', ...prose].join('\n\n')).metadata.author).toEqual(['Matias Heikkilä'])
  })

  it('reads no byline label in a menu: a label alone that is a link is the menu’s entry', () => {
    const menu = (label: string): string => `<ul><li><a href="/about/">Job Openings</a></li><li>${label}</li><li><a href="/services/">Online Services</a></li></ul>`
    const footer = (label: string): string => `<!doctype html><html lang="en"><body><h1>Harbour wall repairs begin</h1>${prose.map((text) => `<p>${text}</p>`).join('')}${menu(label)}</body></html>`
    expect(clean(footer('<a href="/about/authors/">Authors</a>')).metadata.author).toBeUndefined()
    expect(clean(footer('Authors')).metadata.author).toEqual(['Online Services'])
  })

  it('dates a UTC stamp by the calendar day its address gives, one day apart at most', () => {
    const stamp = (time: string): string => `<link rel="canonical" href="https://news.example/2024/03/04/harbour-wall/"><meta property="article:published_time" content="${time}">`
    expect(clean(html(stamp('2024-03-05T02:10:00+00:00'), '<h1>Harbour wall</h1>')).metadata.published).toBe('2024-03-04')
    expect(clean(html(stamp('2024-03-09T02:10:00+00:00'), '<h1>Harbour wall</h1>')).metadata.published).toBe('2024-03-09T02:10:00+00:00')
  })

  it('takes a dateline earlier than the stated publication date, but not a later one or the stated update', () => {
    const stated = (published: string, modified = ''): string =>
      `<meta property="article:published_time" content="${published}">${modified ? `<meta property="article:modified_time" content="${modified}">` : ''}`
    const dateline = '<article><h1>Harbour wall</h1><p>Jane Doe</p><p>August 25, 2024</p>'
    const republished = clean(html(stated('2025-06-24T10:00:00Z'), dateline))
    expect(republished.metadata.published).toBe('2024-08-25')
    expect(republished.metadataSources.published).toMatch(/^byline block \d+ \(before the stated meta article:published_time\)$/u)
    expect(clean(html(stated('2024-06-24T10:00:00Z'), dateline)).metadata.published).toBe('2024-06-24T10:00:00Z')
    expect(clean(html(stated('2025-06-24T10:00:00Z', '2024-08-25T09:00:00Z'), dateline)).metadata.published).toBe('2025-06-24T10:00:00Z')
  })

  it('keeps a stated time one day after the dateline: the same moment, stated in UTC', () => {
    const stated = (published: string): string => `<meta property="article:published_time" content="${published}">`
    const dateline = '<article><h1>Harbour wall</h1><p>Jane Doe</p><p>August 25, 2024</p>'
    expect(clean(html(stated('2024-08-26T01:30:00+00:00'), dateline)).metadata.published).toBe('2024-08-26T01:30:00+00:00')
    // A stated day with no time is another day, not another zone's reading: the earlier dateline stands.
    expect(clean(html(stated('2024-08-26'), dateline)).metadata.published).toBe('2024-08-25')
  })

  it('dates a page by the stated update its unlabelled dateline shows, not when it shows the publication day, labels its date or is a forum thread', () => {
    const stated = '<meta property="article:published_time" content="2024-09-06T10:00:00Z"><meta property="article:modified_time" content="2025-11-14T06:49:57Z">'
    const dateline = (line: string): string => `<article><h1>Harbour wall</h1><p>${line}</p>`
    const updated = clean(html(stated, dateline('By Jane Doe · November 14, 2025')), {pageType: 'article'})
    expect(updated.metadata.published).toBe('2025-11-14T06:49:57Z')
    expect(updated.metadataSources.published).toBe('meta article:modified_time (the date the page shows)')
    // Both days shown, the update labelled as one, or a thread's reply heads: the publication date stands.
    expect(clean(html(stated, dateline('By Jane Doe · September 6, 2024 · November 14, 2025')), {pageType: 'article'}).metadata.published).toBe('2024-09-06T10:00:00Z')
    expect(clean(html(stated, dateline('By Jane Doe · Updated November 14, 2025')), {pageType: 'article'}).metadata.published).toBe('2024-09-06T10:00:00Z')
    expect(clean(html(stated, dateline('By Jane Doe · November 14, 2025')), {pageType: 'forum'}).metadata.published).toBe('2024-09-06T10:00:00Z')
  })

  it('takes the writer a Twitter card labels "Written by", after the author fields, but not a card field with another label', () => {
    const card = (label: string): string => `<meta name="twitter:label1" content="${label}"><meta name="twitter:data1" content="Nawaz Dhandala"><meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="7 minutes">`
    const labelled = clean(html(card('Written by'), '<article><h1>Harbour wall repairs begin</h1>'), {pageType: 'article'})
    expect(labelled.metadata.author).toEqual(['Nawaz Dhandala'])
    expect(labelled.metadataSources.author).toBe('meta twitter:data1 (written by)')
    expect(articleAuthor(html(card('Filed under'), '<article><h1>Harbour wall repairs begin</h1>'))).toBeUndefined()
    expect(articleAuthor(html(`<meta name="author" content="Ann Lee">${card('Written by')}`, '<article><h1>Harbour wall repairs begin</h1>'))).toEqual(['Ann Lee'])
  })

  it('takes a forum thread’s first poster the page marks (class="username"), innermost, on a forum only, not a button or a post head', () => {
    const posts = (first: string): string =>
      `<h1>Turning off all LEDs</h1><div class="post"><dl class="postprofile">${first}</dl><div class="content"><p>${prose[0]}</p></div></div>` +
      `<div class="post"><dl class="postprofile"><a class="username">jahboater</a></dl><div class="content"><p>${prose[1]}</p></div></div>`
    const thread = clean(html('', posts('<dt class="avatar-username"><a class="username">b.scherer</a><a class="username">b.scherer</a></dt>')), {pageType: 'forum'})
    expect(thread.metadata.author).toEqual(['b.scherer'])
    expect(thread.metadataSources.author).toBe('poster element')
    // A comment's name on an article, a button or a post head whose class ends with another word, or a post head's text: no poster.
    expect(articleAuthor(html('', posts('<a class="username">b.scherer</a>')))).toBeUndefined()
    expect(clean(html('', posts('<span class="author_buttons">Find</span><span class="poster_ip">Logged</span>')), {pageType: 'forum'}).metadata.author).toEqual(['jahboater'])
    expect(clean(html('', posts('<p class="author">by b.scherer » Sun Dec 17, 2023 11:23 am</p>')), {pageType: 'forum'}).metadata.author).toEqual(['jahboater'])
  })

  it('reads a name line beside a dateline that says "By" itself as signed, after a standfirst and captions too, but not a bare name there', () => {
    const page = (name: string): string =>
      html('', `<article><h1>What fasting does for your body</h1><p>${prose[0]}</p><figure><img src="a.jpg"><figcaption>Research shows fasting can help.</figcaption><figcaption>Thea Traff, The New York Times</figcaption></figure><div><span>${name}</span></div><div><span>Published March 9, 2026</span></div>`)
    expect(articleAuthor(page('ByDaryl Austin'))).toEqual(['Daryl Austin'])
    expect(articleAuthor(page('Daryl Austin'))).toBeUndefined()
  })

  it('takes the writer of a dateline set above the headline, but not a name above it with no dateline beside it', () => {
    const above = clean(html('', '<article><aside class="post-meta"><time datetime="2023-09-01">Sep 01, 2023</time></aside><aside class="post-author">Katie Liguori</aside><h1>Affordable home gym setup</h1>'), {pageType: 'article'})
    expect(above.metadata.author).toEqual(['Katie Liguori'])
    expect(articleAuthor(html('', '<article><p>Katie Liguori</p><h1>Affordable home gym setup</h1>'))).toBeUndefined()
  })

  it('takes the signed byline over an author field that is the site’s own name, but keeps the site’s name where no byline signs', () => {
    const head = `<meta property="og:site_name" content="USA TODAY">${jsonLd({'@type': 'NewsArticle', headline: 'Ten films to stream', author: 'USA TODAY'})}`
    const signed = clean(html(head, '<article><h1>Ten films to stream</h1><p>By Brian Truitt</p><p>December 19, 2025</p>'), {pageType: 'article'})
    expect(signed.metadata.author).toEqual(['Brian Truitt'])
    expect(signed.metadataSources.author).toMatch(/^byline block \d+$/u)
    expect(articleAuthor(html(head, '<article><h1>Ten films to stream</h1>'))).toEqual(['USA TODAY'])
  })

  it('leaves the site’s name out of a list of writers, and a writer’s link whose text is words of the language', () => {
    const head = `<meta property="og:site_name" content="The Commercial Appeal">${jsonLd({'@type': 'NewsArticle', headline: 'Clinics', author: ['Manoj Jain', 'Jagpreet Chhatwal', 'The Commercial Appeal']})}`
    expect(articleAuthor(html(head, '<article><h1>Clinics</h1>'))).toEqual(['Manoj Jain', 'Jagpreet Chhatwal'])
    expect(articleAuthor(html('', '<article><h1>Clinics</h1><p><a rel="author" href="/about">View more posts</a></p>'))).toBeUndefined()
    expect(articleAuthor(html('', '<article><h1>Clinics</h1><p><a rel="author" href="/about">Damien Walter</a></p>'))).toEqual(['Damien Walter'])
  })

  it('takes the writer a labelled line names wherever it sits (an author box), but not a listed item’s maker under a bare "by" or several labelled names', () => {
    const after = (box: string): string => longArticle('AI for patients and clinicians', `<aside>${box}</aside>`)
    const box = clean(after('<h3>Author</h3><p>Lisa D. Ellis</p>'), {pageType: 'article'})
    expect(box.metadata.author).toEqual(['Lisa D. Ellis'])
    expect(box.metadataSources.author).toMatch(/^labelled author block \d+$/u)
    expect(articleAuthor(after('<h3>Written by Cassidy Horton</h3><p>Cassidy Horton is a finance writer.</p>'))).toEqual(['Cassidy Horton'])
    expect(articleAuthor(after('<p>Wireless charger</p><p>by</p><p>Zagg Mophie</p>'))).toBeUndefined()
    expect(articleAuthor(after('<p>Written by Cassidy Horton</p><p>Written by Lisa Ellis</p>'))).toBeUndefined()
    // A contributor's label with its colon; alone, a menu's entry. Names with their role after them, on a longer line.
    expect(articleAuthor(after('<p>Contributors: Janet Loughrey</p>'))).toEqual(['Janet Loughrey'])
    expect(articleAuthor(after('<p>Contributors</p><p>Local Business</p>'))).toBeUndefined()
    expect(articleAuthor(after('<p>Authors: Julie Weisenhorn and Natalie Hoidal, Extension horticulture educators</p>'))).toEqual(['Julie Weisenhorn', 'Natalie Hoidal'])
  })

  it('takes a personal site’s owner its top names in the possessive, after any byline, but not a one-word name or a name further down', () => {
    const dump = (top: string[], rest: string[] = []): string => [...top, 'Library pilot extended for another year', ...prose, ...rest].join('\n\n')
    const owned = clean(dump(['Colin Watson’s blog', 'Home Archive About']), {input: 'text'})
    expect(owned.metadata.author).toEqual(['Colin Watson'])
    expect(owned.metadataSources.author).toMatch(/^site owner block \d+$/u)
    expect(clean(dump(["Derek Seaman's Tech Blog"]), {input: 'text'}).metadata.author).toEqual(['Derek Seaman'])
    expect(clean(dump(['Colin Watson’s blog', 'By Jane Doe']), {input: 'text'}).metadata.author).toEqual(['Jane Doe'])
    expect(clean(dump(["Martha's Vineyard Guide"]), {input: 'text'}).metadata.author).toBeUndefined()
    expect(clean(dump(['Home', 'News', 'Sport', 'Weather', 'Travel'], ["Colin Watson's blog"]), {input: 'text'}).metadata.author).toBeUndefined()
  })

  it('takes the person an author box names over its bio, in a dump too, but not a box heading or the names of several bios', () => {
    const dump = (box: string[]): string => ['Library pilot extended for another year', ...prose, ...box, 'Share this article'].join('\n\n')
    const thirdPerson = (name: string): string => `${name.split(' ')[0]} is a senior reporter at the Eastmarch Post, where they cover local government and education.`
    const firstPerson = 'Hey, I’m Kat! I’m a mom of two who loves sharing about brands that help me juggle work, family life, and my passions.'
    const boxed = clean(dump(['Maria Mathioudaki', thirdPerson('Maria Mathioudaki')]), {input: 'text'})
    expect(boxed.metadata.author).toEqual(['Maria Mathioudaki'])
    expect(boxed.metadataSources.author).toMatch(/^author bio block \d+$/u)
    expect(clean(dump(['Kathryn Giuffrida', firstPerson]), {input: 'text'}).metadata.author).toEqual(['Kathryn Giuffrida'])
    expect(clean(dump(['About Amar Hussain', thirdPerson('Amar Hussain')]), {input: 'text'}).metadata.author).toEqual(['Amar Hussain'])
    expect(clean(dump(['About the author', thirdPerson('Amar Hussain')]), {input: 'text'}).metadata.author).toBeUndefined()
    const boxedPage = `<!doctype html><html lang="en"><head><title>Library pilot extended</title></head><body><article><h1>Library pilot extended</h1>${body}</article><aside><p>Kathryn Giuffrida</p><p>${firstPerson}</p></aside></body></html>`
    expect(articleAuthor(boxedPage)).toEqual(['Kathryn Giuffrida'])
    // The author-bio classifier takes the line over a first-person bio for its name line, whatever it says.
    expect(clean(dump(['Who I Am', firstPerson]), {input: 'text'}).metadata.author).toBeUndefined()
    expect(clean(dump(['Maria Mathioudaki', thirdPerson('Maria Mathioudaki'), 'Jonas Berg', thirdPerson('Jonas Berg')]), {input: 'text'}).metadata.author).toBeUndefined()
  })

  it('dates a page by the one day its lines labelled as a publication give wherever they sit, but not a listing whose labelled lines give several', () => {
    const after = (meta: string): string => longArticle('Top data companies of 2025', `<aside>${meta}</aside>`)
    const sidebar = clean(after('<h4>Published</h4><div>July 8, 2025</div>'), {pageType: 'article'})
    expect(sidebar.metadata.published).toBe('2025-07-08')
    expect(sidebar.metadataSources.published).toMatch(/^labelled date block \d+$/u)
    expect(clean(after('<div class="meta"><span>Posted on April 13, 2023</span></div>'), {pageType: 'article'}).metadata.published).toBe('2023-04-13')
    expect(clean(after('<p>Posted on April 13, 2023</p><p>Posted on May 2, 2023</p>'), {pageType: 'article'}).metadata.published).toBeUndefined()
    // The date runs to the line's first separator; a sentence the label opens gives none.
    expect(clean(after('<p>Published: Mar 8, 2024 · Modified: May 19, 2025 by Jessica Robinson · This post may contain affiliate links</p>'), {pageType: 'article'}).metadata.published).toBe('2024-03-08')
    expect(clean(after('<p>Published in 2019 by a small press in Leeds, the first edition sold out within three weeks of March 4, 2019.</p>'), {pageType: 'article'}).metadata.published).toBeUndefined()
  })

  it('dates a page whose markup states only an update by that update when its dateline shows it, but not when the page shows no such day', () => {
    const stated = '<meta property="article:modified_time" content="2025-02-22T22:13:14+00:00">'
    const shown = clean(html(stated, '<article><h1>Average cost of online college</h1><div class="page-byline">Last Updated: 2025-02-22</div>'), {pageType: 'article'})
    expect(shown.metadata.published).toBe('2025-02-22T22:13:14+00:00')
    expect(shown.metadataSources.published).toBe('meta article:modified_time (the page\'s only date)')
    expect(clean(html(stated, '<article><h1>Average cost of online college</h1>'), {pageType: 'article'}).metadata.published).toBeUndefined()
  })

  it('reads a dateline right under the headline that no classifier marked for its writer and date, but not a line without a full name or a line further down', () => {
    const page = (line: string, before = ''): string => html('', `<article><h1>How AI is changing clinics</h1>${before}<nav><a href="/a">${line.split(' | ').join('</a> | <a href="/b">')}</a></nav>`)
    const read = clean(page('Aaron Ricadela | Senior Writer | July 2, 2025'), {pageType: 'article'})
    expect(read.metadata).toMatchObject({author: ['Aaron Ricadela'], published: '2025-07-02'})
    expect(read.metadataSources.author).toMatch(/^byline block \d+$/u)
    expect(articleAuthor(page('Dec 26, 2025 • Mahua Das in Project Management'))).toEqual(['Mahua Das'])
    // No full name among its parts: no byline.
    expect(articleAuthor(page('July 2, 2025 | 5 min read'))).toBeUndefined()
    // Below the body's start, a dated line with a name is a listed item's.
    expect(articleAuthor(page('Aaron Ricadela | Senior Writer | July 2, 2025', `<p>${prose[0]}</p><p>${prose[1]}</p><p>${prose[2]}</p><p>${prose[3]}</p>`))).toBeUndefined()
  })

  it('reads a line of people’s full names right under the headline as its byline, but not a title-case standfirst, a control’s label or a name further down', () => {
    const page = (line: string, before = ''): string => html('', `<article><h1>Harbour wall repairs begin</h1>${before}<p>${line}</p>`)
    const named = clean(page('Julia Gralberg'), {pageType: 'article'})
    expect(named.metadata.author).toEqual(['Julia Gralberg'])
    expect(named.metadataSources.author).toMatch(/^byline block \d+$/u)
    expect(articleAuthor(page('Julia Gralberg and Tim Enwall'))).toEqual(['Julia Gralberg', 'Tim Enwall'])
    // No known given name first, a function word, or two blocks of standfirst between.
    expect(articleAuthor(page('Market Trends'))).toBeUndefined()
    expect(articleAuthor(page('Skip To Main'))).toBeUndefined()
    expect(articleAuthor(page('Julia Gralberg', '<p>Work starts</p><p>On the wall</p>'))).toBeUndefined()
  })

  it('gives a product or listing page no publication date or author, and an article both', () => {
    const head = '<meta property="article:published_time" content="2023-02-03T23:19:53Z"><meta name="author" content="Jane Doe">'
    const product = clean(html(head, '<h1>Enamel mug</h1>'), {pageType: 'product'})
    expect(product.metadata.published).toBeUndefined()
    expect(product.metadata.author).toBeUndefined()
    expect(clean(html(head, '<h1>Enamel mug</h1>'), {pageType: 'service'}).metadata).toMatchObject({author: ['Jane Doe']})
    expect(clean(html(head, '<h1>Enamel mug</h1>'), {pageType: 'article'}).metadata).toMatchObject({published: '2023-02-03T23:19:53Z', author: ['Jane Doe']})
  })

  it('takes the first poster the page marks on a page the model doubted was a forum or ranked one second, but not on a sure article', () => {
    const tree = (alternative?: {type: 'forum' | 'listing'; confidence: number}): Root =>
      ({type: 'RootNode', children: [], data: {elements: [], stated: {author: [{value: 'Pepper Pot', source: posterSource, rank: 100}]}, pageType: {type: 'article', confidence: 0.44, evidence: [], alternative}}}) as unknown as Root
    expect(pageMetadata(tree({type: 'forum', confidence: 0.56})).fields.author).toEqual(['Pepper Pot'])
    expect(pageMetadata(tree({type: 'forum', confidence: 0.1})).fields.author).toBeUndefined()
    expect(pageMetadata(tree()).fields.author).toBeUndefined()
  })

  it('keeps the article publication time a page the model doubts is a service page states, but not a sure service page’s or another source’s', () => {
    const tree = (confidence: number, source: string): Root =>
      ({type: 'RootNode', children: [], data: {stated: {published: [{value: '2023-02-03T23:19:53Z', source, rank: 100}]}, pageType: {type: 'service', confidence, evidence: []}}}) as Root
    expect(pageMetadata(tree(0.5, 'meta article:published_time')).fields.published).toBe('2023-02-03T23:19:53Z')
    expect(pageMetadata(tree(0.5, 'time datetime (published)')).fields.published).toBe('2023-02-03T23:19:53Z')
    expect(pageMetadata(tree(0.9, 'meta article:published_time')).fields.published).toBeUndefined()
    expect(pageMetadata(tree(0.5, 'meta itemprop=datepublished')).fields.published).toBeUndefined()
    expect(pageMetadata(tree(0.5, 'json-ld techarticle.datePublished')).fields.published).toBeUndefined()
  })

  it('gives an article the model guessed might be a product or a listing no publication date, but keeps it when the guess is weak or another type', () => {
    const tree = (alternative?: {type: 'product' | 'listing' | 'forum'; confidence: number}): Root =>
      ({type: 'RootNode', children: [], data: {stated: {published: [{value: '2023-02-03', source: 'meta article:published_time', rank: 100}]}, pageType: {type: 'article', confidence: 0.5, evidence: [], alternative}}}) as unknown as Root
    expect(pageMetadata(tree({type: 'product', confidence: 0.4})).fields.published).toBeUndefined()
    expect(pageMetadata(tree({type: 'listing', confidence: 0.35})).fields.published).toBeUndefined()
    expect(pageMetadata(tree({type: 'product', confidence: 0.1})).fields.published).toBe('2023-02-03')
    expect(pageMetadata(tree({type: 'forum', confidence: 0.45})).fields.published).toBe('2023-02-03')
    expect(pageMetadata(tree()).fields.published).toBe('2023-02-03')
  })

  it('gives no publication date for an update date only the markup states', () => {
    const {metadata} = clean(html('<meta property="article:modified_time" content="2024-03-04">', '<h1>Harbour wall</h1>'))
    expect(metadata).toMatchObject({modified: '2024-03-04'})
    expect(metadata.published).toBeUndefined()
  })

  it('reads names as an author field writes them, and as a byline does', () => {
    expect(personNames('kirstin boatto', 'field')).toEqual(['kirstin boatto'])
    expect(personNames('paulb203', 'field')).toEqual(['paulb203'])
    expect(personNames('DaleJack', 'field')).toEqual(['DaleJack'])
    expect(personNames('Jean-Luc Aufranc (CNXSoft)', 'field')).toEqual(['Jean-Luc Aufranc (CNXSoft)'])
    expect(personNames('Kneib Dentistry PC', 'field')).toEqual([])
    expect(personNames('undefined', 'field')).toEqual([])
    expect(personNames('the support team', 'byline')).toEqual([])
    expect(personNames('By Jane Doe on March 4, 2024')).toEqual(['Jane Doe'])
    // A dump glues "By" to the name after it; a name that starts with those letters keeps them.
    expect(personNames('ByJane Doe')).toEqual(['Jane Doe'])
    for (const name of ['Byron Smith', 'Byung-hun Lee']) expect(personNames(name, 'field')).toEqual([name])
    // A field may sign by a desk or a role; not by a CMS's placeholder. A person's name with the role written after it is the name.
    for (const desk of ['Staff', 'Community Editor', 'SFist Contributor', 'team']) expect(personNames(desk, 'field')).toEqual([desk])
    for (const placeholder of ['admin', 'Webmaster', 'Share', 'Published']) expect(personNames(placeholder, 'field')).toEqual([])
    expect(personNames('Keith Barry Senior Autos Reporter', 'field')).toEqual(['Keith Barry'])
    expect(personNames('Community Editor', 'byline')).toEqual([])
  })

  it('takes no writer from a byline that names an editor or a reviewer, but the writer beside it', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    expect(clean(dump([headline, 'Edited by: Keri Stooksbury', ...prose])).metadata.author).toBeUndefined()
    expect(clean(dump([headline, 'Medically reviewed by Kim Rose-Francis', ...prose])).metadata.author).toBeUndefined()
    expect(clean(dump([headline, 'By Amar Hussain', 'Edited by: Keri Stooksbury', ...prose])).metadata.author).toEqual(['Amar Hussain'])
    expect(clean(dump([headline, 'Medically reviewed by Dr. Naomi Feldstein, RD, PhD — Written by Carlos Mendes on February 12, 2024', ...prose])).metadata.author).toEqual(['Carlos Mendes'])
  })

  it('keeps the digits of a user name in a byline, and ends the names at a date or a count', () => {
    expect(personNames('chunix64 (2025-11-01 15:15:18)')).toEqual(['chunix64'])
    expect(personNames('archuser38013')).toEqual(['archuser38013'])
    expect(personNames('By Jane Doe 12 comments')).toEqual(['Jane Doe'])
    expect(personNames('Jane Doe [2024-03-04]')).toEqual(['Jane Doe'])
    expect(personNames('By Jane Doe, 4 March 2024')).toEqual(['Jane Doe'])
  })

  it('keeps a scholarly tag’s surname-first name whole, one person a tag', () => {
    const {metadata} = clean(html('<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Patel, Jyoti">', '<h1>Model merging</h1>'))
    expect(metadata.author).toEqual(['Roy, Aniruddha', 'Patel, Jyoti'])
    expect(isSurnameFirst('Berger, Emery D.')).toBe(true)
    // Post-nominal letters, a two-word name before the comma or a list are not one surname-first name.
    expect(isSurnameFirst('Doe, PhD')).toBe(false)
    expect(isSurnameFirst('Jane Doe, Staff Writer')).toBe(false)
    expect(isSurnameFirst('Jane Doe, John Roe, Ann Lee')).toBe(false)
    // A plain author tag may list several people.
    expect(clean(html('<meta name="author" content="Jane Doe, John Roe">', '<h1>Model merging</h1>')).metadata.author).toEqual(['Jane Doe', 'John Roe'])
  })

  it('reads a name a dump shows twice (two layouts) once, and leaves two different names as they are', () => {
    expect(personNames('Written by: Colin Gray Colin Gray', 'signed')).toEqual(['Colin Gray'])
    expect(personNames('By Jane Doe Jane Doe')).toEqual(['Jane Doe'])
    expect(personNames('By Jane Doe John Roe')).toEqual(['Jane Doe John Roe'])
  })

  it('drops a dash left after a name and a one-word role glued to a whole name', () => {
    expect(personNames('By EcoFlow-')).toEqual(['EcoFlow'])
    expect(personNames('Jane Doe –')).toEqual(['Jane Doe'])
    expect(personNames('Jane DoeFounder')).toEqual(['Jane Doe'])
    // One word before the glue may be a name written in camel case.
    expect(personNames('EcoCult Staff', 'signed')).toEqual(['EcoCult Staff'])
    expect(personNames('Ronald McDonald')).toEqual(['Ronald McDonald'])
  })

  it('takes a short capitalised first name as a name and drops post-nominal letters only after it', () => {
    expect(personNames('JWU', 'field')).toEqual(['JWU'])
    expect(personNames('Ben', 'field')).toEqual(['Ben'])
    // In a byline a short capitalised word is as likely a badge or a filter's label.
    expect(personNames('NEW')).toEqual([])
    expect(personNames('Best')).toEqual([])
    expect(personNames('Jane Doe, MD, PhD', 'field')).toEqual(['Jane Doe'])
    expect(personNames('Written by:Elise Nass')).toEqual(['Elise Nass'])
    // A name glued to a role needs a whole name before it: "EcoCult Staff" is a desk, not "Eco", and a field may sign by it.
    expect(personNames('Jane DoeStaff writer')).toEqual(['Jane Doe'])
    expect(personNames('EcoCult Staff', 'field')).toEqual(['EcoCult Staff'])
    // Interface words beside a question's dateline are no name.
    expect(personNames('Ask Question')).toEqual([])
    expect(personNames('Asked')).toEqual([])
  })

  it('finds a byline among a dateline’s parts, a label glued to its name, and a name under the headline after a standfirst', () => {
    const dateline = clean(html('', '<article><h1>Salt marsh birds return</h1><p class="meta">March 15, 2022 · 3 min read · By Jane Doe</p>'), {pageType: 'article'})
    expect(dateline.metadata.author).toEqual(['Jane Doe'])
    const glued = clean(html('', '<article><h1>Salt marsh birds return</h1><p>Written by:Elise Nass</p>'), {pageType: 'article'})
    expect(glued.metadata.author).toEqual(['Elise Nass'])
    // A sentence that opens with "By" is no byline.
    expect(articleAuthor(html('', '<article><h1>Salt marsh birds return</h1><p>By focusing on the tides</p>'))).toBeUndefined()
    const standfirst = `<article><h1>Salt marsh birds return</h1><p>${prose[0]}</p><p>Shauna Mitchell</p><p>August 25, 2024</p>`
    expect(articleAuthor(html('', standfirst))).toEqual(['Shauna Mitchell'])
  })
})

describe('bylines, datelines and titles the page shows', () => {

  it('looks for the byline of a page without an h1 where its content starts, when that is about what the title says, and takes no date a field label owns', () => {
    const menu = Array.from({length: 14}, (_, index) => `<li><a href="/section-${index}">Section ${index}</a></li>`).join('')
    const page = (title: string, content: string): string => html(`<title>${title}</title>`, `<header><ul>${menu}</ul></header><main>${content}`)
    const dated = clean(page('Harbour wall repairs begin | Eastmarch', `<h2>Harbour wall repairs begin</h2><p>By Rosa Pike</p><p>December 17, 2025</p>`), {pageType: 'article'})
    expect(dated.metadata).toMatchObject({author: ['Rosa Pike'], published: '2025-12-17'})
    // A front page's first story shares no words with the page's title; a date under "Release Date:" is a product's.
    expect(clean(page('Eastmarch: news for the coast', `<h2>Storm closes ferry</h2><p>By Rosa Pike</p><p>December 17, 2025</p>`), {pageType: 'article'}).metadata.published).toBeUndefined()
    expect(clean(html('', `<article><h1>Harbour wall repairs begin</h1><p>Release Date:</p><p>9 Jul, 2013</p>`), {pageType: 'article'}).metadata.published).toBeUndefined()
    expect(clean(html('', `<article><h1>Harbour wall repairs begin</h1><p>Published:</p><p>9 Jul, 2013</p>`), {pageType: 'article'}).metadata.published).toBe('2013-07-09')
  })

  it('takes the name a link to the writer’s page spells, the first of a few only, and not a link whose text the address does not spell', () => {
    const linked = clean(html('', '<article><h1>Salt marsh birds return</h1><p><a href="/authors/chris-toy">Chris Toy</a> · Reviewed by <a href="/authors/ann-lee/">Ann Lee</a></p>'), {pageType: 'article'})
    expect(linked.metadata.author).toEqual(['Chris Toy'])
    expect(linked.metadataSources.author).toBe('a href=/author/…')
    expect(articleAuthor(html('', '<article><h1>Salt marsh birds return</h1><p><a href="/author/chris-toy/">View all posts</a></p>'))).toBeUndefined()
    expect(articleAuthor(html('', '<article><h1>Salt marsh birds return</h1><p><a href="/author/chris-toy/">View all posts by Chris Toy</a></p>'))).toBeUndefined()
    const many = ['ann-lee', 'bo-chen', 'cy-park', 'di-ross'].map((slug) => `<a href="/author/${slug}">${slug.replace('-', ' ')}</a>`).join(' ')
    expect(articleAuthor(html('', `<article><h1>Latest</h1><p>${many}</p>`))).toBeUndefined()
  })

  it('takes a bare name in the element the page marks as its author, but not a phrase there', () => {
    const card = (text: string): string => `<article><h1>Short-form video best practices</h1><div class="t-blogpost-author-info"><div class="t-blogpost-author-name">${text}</div></div>`
    expect(articleAuthor(html('', card('Liza Burke')))).toEqual(['Liza Burke'])
    expect(articleAuthor(html('', card('Read our guide')))).toBeUndefined()
  })

  it('takes a bare name in the element the page marks as its author below a standfirst, but not a bare name outside one', () => {
    const standfirst = `<p>${prose[0]}</p><p>${prose[1]}</p><p>${prose[2]}</p><p>${prose[3]}</p>`
    const below = (element: string): string => `<article><h1>Short-form video best practices</h1>${standfirst}${element}</article>`
    expect(articleAuthor(html('', below('<div class="the-author">Isaiah Shelton</div>')))).toEqual(['Isaiah Shelton'])
    expect(articleAuthor(html('', below('<div class="caption">Isaiah Shelton</div>')))).toBeUndefined()
  })

  it('takes the one name the page’s author elements show anywhere (an author box below the article), but not a testimonial’s, a label or two names', () => {
    const after = (box: string): string => longArticle('Short-form video best practices', box)
    const boxed = clean(after('<div class="author-box"><p class="authorName">Podium Staff</p></div>'), {pageType: 'article'})
    expect(boxed.metadata.author).toEqual(['Podium Staff'])
    expect(boxed.metadataSources.author).toMatch(/^author element block \d+$/u)
    expect(articleAuthor(after('<div class="wp-block-post-author"><div class="wp-block-post-author__name">Rachel MacDonald</div></div>'))).toEqual(['Rachel MacDonald'])
    // A testimonial signs its own words; a box's heading and a link's label are no names; two writers' boxes name neither.
    expect(articleAuthor(after('<div class="testimonial"><p>Great service.</p><div class="author-details">Philip Roe</div></div>'))).toBeUndefined()
    expect(articleAuthor(after('<div class="author-wrapper"><h2>Author Spotlight</h2></div>'))).toBeUndefined()
    expect(articleAuthor(after('<div class="author-bio"><a>Learn More About Dr. Jane Roe</a></div>'))).toBeUndefined()
    expect(articleAuthor(after('<div class="author-name">Rachel MacDonald</div><div class="author-name">Lauren Vetter</div>'))).toBeUndefined()
  })

  it('reads a signed byline’s short first name or team as its writer, not a bare line’s badge or a dateline’s label', () => {
    expect(personNames('By Clay', 'signed')).toEqual(['Clay'])
    expect(personNames('Clay')).toEqual([])
    expect(personNames('By the Lavazza Team 2–3 minutes', 'signed')).toEqual(['the Lavazza Team'])
    expect(personNames('Resy Staff', 'signed')).toEqual(['Resy Staff'])
    expect(personNames('By The Currency editors', 'signed')).toEqual(['The Currency editors'])
    expect(personNames('By The Currency editors')).toEqual([])
    expect(personNames('Dieter Hogen with Uta Pippig', 'signed')).toEqual(['Dieter Hogen with Uta Pippig'])
    // A role after the first name is no name, signed or not; a bare line's team is none either.
    expect(personNames('By Charles Patterson, WCI Columnist', 'signed')).toEqual(['Charles Patterson'])
    expect(personNames('Resy Staff')).toEqual([])
    expect(personNames('By Conor AllisonJanuary 14, 202620 Mins Read', 'signed')).toEqual(['Conor Allison'])
    expect(personNames('Modified')).toEqual([])
    expect(personNames('Modified 7 months ago')).toEqual([])
    expect(personNames('Ben Applebaum-Bauch ⋅ Review Editor')).toEqual(['Ben Applebaum-Bauch'])
    expect(personNames('Angela Holliday-Bell, MD*')).toEqual(['Angela Holliday-Bell'])
    expect(personNames('page.head.extra.author', 'field')).toEqual([])
    expect(personNames('J.R.R. Tolkien', 'field')).toEqual(['J.R.R. Tolkien'])
    const dump = ['How to design a website', 'By Clay', 'Mar 14, 2024', ...prose].join('\n\n')
    expect(clean(dump).metadata).toMatchObject({author: ['Clay'], published: '2024-03-14'})
  })

  it('takes a text dump’s name beside its first dateline as the byline, after the body has begun too, but not one beside a later date', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    const first = dump([prose[0] as string, 'Cryptocurrency regulations around the world', 'Andrius Juodis', 'June 2, 2025', ...prose.slice(1)])
    expect(clean(dump([first])).metadata).toMatchObject({author: ['Andrius Juodis'], published: '2025-06-02'})
    const later = dump([prose[0] as string, 'Cryptocurrency regulations around the world', 'June 2, 2025', ...prose.slice(1), 'Rosa Pike', 'June 3, 2025'])
    expect(clean(later).metadata.author).toBeUndefined()
  })

  it('takes no name beside a dateline that is words of the language, but a name the word list lacks or a known given name leads', () => {
    const beside = (name: string): string[] | undefined =>
      clean([prose[0] as string, 'Cryptocurrency regulations around the world', name, 'June 2, 2025', ...prose.slice(1)].join('\n\n')).metadata.author
    expect(beside('Special Offers')).toBeUndefined()
    expect(beside('Press Release')).toBeUndefined()
    expect(beside('Santiago Parra')).toEqual(['Santiago Parra'])
    expect(beside('Faith Cox')).toEqual(['Faith Cox'])
  })

  it('reads a dump’s dateline right under its headline for its writer and date, but not one below the body’s start', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    // A headline the article's prose repeats, as a dump's is found.
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    expect(clean(dump([headline, 'Dec 26, 2025 • Mahua Das in Project Management', ...prose])).metadata).toMatchObject({author: ['Mahua Das'], published: '2025-12-26'})
    expect(clean(dump([headline, ...prose, 'Dec 26, 2025 • Mahua Das in Project Management'])).metadata.author).toBeUndefined()
  })

  it('reads a dump’s byline by its headline that no classifier marked, its parts glued or a standfirst above it, but not one after the body or a thread’s last poster', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    const glued = clean(dump([headline, 'ByRhonda Krause UpdatedJanuary 25, 2026', ...prose])).metadata
    expect(glued).toMatchObject({author: ['Rhonda Krause'], published: '2026-01-25'})
    expect(clean(dump([headline, ...prose, 'ByRhonda Krause UpdatedJanuary 25, 2026'])).metadata.author).toBeUndefined()
    const led = clean(dump([headline, prose[1] as string, 'Kristian Larsen July 13, 2025 — 7 minutes read', prose[2] as string, prose[0] as string])).metadata
    expect(led).toMatchObject({author: ['Kristian Larsen'], published: '2025-07-13'})
    const lastPost = clean(dump([headline, '1.9K views 11 replies last post by Arnold Vark Jan 18, 2024', ...prose])).metadata
    expect(lastPost.author).toBeUndefined()
    const started = "Discussion in 'Hosting Advice' started by pelex, May 26, 2025."
    expect(clean(dump([headline, started, ...prose])).metadata).toMatchObject({author: ['pelex'], published: '2025-05-26'})
    expect(clean(dump([headline, ...prose, started])).metadata.author).toBeUndefined()
  })

  it('takes a full name under a dump’s headline by its dateline, a role or the headline between, as its writer, but not a field’s label, a name with no dateline by it or one after a standfirst', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    expect(clean(dump([headline, 'Chirag Bhardwaj', 'VP - Technology', 'November 14, 2025', ...prose])).metadata).toMatchObject({author: ['Chirag Bhardwaj'], published: '2025-11-14'})
    expect(clean(dump([headline, 'PROJECT: Weekend Coding Agent', 'DATE: 2025-12-12', ...prose])).metadata.author).toBeUndefined()
    expect(clean(dump([headline, 'Chirag Bhardwaj', 'VP - Technology', ...prose])).metadata.author).toBeUndefined()
    // The dateline above the headline vouches for the name under it; a standfirst between the headline and the name begins the body.
    expect(clean(dump(['Travel September 8, 2021', headline, 'Andrei Zakhareuski', ...prose])).metadata.author).toEqual(['Andrei Zakhareuski'])
    expect(clean(dump([headline, prose[1] as string, 'Chirag Bhardwaj', 'VP - Technology', 'November 14, 2025', prose[2] as string, prose[0] as string])).metadata.author).toBeUndefined()
  })

  it('dates a dump by a date by its headline whose label is glued, before a date its menus show above, but not by a member’s join date', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    expect(clean(dump([headline, 'Last updated:Sep 4, 2025', ...prose])).metadata.published).toBe('2025-09-04')
    expect(clean(dump([headline, 'Joined:Sep 4, 2025', ...prose])).metadata.published).toBeUndefined()
    // A byline's length with a dateline's label; not a sentence that names a day.
    expect(clean(dump([headline, 'Paramita (Guha) Ghosh Published: January 3, 2024', ...prose])).metadata.published).toBe('2024-01-03')
    const sentence = 'The council said on March 3, 2024 that the scheme, run by volunteers, would be extended for two more years.'
    expect(clean(dump([headline, sentence, ...prose])).metadata.published).toBeUndefined()
    const menu = ['Storm closes ferry', 'March 3, 2024', 'Ferry timetable', 'Harbour news', 'Contact']
    expect(clean(dump([...menu, headline, 'June 2, 2025', ...prose])).metadata.published).toBe('2025-06-02')
    expect(clean(dump([...menu, headline, ...prose])).metadata.published).toBe('2024-03-03')
    // A date before the update's label is the publication's; a line the label leads gives the update.
    expect(clean(dump([...menu, headline, 'By Rosa Pike January 4, 2026 Updated: January 8, 2026', ...prose])).metadata.published).toBe('2026-01-04')
    expect(clean(dump([...menu, headline, 'Updated: January 8, 2026', ...prose])).metadata).toMatchObject({modified: '2026-01-08', published: '2024-03-03'})
    // A month in capitals glued to the section before it is still the publication's date, and the section no writer.
    const capitals = clean(dump([headline, 'Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026', ...prose])).metadata
    expect(capitals.published).toBe('2022-12-22')
    expect(capitals.author).toBeUndefined()
    // Of two days a dateline shows, the earlier is the publication's, whichever comes first.
    expect(clean(dump([headline, 'May 21, 2025April 24, 2025 by Rosa Pike', ...prose])).metadata.published).toBe('2025-04-24')
    expect(clean(dump([headline, 'Updated November 11, 20228:23 PM ET Originally published November 9, 202211:01 AM ET', ...prose])).metadata.published).toBe('2022-11-09')
  })

  it('reads a dump’s dateline past a run a few blocks under its headline before the body (a writer’s card read as teasers), but not past one after the body', () => {
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    const card = ['Amar Hussain', 'Senior Content Contributor', '867 Published Articles', 'Learn more >>']
    const dateline = 'Updated: January 2, 2025, 9:06am CST'
    // The classifiers' verdicts as the metadata step reads them: the headline, the card as a teaser run, the dateline, the kept prose.
    const published = (lines: string[]): string | undefined => {
      const tree = parseText(lines.join('\n\n'))
      for (const {data: {block}} of blocksOf(tree)) {
        if (block.text === headline) block.evidence.title = true
        else if (card.includes(block.text)) block.removal = {ruleId: 'trailing-stories', reason: 'teaser run', score: 0.8}
        else if (block.text === dateline) block.removal = {ruleId: 'byline', reason: 'metadata line (date, time)', score: 0.85}
        else {
          block.quality = {class: 'good', reason: 'prose'}
          block.verdict = {keep: true, ruleId: 'quality', reason: 'prose', score: 0.9}
        }
      }
      return pageMetadata(tree).fields.published
    }
    expect(published([headline, ...card, dateline, ...prose])).toBe('2025-01-02')
    expect(published([headline, prose[0] as string, ...card, dateline, ...prose.slice(1)])).toBeUndefined()
  })

  it('dates a dump by its dateline under the headline over a dated list’s last entry just above it, which dates it when nothing below does', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    const news = ['Help shape the future of our exams', '12/16/2025', 'Past president passes away', '12/04/2025']
    expect(clean(dump([...news, headline, '03/01/2017 by Agatha Caleo, Candidate Representative', ...prose])).metadata.published).toBe('2017-03-01')
    expect(clean(dump([...news, headline, ...prose])).metadata.published).toBe('2025-12-04')
  })

  it('takes no menu facet of a dump, away from its headline, for a byline (“By Region”), but a desk that signs by the headline', () => {
    const dump = (lines: string[]): string => lines.join('\n\n')
    const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
    const menu = ['By Region', 'Europe', 'Asia', 'Breads', 'Cocktails', 'Contact']
    expect(clean(dump([...menu, headline, ...prose])).metadata.author).toBeUndefined()
    // One word of the language names nobody, though the list of given names holds it too ("Price", "Brand").
    for (const facet of ['By Price', 'By Brand']) expect(clean(dump([facet, ...menu.slice(1), headline, ...prose])).metadata.author).toBeUndefined()
    expect(clean(dump([...menu.slice(1), 'By Rosa Pike', 'Contact us', headline, ...prose])).metadata.author).toEqual(['Rosa Pike'])
    expect(clean(dump([...menu.slice(1), headline, 'By News Desk', ...prose])).metadata.author).toEqual(['News Desk'])
  })

  it('takes a text dump’s dateline that signs its post as its byline and date before the body; after it, as its date only', () => {
    const signed = 'September 1st, 2023 By Emily Norwood'
    const before = clean(['Cleaning tips for busy homes', signed, ...prose].join('\n\n')).metadata
    expect(before).toMatchObject({author: ['Emily Norwood'], published: '2023-09-01'})
    const after = clean(['Cleaning tips for busy homes', ...prose, signed].join('\n\n'))
    expect(after.metadata.author).toBeUndefined()
    expect(after.metadata.published).toBe('2023-09-01')
    expect(after.metadataSources.published).toMatch(/^dateline by the body/u)
  })

  it('takes a forum thread’s starter from its statistics line as its author, as the user name is written, but not from an article’s line', () => {
    const thread = ['Forums', 'Buying Microsoft Office 2024 but not from Microsoft', 'Thread starter paulb203', 'Start date Oct 8, 2024', ...prose].join('\n\n')
    const {metadata, metadataSources} = clean(thread, {pageType: 'forum'})
    expect(metadata).toMatchObject({author: ['paulb203'], published: '2024-10-08'})
    expect(metadataSources.author).toMatch(/^thread starter block \d+$/u)
    expect(clean(thread.replace('Thread starter paulb203', 'Started by Jane Doe · Oct 8, 2024'), {pageType: 'forum'}).metadata.author).toEqual(['Jane Doe'])
    expect(articleAuthor(thread)).toBeUndefined()
  })

  it('dates a thread by its labelled start date wherever it sits, over a dated line nearer its title, but not by a table row’s start date', () => {
    const thread = (start: string): string => ['Forums', 'Which graphics card for a small case?', 'Feb 14, 2024', 'Thread starter ridwan123', start, ...prose].join('\n\n')
    const started = clean(thread('Start date Feb 25, 2024'), {input: 'text'})
    expect(started.metadata.published).toBe('2024-02-25')
    expect(started.metadataSources.published).toMatch(/^thread start block \d+$/u)
    expect(clean(['Old Reddit', prose[0], 'this post was submitted on 04 Mar 2026', '1,100 points (98% upvoted)', prose[1]].join('\n\n'), {input: 'text'}).metadata.published).toBe('2026-03-04')
    // A field's name that ends in the label, mid-line, starts no thread.
    expect(clean(thread('sale_price_start_date Date ISO 8601 Sale start date 2025-07-01 Optional'), {input: 'text'}).metadata.published).toBe('2024-02-14')
  })

  it('dates a Q&A thread by its question’s "asked" line, not by the edit note above it', () => {
    const thread = ['How do I reset a home router without losing its settings?', prose[0], 'Share', 'Improve this question', 'Follow', 'edited Jul 5, 2020 at 10:00', 'crumbcoat', '55.4k24 gold badges197 silver badges315 bronze badges', 'asked Feb 4, 2014 at 13:02', 'levain_lou', '1591 silver badge6 bronze badges', prose[1]].join('\n\n')
    const {metadata, metadataSources} = clean(thread, {input: 'text', pageType: 'forum'})
    expect(metadata.published).toBe('2014-02-04')
    expect(metadataSources.published).not.toMatch(/only date/u)
  })

  it('gives a section’s front page, a short title over many dated items, no date or author from their bylines, but an article its own', () => {
    const items = (count: number): string => Array.from({length: count}, (_, day) => `<h2>Story ${day + 1} of the week</h2><p>By Rosa Pike • Dec. ${day + 1}, 2025</p><p>${prose[day % prose.length]}</p>`).join('')
    const front = clean(html('<title>Cloud</title>', `<h1>Cloud</h1>${items(8)}`), {pageType: 'article'}).metadata
    expect(front.published).toBeUndefined()
    expect(front.author).toBeUndefined()
    expect(clean(html('<title>Cloud</title>', `<h1>Cloud</h1>${items(3)}`), {pageType: 'article'}).metadata.published).toBe('2025-12-01')
    expect(clean(html('<title>x</title>', `<h1>Harbour wall repairs begin after the storm</h1>${items(8)}`), {pageType: 'article'}).metadata.published).toBe('2025-12-01')
  })

  it('dates a page by a bare date by its headline that no classifier marked, but not by a range, a listed post or a date after the body', () => {
    const layout = (cell: string, after = ''): string =>
      html('<title>davidbau.com</title>', `<h1>davidbau.com</h1><table><tr><td><h2>${cell}</h2><h3>Vibe Coding</h3>${after}</td></tr></table>`)
    const dated = clean(layout('December 16, 2025'), {pageType: 'article'})
    expect(dated.metadata.published).toBe('2025-12-16')
    expect(dated.metadataSources.published).toMatch(/^date block \d+$/u)
    expect(clean(layout('1/27/2026 - 3/24/2026'), {pageType: 'article'}).metadata.published).toBeUndefined()
    expect(clean(layout('Go 1.26 is released, 10 February 2026'), {pageType: 'article'}).metadata.published).toBeUndefined()
  })

  it('drops characters that show nothing (soft hyphens, direction marks) from a title, but keeps joiners', () => {
    expect(clean(html('<title>x</title>', '<h1>Home Repair Assis\u00ADtance Program</h1>'), {pageType: 'article'}).metadata.title).toBe('Home Repair Assistance Program')
    expect(clean(html('<title>\u202AGeoffrey Hinton\u202C - Google Scholar</title>', '<p>Papers</p>'), {pageType: 'service'}).metadata.title).toBe('Geoffrey Hinton')
    expect(clean(html('<title>x</title>', '<h1>می\u200Cخواهم</h1>'), {pageType: 'article'}).metadata.title).toBe('می\u200Cخواهم')
  })

  it('takes a <title> that leads with the declared site name for its tagline, and an h1 the <title> extends', () => {
    const tagline = '<title>Hearthwise | Boiler servicing for the north</title><meta property="og:site_name" content="Hearthwise">'
    expect(clean(html(tagline, '<h1>Warm homes, fair prices</h1>'), {pageType: 'service'}).metadata.title).toBe('Boiler servicing for the north')
    const category = '<title>Hiking Boots: Shop Boots for Hiking &amp; Backpacking | Trailhouse</title>'
    expect(clean(html(category, '<main><h1>Hiking Boots</h1></main>'), {pageType: 'product'}).metadata.title).toBe('Hiking Boots')
    // An h1 the <title> does not extend is a slogan: the head names the page.
    expect(clean(html(category, '<main><h1>Boots for every trail</h1></main>'), {pageType: 'product'}).metadata.title).toBe('Hiking Boots: Shop Boots for Hiking & Backpacking')
  })
})

describe('dates', () => {
  it('keeps an ISO stamp’s time only with its offset, and reads free text in the page’s language', () => {
    expect(isoDate('2024-03-04T10:00:00+0100')).toBe('2024-03-04T10:00:00+01:00')
    expect(isoDate('2024-03-04T10:00:00')).toBe('2024-03-04')
    expect(isoDate('Published March 4, 2024')).toBe('2024-03-04')
    expect(isoDate('veröffentlicht am 14. März 2021', 'de')).toBe('2021-03-14')
    expect(isoDate('04/03/2024', 'en-GB')).toBe('2024-03-04')
    expect(isoDate('04/03/2024', 'en-US')).toBe('2024-04-03')
  })

  it('reads a day followed by a stray full stop and a numeric date glued to a name, but no number and year that are not a date', () => {
    expect(isoDate('December 19. 2025')).toBe('2025-12-19')
    expect(isoDate('Yucy3/4/2025')).toBe('2025-03-04')
    expect(isoDate('Chapter 3. 2019 was the year')).toBeUndefined()
    // A year and numbers with no month and no numeric date: chrono read some such lines as the day it ran.
    for (const line of ["Former BBC Radio 1 boss 'aware of Jimmy Savile allegations in 1970s'", '2271 Slater Mill Dr, Sparks, NV 89441', '41 querie(s) executed | Page rendered in 0.3112 seconds']) expect(isoDate(line)).toBeUndefined()
  })

  it('reads dates in the page language: chrono’s languages, and month names for Polish, Greek and Czech', () => {
    expect(isoDate('记者 李明 2024年05月20日 10:35', 'zh')).toBe('2024-05-20')
    expect(isoDate('Autor: Tomasz Wójcik 3 kwietnia 2024, 07:55', 'pl')).toBe('2024-04-03')
    expect(isoDate('Δημοσίευση: 14 Μαρτίου 2023', 'el')).toBe('2023-03-14')
    // A month name of another language is no month; nor is a Polish date without its year.
    expect(isoDate('3 kwietnia 2024', 'el')).toBeUndefined()
    expect(isoDate('3 kwietnia', 'pl')).toBeUndefined()
  })

  it('ends a byline’s names at a dateline label in the page language, and tells an update from a publication', () => {
    const dump = (byline: string): string => ['Un colegio riega su huerto con el agua de la lluvia', byline, ...prose].join('\n\n')
    expect(clean(dump('Por Lucía Navarro Actualizado el 12 de febrero de 2024, 13:45'), {language: 'es'}).metadata).toMatchObject({author: ['Lucía Navarro'], modified: '2024-02-12'})
    expect(clean(dump('Par Claire Morel Publié le 6 mai 2024 à 08h30'), {language: 'fr'}).metadata).toMatchObject({author: ['Claire Morel'], published: '2024-05-06'})
  })

  it('reads a text dump’s glued dateline (a year glued to the next date or time, a name to the month), but not a number that only follows a year', () => {
    expect(isoDate('Posted on June 29, 2020November 12, 2021')).toBe('2020-06-29')
    expect(isoDate('October 17, 20236:01 PM ET')).toBe('2023-10-17')
    expect(isoDate('By Conor AllisonJanuary 14, 202620 Mins Read')).toBe('2026-01-14')
    expect(isoDate('Stef KeeganAugust 5, 2024')).toBe('2024-08-05')
    // Digits after a year with no month and day before it stay one number; a capital after a lower-case letter that starts no month is no glue.
    expect(isoDate('Model 20236 released')).toBeUndefined()
    expect(isoDate('McDonald 5, 2024')).toBeUndefined()
  })

  it('gives no date for relative dates, dates without a year or a day, and impossible days', () => {
    for (const text of ['2 days ago', 'March 4', 'August 2025', '2024-13-45', 'no date here']) expect(isoDate(text)).toBeUndefined()
  })
})

describe('a text dump’s writer', () => {
  const headline = (prose[0] as string).split(/\s+/u).slice(0, 7).join(' ').replace(/[,.]$/u, '')
  const author = (lines: string[]): string[] | undefined => clean(lines.join('\n\n'), {input: 'text'}).metadata.author
  const teasers = ['You may also like', 'Harbour lights switched on for winter', 'by Geoff Harris', 'December 19, 2025', 'Harbour news', 'Contact']

  it('is the person named by the headline’s dateline before a signed byline among other stories, but not a section’s name there', () => {
    expect(author([...teasers, headline, 'Joshua Waller', 'January 30, 2025', ...prose])).toEqual(['Joshua Waller'])
    expect(author([...teasers, headline, 'Special Offers', 'January 30, 2025', ...prose])).toEqual(['Geoff Harris'])
  })

  it('is a one-word name or handle by the headline over or under its date, but not a word of the language or one with no date by it', () => {
    expect(author([headline, 'inikosoftseo', 'September 8, 2025', ...prose])).toEqual(['inikosoftseo'])
    expect(author([headline, 'Technology', 'September 8, 2025', ...prose])).toBeUndefined()
    expect(author([headline, 'inikosoftseo', ...prose])).toBeUndefined()
    // Under the date, a line below the headline.
    expect(author([headline, '19 Dec, 2025', 'Newsdesk', ...prose])).toEqual(['Newsdesk'])
  })

  it('is the user a question’s or thread’s start line heads, not a line of prose under it', () => {
    const question = ['How do I keep a sourdough starter alive?', ...prose]
    expect(author([...question, 'asked Feb 11, 2011 at 23:49', 'KumikoGoingCrAzY', '1591 silver badge6 bronze badges'])).toEqual(['KumikoGoingCrAzY'])
    expect(author([...question, 'asked Feb 11, 2011 at 23:49', prose[1] as string])).toBeUndefined()
  })

  it('keeps a name that ends in a month’s name, and leaves out the month of the date after it', () => {
    expect(author([headline, 'Written By: Tom May', '15 December 2025', ...prose])).toEqual(['Tom May'])
    expect(author([headline, 'Mike Kappel May 18, 2016', ...prose])).toEqual(['Mike Kappel'])
  })

  it('is the full name among a marked dateline’s parts, its dates glued or not', () => {
    expect(author([headline, '109 Comments | Jill Winger | Last Updated: March 11, 2019', ...prose])).toEqual(['Jill Winger'])
    expect(author([headline, 'David Hartshorne•Updated on Jul 4, 2024 •28 min read', ...prose])).toEqual(['David Hartshorne'])
    expect(author([headline, '109 Comments | Local News | Last Updated: March 11, 2019', ...prose])).toBeUndefined()
  })

  it('is the name right over the dateline under the headline’s standfirst, but not words of the language there', () => {
    expect(author([headline, prose[1] as string, 'Josef Průša', 'December 19. 2025', prose[2] as string, prose[0] as string])).toEqual(['Josef Průša'])
    expect(author([headline, prose[1] as string, 'Wyndo', 'Dec 04, 2025', prose[2] as string, prose[0] as string])).toEqual(['Wyndo'])
    expect(author([headline, prose[1] as string, 'Local News', 'December 19, 2025', prose[2] as string, prose[0] as string])).toBeUndefined()
  })

  it('is a short handle right under the headline over its date', () => {
    expect(author([headline, 'Kev', 'January 1, 2026', ...prose])).toEqual(['Kev'])
  })

  it('is, on a forum, the user beside the first letter avatar that starts with the user’s letter', () => {
    const thread = (lines: string[]): string[] | undefined => clean(lines.join('\n\n'), {input: 'text', pageType: 'forum'}).metadata.author
    expect(thread(['Replacing an old projector', 'JosephF', 'J', ...prose, 'Reply', 'ggery', 'G', prose[0] as string])).toEqual(['JosephF'])
    expect(thread(['Replacing an old projector', 'J Offline', 'julian', ...prose])).toEqual(['julian'])
    expect(thread(['Replacing an old projector', 'JosephF', 'K', ...prose])).toBeUndefined()
  })

  it('is the team a lone “by” by the headline labels, after a standfirst too', () => {
    expect(author([headline, prose[1] as string, 'by', 'EcoCult Staff', 'Sep 25, 2024', prose[2] as string, prose[0] as string])).toEqual(['EcoCult Staff'])
  })

  it('is no line of a menu’s entries glued together, but may be a firm’s name written with an inner capital', () => {
    expect(personNames('By Wedding ChecklistsJust EngagedWedding Planning')).toEqual([])
    expect(personNames('By FlowGuard EMEA')).toEqual(['FlowGuard EMEA'])
  })

  it('is signed within a dateline taken with the post’s categories', () => {
    const categories = 'Budget Travel, Budget Travel Guides, Travel Resources, Travel Insurance, Trip Planning, Europe, Asia, Family Travel'
    expect(author([headline, `On January 12, 2025January 22, 2025 By Gabby BoucherIn ${categories}`, ...prose])).toEqual(['Gabby Boucher'])
  })
})

describe('names and job titles', () => {
  it('ends a byline’s names at a part that is only a job title, and takes a person’s name from before the title after it', () => {
    expect(personNames('by Daniel Burstein, Senior Director, Content & Marketing, MarketingSherpa and MECLABS Institute')).toEqual(['Daniel Burstein'])
    expect(personNames('By Maureen Salamon, Executive Editor, Harvard Women’s Health Watch')).toEqual(['Maureen Salamon'])
    expect(personNames('Written By: Catherine Boeckmann Executive Digital Editor')).toEqual(['Catherine Boeckmann'])
    expect(personNames('By Jane Doe and John Roe, Staff Writers')).toEqual(['Jane Doe', 'John Roe'])
  })

  it('takes a forum poster’s user name without the group the forum writes beside it, and keeps a name that only ends like one or a deleted account’s', () => {
    expect(personNames('ColdJ Members')).toEqual(['ColdJ'])
    expect(personNames('Linc Admin', 'signed')).toEqual(['Linc'])
    expect(personNames('paulb203 Moderator')).toEqual(['paulb203'])
    // Two words before the group are no user name and its badge, nor is a word of the language ("Former Member": a deleted account); a team's "Staff" is no forum's group.
    expect(personNames('By Jane Doe Admin', 'signed')).toEqual(['Jane Doe Admin'])
    expect(personNames('Former Member', 'field')).toEqual(['Former Member'])
    expect(personNames('By EcoCult Staff', 'signed')).toEqual(['EcoCult Staff'])
  })

  it('reads no schedule’s words as a name, but a given name that is a month’s', () => {
    for (const line of ['Tuesdays Evenings', 'January Start', 'Saturday Appointments Available']) expect(personNames(line, 'signed')).toEqual([])
    expect(personNames('By June Carter')).toEqual(['June Carter'])
  })

  it('keeps a team’s name whole, and names with no job title as they are', () => {
    expect(personNames('By EcoCult Staff', 'signed')).toEqual(['EcoCult Staff'])
    expect(personNames('By Rosa Pike and Ada Lee')).toEqual(['Rosa Pike', 'Ada Lee'])
  })
})

describe('golden metadata', () => {
  it('dechaff check compares <page>.meta.json field by field and --update rewrites it', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dechaff-meta-'))
    const stem = 'html/201_amberley-brook-fine'
    for (const file of [`corpus/${stem}.html`, `golden/${stem}.txt`, `golden/${stem}.meta.json`]) await cp(file, path.join(root, file), {recursive: true})
    const options = {corpus: path.join(root, 'corpus'), golden: path.join(root, 'golden')}
    expect((await checkCorpus(options)).counts.pass).toBe(1)
    const golden = path.join(root, 'golden', `${stem}.meta.json`)
    const expected = JSON.parse(await readFile(golden, 'utf8')) as Record<string, unknown>
    await writeFile(golden, JSON.stringify({...expected, author: ['Someone Else']}))
    const report = await checkCorpus(options)
    expect(report.pages[0]).toMatchObject({status: 'changed', metadataDiff: '-author: ["Someone Else"]\n+author: ["Kieran Atwell"]\n'})
    await checkCorpus({...options, update: true})
    expect(JSON.parse(await readFile(golden, 'utf8'))).toEqual(expected)
  })
})
