import {describe, expect, it} from 'vitest'
import {clean, dechaffForumChrome, dechaffParseHtml, dechaffParseText, DechaffConfigError, pageFeatures, pageFeatureValues, parseHtml, parseText, validateOptions} from '../src/index.js'
import {unified} from 'unified'
import type {PageType, Root} from '../src/index.js'
import type {Block} from '../src/types.js'
import {blocksOf} from '../src/tree.js'
import {guessedType} from '../src/page-features.js'
import pageTypeEvidence from '../src/data/page-type.json' with {type: 'json'}
import {pageTypes} from '../src/types.js'
import {keptAlmostNothing, type BlockReport, type CleanResult} from '../src/clean.js'
import {classify, prose, ruleOf} from './helpers.js'

const posts = [
  'My sourdough starter doubled nicely for a week and now barely rises at all, even though I feed it at the same times with the same flour. Has anyone had this happen after a change in the weather?',
  'Cold kitchens slow everything down. Try keeping it somewhere around twenty-four degrees for a few days and feed it twice a day; it usually comes back within the week.',
  'Also check your flour. A new bag from a different mill can behave quite differently, especially if it is more finely milled than what you had before.'
]

/** A thread as forum software writes it: each post with its author line, the poster's statistics beside it. */
function forumThread(): string {
  const post = (index: number, author: string, text: string): string => `
    <div class="post message" id="post-${index}">
      <div class="postprofile"><a class="username">${author}</a><dl><dt>Joined:</dt><dd>Mar 2019</dd><dt>Posts:</dt><dd>${100 + index}</dd></dl></div>
      <div class="postbody"><p class="author">by ${author} » Mon Mar ${index + 4}, 2024 ${index + 6}:15 pm</p><div class="content"><p>${text}</p></div>
      <ul class="post-buttons"><li><a>Quote</a></li><li><a>Reply</a></li></ul></div>
    </div>`
  return `<!doctype html><html><head><title>Starter stopped rising - Bread Forum</title>
    <link rel="canonical" href="https://bread.example/forum/viewtopic.php?t=8812">
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Starter stopped rising"}</script></head>
    <body><div class="navbar"><a>Board index</a> <a>Baking</a></div><h1>Starter stopped rising</h1>
    <div class="topic">${posts.map((text, index) => post(index, ['crumbcoat', 'levain_lou', 'ryeguy'][index] as string, text)).join('')}</div>
    <div class="pagination">Page 1 of 1</div></body></html>`
}

describe('page-type classifier', () => {
  it('knows a forum thread by its head and shape, says why, and keeps every post with its author line', () => {
    const result = clean(forumThread(), {input: 'html'})
    expect(result.pageType?.type).toBe('forum')
    expect(result.pageType?.evidence.length).toBeGreaterThan(0)
    expect(result.messages[0]?.ruleId).toBe('page-type')
    for (const text of posts) expect(result.text).toContain(text)
    expect(result.text).toContain('by levain_lou » Mon Mar 5, 2024 7:15 pm')
    expect(result.text).not.toContain('Joined:')
  })

  it('reads a forum thread’s author and date from its first post’s head and keeps that head', () => {
    const result = clean(forumThread(), {input: 'html'})
    expect(result.metadata).toMatchObject({author: ['crumbcoat'], published: '2024-03-04'})
    expect(result.text).toContain('by crumbcoat » Mon Mar 4, 2024 6:15 pm')
  })

  it('still removes an article’s comment section', () => {
    const html = `<html><head><meta property="og:type" content="article"><link rel="canonical" href="https://news.example/2024/03/05/council-pilot"></head><body><article><h1>Council extends the pilot</h1>${prose.map((text) => `<p>${text}</p>`).join('')}</article>
      <section class="comments"><h2>3 Comments</h2><div class="comment"><p>Great news for the town, about time!</p><p>Reply</p></div><h3>Leave a Reply</h3></section></body></html>`
    const result = clean(html, {input: 'html'})
    expect(result.pageType?.type).toBe('article')
    expect(result.text).not.toContain('about time')
    for (const text of prose) expect(result.text).toContain(text)
  })

  it('knows a product page by its JSON-LD, prices and cart controls', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"Product","name":"Trail Kettle 1.2 L","offers":{"@type":"Offer","price":"39.00"}}</script><meta property="og:type" content="product"></head>
      <body><h1>Trail Kettle 1.2 L</h1><p class="price">$39.00</p><button>Add to cart</button><p>In stock</p>
      <p>A hard-anodised aluminium kettle that boils a litre of water in under four minutes on a small gas stove, with a folding handle that locks over the lid.</p>
      <ul><li>Capacity: 1.2 L</li><li>Weight: 240 g</li><li>Material: hard-anodised aluminium</li></ul></body></html>`
    expect(clean(html, {input: 'html'}).pageType?.type).toBe('product')
  })

  it('stores, per input, how sure the model must be of every other type', () => {
    for (const input of ['html', 'text'] as const) {
      const thresholds = pageTypeEvidence.minConfidence[input] as Record<string, number>
      expect(Object.keys(thresholds).sort()).toEqual(pageTypes.filter((type) => type !== 'article').sort())
      for (const value of Object.values(thresholds)) expect(value > 0 && value <= 1).toBe(true)
    }
  })

  it('cleans a page it is not sure enough of as an article, and says which type it doubted', () => {
    const result = clean(forumThread(), {input: 'html', classifiers: {'page-type': {minConfidence: 0.999_999}}})
    expect(result.pageType?.type).toBe('article')
    expect(result.pageType?.doubted?.type).toBe('forum')
    expect(result.pageType?.evidence[0]).toMatch(/^not sure enough it is a forum page \([01]\.\d\d < 0\.999999\)$/u)
    expect(result.pageType?.confidence).toBeCloseTo(1 - (result.pageType?.doubted?.confidence ?? 0))
    expect(clean(forumThread(), {input: 'html'}).pageType?.doubted).toBeUndefined()
  })

  it('takes the caller’s type instead of asking the model', () => {
    const result = clean(prose.join('\n'), {pageType: 'documentation'})
    expect(result.pageType).toEqual({type: 'documentation', confidence: 1, evidence: ['set by the caller']})
  })

  it('reads the address the page declares', () => {
    const values = pageFeatureValues(parseHtml(forumThread()))
    expect(values[pageFeatures.findIndex((feature) => feature.name === 'url-forum')]).toBe(1)
    expect(values[pageFeatures.findIndex((feature) => feature.name === 'jsonld-forum')]).toBe(1)
    expect(values[pageFeatures.findIndex((feature) => feature.name === 'url-product')]).toBe(0)
  })

  it('cleans a news story laid out in tables beside columns of headlines as an article, and a page of headlines alone as a listing', () => {
    const headlines = [
      'В Бурятии выберут лучшего преподавателя школы искусств',
      'Спортсменка из Усть-Илимска стала призёром первенства Европы',
      'Шахматист из Иркутска выиграл путёвку на первенство мира',
      'В Туве прошла интронизация верховного ламы республики',
      'Арбалетчицы взяли медали первенства и чемпионата России',
      'Студенты дежурят на горячей линии в Иркутске',
      'В Улан-Удэ произошло ДТП у городского парка',
      'В Забайкалье снизилась заболеваемость среди пенсионеров',
      'Село из Бурятии попало в список самых живописных',
      'Губернатор впервые встретился с оленеводами',
      'Жители выбрали кличку для полицейского пса',
      'Пожарные отстояли жилой дом на окраине'
    ]
    const story = [
      'Самолёт авиакомпании, следовавший из Москвы в Иркутск, приземлился утром в аэропорту города, и пассажиры долго ждали обратного рейса в зале ожидания.',
      'В восемь утра борт должен был направиться обратно в столицу, однако из-за технической неполадки, которую обнаружили техники перед вылетом, рейс задержали на несколько часов.',
      'Пассажирам предоставили горячее питание и места в гостинице, а сам самолёт после ремонта вылетел в Москву только вечером, сообщили в пресс-службе аэропорта.'
    ]
    const column = `<table>${headlines.map((headline, index) => `<tr><td>${10 + index}:00</td><td><a href="/news/${index}">${headline}</a></td></tr>`).join('')}</table>`
    const page = (body: string): string => `<html><head><title>Новости</title></head><body><table><tr><td>${column}</td><td>${body}</td><td>${column}</td></tr></table></body></html>`
    const article = clean(page(`<h1>В аэропорту задержали рейс</h1>${story.map((text) => `<p>${text}</p>`).join('')}`), {input: 'html'})
    expect(article.pageType?.type).toBe('article')
    expect(article.pageType?.evidence[0]).toMatch(/listing page by its shape .* article's body/u)
    for (const text of story) expect(article.text).toContain(text)
    expect(article.text).not.toContain(headlines[0])
    expect(clean(page(''), {input: 'html'}).pageType?.type).toBe('listing')

    // A story too short for an article's body (under 60 words) among linked headlines is still most of the page's unlinked text.
    const crowded = (body: string): string => `<html><head><title>Новости</title></head><body><table><tr>${`<td>${column}</td>`.repeat(4)}<td>${body}</td>${`<td>${column}</td>`.repeat(4)}</tr></table></body></html>`
    const short = clean(crowded(`<h1>Рейс задержали</h1><p>${story[0]}</p><p>${story[1]}</p>`), {input: 'html'})
    expect(short.pageType?.type).toBe('article')
    expect(short.pageType?.evidence[0]).toMatch(/article's body: a run of \d+ words of prose, \d+% of its words outside links/u)
    expect(short.text).toContain(story[1])
    // Teasers whose unlinked summaries are as long leave no summary most of the unlinked text: a listing.
    const teasers = headlines.slice(0, 8).map((headline, index) => `<h3><a href="/news/${index}">${headline}</a></h3><p>${story[index % 3]}</p>`).join('')
    expect(clean(crowded(teasers), {input: 'html'}).pageType?.type).toBe('listing')
  })

  describe('a page the article’s rules leave empty', () => {
    const stories = [
      ['Volunteers count record otters on the upper river', 'Surveyors say the river has recovered from a pollution spill well ahead of schedule.'],
      ['University team builds a cheaper microplastics sensor', 'The device costs under forty pounds to make and could be used by schools.'],
      ['Why this winter’s storms felt so relentless', 'Forecasters explain the stalled jet stream pattern behind six named storms.'],
      ['Council approves rewilding scheme on quarry land', 'Grazing cattle and wild ponies will be introduced to the site over three years.'],
      ['Hedgehog sightings rise in city gardens, survey finds', 'More than twelve thousand households took part in this year’s count.']
    ]
    const cards = stories.map(([headline, summary], index) => `<div class="teaser"><h3><a href="/s/${index}">${headline}</a></h3><p>${summary}</p><a href="/s/${index}">Read more</a></div>`).join('')
    const section = `<html><head><title>Science</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>Science</h1>${cards}</main><footer>Copyright 2026 The Dispatch</footer></body></html>`

    it('is cleaned again as the likeliest other type: a section front’s teasers are its items', () => {
      const result = clean(section, {input: 'html', classifiers: {'page-type': {minConfidence: 0.999_999}}})
      expect(result.pageType?.type).toBe('listing')
      expect(result.pageType?.evidence[0]).toMatch(/cleaned as an article it kept almost nothing/u)
      for (const [, summary] of stories.slice(1)) expect(result.text).toContain(summary)
    })

    it('stays empty when the caller said it is an article', () => {
      const result = clean(section, {input: 'html', pageType: 'article'})
      expect(result.pageType?.type).toBe('article')
      expect(result.text).toBe('')
    })

    it('is not cleaned again when the article’s rules kept an article', () => {
      const story = prose.map((text) => `<p>${text}</p>`).join('')
      const result = clean(`<html><head><title>Science</title></head><body><main><h1>Otters return</h1>${story}${cards}</main></body></html>`, {input: 'html'})
      expect(result.pageType?.type).toBe('article')
      expect(result.pageType?.evidence.join(' ')).not.toMatch(/kept almost nothing/u)
      expect(result.text).toContain(prose[0] as string)
      expect(result.text).not.toContain(stories[1]?.[1] as string)
    })
  })

  describe('what counts as almost nothing kept', () => {
    const block = (words: number, kept: boolean): BlockReport =>
      ({index: 0, text: 'x', kept, ruleId: kept ? 'block-model' : 'trailing-stories', reason: '', score: 1, quality: undefined, features: {chars: words * 6, words, stopwordDensity: 0.3, sentences: 1}, start: {line: 1, column: 1, offset: 0}, heading: false, listItem: false}) as BlockReport
    /** The tree of a page with no comment thread. */
    const noTree: Root = {type: 'root', children: []}
    /** A page of 1,000 words in 50 removed blocks, with the kept blocks given. */
    const page = (kept: number[], otherConfidence = 0.4): CleanResult =>
      ({pageType: {type: 'article', confidence: 1 - otherConfidence, evidence: [], alternative: {type: 'listing', confidence: otherConfidence}}, blocks: [...Array.from({length: 50}, () => block(20, false)), ...kept.map((words) => block(words, true))]}) as unknown as CleanResult

    it('is a few words, or a few short lines among many (a listing’s headings)', () => {
      expect(keptAlmostNothing(page([8]), noTree, {})).toBe(true)
      expect(keptAlmostNothing(page([12, 14, 9, 11]), noTree, {})).toBe(true)
    })

    it('sends the page to its likeliest other type however unlikely the model found it (a section front, a discussion page with og:type article)', () => {
      expect(keptAlmostNothing(page([12, 14, 9, 11], 0.08), noTree, {})).toBe(true)
      expect(keptAlmostNothing(page([12, 14, 9, 11], 0.02), noTree, {})).toBe(true)
    })

    it('holds on a short page of a few dozen words (a shop item’s lines), not on one of a line or two (an error page)', () => {
      const short = (words: number[]): CleanResult =>
        ({pageType: {type: 'article', confidence: 0.6, evidence: [], alternative: {type: 'product', confidence: 0.4}}, blocks: words.map((count) => block(count, false))}) as unknown as CleanResult
      expect(keptAlmostNothing(short([6, 3, 8, 5, 4, 7, 2, 5]), noTree, {})).toBe(true)
      expect(keptAlmostNothing(short([6, 8]), noTree, {})).toBe(false)
    })

    it('is not a paragraph of prose, nor a share of the page the article’s rules kept', () => {
      expect(keptAlmostNothing(page([12, 45]), noTree, {})).toBe(false)
      expect(keptAlmostNothing(page(Array.from({length: 8}, () => 12)), noTree, {})).toBe(false)
      expect(keptAlmostNothing(page([12, 14, 9, 11]), noTree, {pageType: 'article'})).toBe(false)
    })

    it('is not a short article’s body: a kept heading over more words of prose than a paragraph holds, in short paragraphs (a news brief)', () => {
      const titled = (quality: BlockReport['quality'], words: number[]): CleanResult => {
        const result = page([6, ...words])
        const kept = result.blocks.filter((each) => each.kept)
        Object.assign(kept[0] as BlockReport, {heading: true})
        for (const each of kept.slice(1)) Object.assign(each, {quality})
        return result
      }
      expect(keptAlmostNothing(titled('good', [12, 14, 11]), noTree, {})).toBe(false)
      expect(keptAlmostNothing(titled('neargood', [12, 14, 11]), noTree, {})).toBe(false)
      // A heading over a few teasers' short lines, or over less prose than one paragraph, is no article.
      expect(keptAlmostNothing(titled('bad', [12, 14, 11]), noTree, {})).toBe(true)
      expect(keptAlmostNothing(titled('good', [12, 14]), noTree, {})).toBe(true)
    })

    it('is not a short post whose comment thread a header counting its comments opens (“46 Comments”), in any of the thread header’s languages', () => {
      // The header and the thread's first line, removed as the comment-form and comment-thread classifiers remove them, on a page that kept a few short lines.
      const threaded = (header: string): boolean => {
        const tree = parseText(`${header}\n\nCamaleont`)
        const [first, second] = blocksOf(tree).map((node) => node.data.block)
        Object.assign(first as Block, {verdict: {keep: false, ruleId: 'comment-form', reason: '', score: 1}})
        Object.assign(second as Block, {verdict: {keep: false, ruleId: 'comment-thread', reason: '', score: 1}})
        return keptAlmostNothing(page([12, 14, 9, 11]), tree, {})
      }
      expect(threaded('46 Comments')).toBe(false)
      expect(threaded('45 Responses to “Keeper emails”')).toBe(false)
      expect(threaded('1,234 Comments')).toBe(false)
      expect(threaded('12 komentarzy')).toBe(false)
      // The header counts nothing, or counts what no thread is: the page is still read again.
      expect(threaded('Comments')).toBe(true)
      expect(threaded('46 Photos')).toBe(true)
    })
  })

  it('rejects a page type it does not know', () => {
    expect(() => validateOptions({pageType: 'blog'})).toThrow(DechaffConfigError)
    expect(() => validateOptions({classifiers: {'forum-chrome': {pageTypes: ['forum', 'wiki']}}})).toThrow(/unknown page type `wiki`/u)
  })
})

describe('forum-chrome classifier', () => {
  const dump = [
    'Starter stopped rising',
    'crumbcoat',
    'Member',
    'Joined: Mar 2, 2019',
    'Messages: 37',
    'Mar 4, 2024',
    '#1',
    posts[0],
    'Like  Quote  Reply',
    'levain_lou',
    'Well-known member',
    'Joined: Jan 7, 2017',
    'Messages: 2,418',
    'Mar 5, 2024',
    '#2',
    posts[1],
    'Like  Quote  Reply'
  ].join('\n')

  it('on a forum dump, removes poster statistics, post numbers and buttons, and keeps names and dates', () => {
    const kept = clean(dump, {input: 'text', pageType: 'forum'}).text.split('\n')
    expect(kept).toEqual(expect.arrayContaining(['crumbcoat', 'Mar 4, 2024', 'levain_lou', 'Mar 5, 2024', posts[0], posts[1]]))
    for (const line of ['Member', 'Joined: Mar 2, 2019', 'Messages: 2,418', '#2', 'Like  Quote  Reply']) expect(kept).not.toContain(line)
  })

  /** A plugin that says the page was cleaned as an article the model guessed might be of `type`. */
  const guessed = (type: PageType, confidence = 0.7) => () => (tree: Root) => {
    tree.data = {...tree.data, pageType: {type: 'article', confidence: 1 - confidence, evidence: [], alternative: {type, confidence}}}
  }

  it('runs on a text dump the model guessed might be a forum thread, not on one it guessed was another type or barely guessed', () => {
    expect(ruleOf(classify(dump, [guessed('forum'), dechaffForumChrome]), 'Messages: 2,418')).toBe('poster-statistics')
    expect(ruleOf(classify(dump, [guessed('forum', 0.35), dechaffForumChrome]), 'Messages: 2,418')).toBe('poster-statistics')
    expect(ruleOf(classify(dump, [guessed('forum', 0.15), dechaffForumChrome]), 'Messages: 2,418')).toBeUndefined()
    expect(ruleOf(classify(dump, [guessed('listing'), dechaffForumChrome]), 'Messages: 2,418')).toBeUndefined()
  })

  it('runs on an HTML page the model guessed might be a forum thread; a listing is guessed on dumps only', () => {
    const html = `<html><body><h1>Starter stopped rising</h1>${[['crumbcoat', 'Joined: Mar 2, 2019', posts[0]], ['levain_lou', 'Messages: 2,418', posts[1]]]
      .map(([name, statistics, post]) => `<div class="post"><div class="poster"><p>${name}</p><p>${statistics}</p></div><p>${post}</p></div>`)
      .join('')}</body></html>`
    const guessedHtml = (type: PageType, confidence: number): Block[] => {
      const processor = unified().use(dechaffParseHtml).use([guessed(type, confidence), dechaffForumChrome])
      return blocksOf(processor.runSync(processor.parse(html)) as Root).map((node) => node.data.block)
    }
    expect(ruleOf(guessedHtml('forum', 0.35), 'Messages: 2,418')).toBe('poster-statistics')
    expect(ruleOf(guessedHtml('forum', 0.15), 'Messages: 2,418')).toBeUndefined()
    // A news story's columns of linked headlines make the model guess a listing: only a dump is cleaned for that guess.
    const guessedOf = (tree: Root, type: PageType): PageType | undefined => {
      guessed(type)()(tree)
      return guessedType(tree)
    }
    expect(guessedOf(parseHtml(html), 'listing')).toBeUndefined()
    expect(guessedOf(parseHtml(html), 'forum')).toBe('forum')
    expect(guessedOf(unified().use(dechaffParseText).parse(dump) as Root, 'listing')).toBe('listing')
  })

  it('does not run on other pages, where such lines can be content', () => {
    const lines = [prose[0], 'Messages: 37', prose[1]].join('\n')
    const result = clean(lines, {input: 'text', pageType: 'article'})
    expect(result.blocks.find((block) => block.text === 'Messages: 37')?.ruleId).not.toBe('poster-statistics')
  })

  it('names chrome another rule removed first, and removes quote headers', () => {
    const blocks = classify(dump.replace('#2', 'crumbcoat said:'), [() => (tree: Root) => {
      tree.data = {...tree.data, pageType: {type: 'forum', confidence: 0.9, evidence: []}}
      for (const node of tree.children) if (node.data?.block?.text.startsWith('Joined:')) node.data.block.removal = {ruleId: 'navigation', reason: 'menu', score: 0.85}
    }, dechaffForumChrome])
    expect(ruleOf(blocks, 'Joined: Jan 7, 2017')).toBe('poster-statistics')
    expect(ruleOf(blocks, 'crumbcoat said:')).toBe('post-controls')
  })

  it('removes a Q&A site’s chrome: reputation glued to badge counts, improve and sort controls', () => {
    const qa = [posts[0], 'Improve this question', 'crumbcoat', '55.4k24 gold badges197 silver badges315 bronze badges', 'Sorted by:', 'Reset to default', posts[1], 'Improve this answer', 'levain_lou', '1591 silver badge6 bronze badges'].join('\n')
    const blocks = classify(qa, [() => (tree: Root) => {
      tree.data = {...tree.data, pageType: {type: 'forum', confidence: 0.9, evidence: []}}
    }, dechaffForumChrome])
    expect(['Improve this question', 'Sorted by:', 'Reset to default', 'Improve this answer'].map((line) => ruleOf(blocks, line))).toEqual(new Array(4).fill('post-controls'))
    expect(['55.4k24 gold badges197 silver badges315 bronze badges', '1591 silver badge6 bronze badges'].map((line) => ruleOf(blocks, line))).toEqual(new Array(2).fill('poster-statistics'))
    expect(['crumbcoat', 'levain_lou', posts[0], posts[1]].map((line) => ruleOf(blocks, line))).toEqual(new Array(4).fill(undefined))
  })

  it('removes the chrome a forum writes inside its quote boxes, not the quoted post nor, on an article, a quoted notice', () => {
    const quoteBox = `<blockquote><div><p>${posts[0]}</p></div><div><a>Click to expand...</a></div></blockquote>`
    const html = (type: PageType): Block[] => {
      const processor = unified()
        .use(dechaffParseHtml)
        .use([() => (tree: Root) => {
          tree.data = {...tree.data, pageType: {type, confidence: 0.9, evidence: []}}
        }, dechaffForumChrome])
      return blocksOf(processor.runSync(processor.parse(`<html><body><h1>Starter stopped rising</h1>${quoteBox}<p>${posts[1]}</p></body></html>`)) as Root).map((node) => node.data.block)
    }
    expect(ruleOf(html('forum'), 'Click to expand...')).toBe('post-controls')
    expect(ruleOf(html('forum'), posts[0])).toBeUndefined()
    expect(ruleOf(html('article'), 'Click to expand...')).toBeUndefined()
    const quotedNotice = clean(`<html><body><h1>Our comment policy</h1><p>${prose[0]}</p><blockquote><p>Leave a comment</p></blockquote><p>${prose[1]}</p></body></html>`)
    expect(quotedNotice.text).toContain('Leave a comment')
  })

  it('keeps a sentence that merely mentions replies and members', () => {
    const sentence = 'Members who joined before March can reply to the survey until the end of the month.'
    expect(clean([posts[0], sentence, posts[1]].join('\n'), {input: 'text', pageType: 'forum'}).text).toContain(sentence)
  })
})
