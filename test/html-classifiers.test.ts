import {describe, expect, it} from 'vitest'
import {clean, parseHtml} from '../src/index.js'
import type {CleanOptions} from '../src/index.js'

const paragraph = (n: number): string =>
  `<p>Paragraph ${n} of the article explains, in some detail, what the council decided, why it decided it, and what residents who came to the meeting said about it afterwards.</p>`
const article = `<h1>Council extends the library pilot</h1>${[1, 2, 3, 4].map(paragraph).join('')}`

function ruleOf(html: string, text: string, options: CleanOptions = {}): string {
  // The hand-set classifiers' own verdicts, without the block model weighing them.
  const block = clean(html, {input: 'html', model: false, ...options}).blocks.find((candidate) => candidate.text.startsWith(text))
  if (!block) throw new Error(`no block starting ${text}`)
  return block.kept ? 'kept' : block.ruleId
}

describe('article-container', () => {
  it('removes blocks far outside the article and keeps every section of it', () => {
    const html = `<body><div class="sidebar-links"><p>Popular: ten ways to save on your energy bill, a guide to local parks, and more from the archive.</p></div>
      <main><div class="entry-content">${article}<h2>What happens next</h2>${paragraph(5)}</div></main></body>`
    expect(ruleOf(html, 'Popular:')).toMatch(/outside-article|dom-hint/)
    expect(ruleOf(html, 'What happens next')).toBe('kept')
    expect(ruleOf(html, 'Paragraph 5')).toBe('kept')
  })

  it('does not count a line between the title and the body outside the article when it links less than standfirstMaxLinkDensity', () => {
    const deck = 'Councillors agreed the plan on Monday, <a href="/live">as we reported</a>.'
    const html = `<body><h1>Council extends the library pilot</h1><div class="standfirst"><p>${deck}</p></div><main><div class="entry-content">${[1, 2, 3, 4].map(paragraph).join('')}</div></main></body>`
    const deckReason = (options: CleanOptions): string | undefined => clean(html, {input: 'html', model: false, ...options}).blocks.find((block) => block.text.startsWith('Councillors agreed'))?.reason
    expect(deckReason({})).not.toMatch(/outside the article/u)
    expect(deckReason({classifiers: {'article-container': {standfirstMaxLinkDensity: 0.1}}})).toMatch(/outside the article/u)
  })

  it('does not take a long policy in a footer’s modal for the article', () => {
    const policy = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `<p>Under part ${n} of this policy we explain, at some length, which personal information we collect, why we collect it, how long we keep it, and how you may ask us to delete it.</p>`).join('')
    const html = `<body class="template-page sidebar-enabled"><main><div class="intro"><h1>Council extends the library pilot</h1>${paragraph(1)}${paragraph(2)}</div></main>
      <footer><div id="modal-privacy-policy" aria-modal="true" class="fixed overflow-auto"><div class="prose">${policy}</div></div></footer></body>`
    expect(ruleOf(html, 'Paragraph 1')).toBe('kept')
    expect(ruleOf(html, 'Under part 3 of this policy')).not.toBe('kept')
  })

  it('does not take a consent manager’s preference centre for the article, however much it says about cookies', () => {
    const purposes = ['Performance', 'Targeting', 'Functional', 'Strictly necessary', 'Social media', 'Personalisation']
      .map((name) => `<h4>${name} Cookies</h4><p>These cookies are set through our site by us and our advertising partners; they may be used to build a profile of your interests and to show you relevant adverts on other sites, and they do not store directly personal information.</p>`)
      .join('')
    const html = `<body><main><h1>Council extends the library pilot</h1>${paragraph(1)}${paragraph(2)}</main>
      <div id="onetrust-consent-sdk"><div id="onetrust-pc-sdk" class="otPcTab" role="region"><div role="dialog"><div class="ot-pc-content">${purposes}</div></div></div></div></body>`
    expect(ruleOf(html, 'Paragraph 1')).toBe('kept')
    expect(ruleOf(html, 'These cookies are set')).not.toBe('kept')
  })

  it('reads a post wrapper’s tag and category classes as what the post is about, not as furniture', () => {
    const html = `<body><div class="sidebar"><p>Popular: ten ways to save on your energy bill, a guide to local parks, and more from the archive.</p></div>
      <div class="content"><div class="post-22723 post type-post hentry category-social-media tag-cookie-recipes tag-menu">${article}</div></div></body>`
    expect(ruleOf(html, 'Paragraph 2')).toBe('kept')
    expect(ruleOf(html, 'Popular:')).not.toBe('kept')
  })

  it('still finds an article that the page wraps in an <aside> or in no region at all', () => {
    expect(ruleOf(`<body><section id="content"><aside class="blogPost">${article}</aside></section><div class="links"><a href="/a">Archive</a></div></body>`, 'Paragraph 2')).toBe('kept')
    expect(ruleOf(`<body><footer><div class="entry">${article}</div></footer></body>`, 'Paragraph 2')).toBe('kept')
  })

  it('prefers the container the JSON-LD articleBody names', () => {
    const body = 'The real article text is this one, about the ferry that has crossed the estuary for ninety years, and why the county wants to keep it running.'
    const html = `<head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"${body}"}</script></head><body>
      <div class="promo-grid">${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}</div><div><p>${body}</p><p>${body}</p></div></body>`
    expect(ruleOf(html, 'The real article text')).toBe('kept')
  })
})

describe('article-container, comment threads', () => {
  const comment = (n: number): string =>
    `<h5>Reader ${n}</h5><p>I have read this twice now and I still think, as I said at the last meeting, that the council should have asked the people who use the library in the evenings, the ones who work shifts, before deciding anything at all about it.</p>`
  const page = (items: string): string => `<body><div class="story"><h1>Council extends the library pilot</h1>${paragraph(1)}</div><div id="Comments"><div class="list">${items}</div></div></body>`
  const numbers = [1, 2, 3, 4, 5, 6, 7, 8]

  it('does not take a busy comment thread for the article of a short story', () => {
    const html = page(numbers.map(comment).join(''))
    expect(ruleOf(html, 'Paragraph 1')).toBe('kept')
    expect(ruleOf(html, 'I have read this twice')).not.toBe('kept')
  })

  it('keeps the posts of a page with a forum’s chrome, whose comment elements are its content', () => {
    const html = page(numbers.map((n) => `${comment(n)}<p class="tools"><a href="#q${n}">Quote</a></p>`).join(''))
    expect(ruleOf(html, 'I have read this twice')).toBe('kept')
  })

  it('still finds the article in a page wrapper named for comments that holds the headline', () => {
    const html = `<body><div class="sidebar"><p>Popular: ten ways to save on your energy bill, a guide to local parks, and more from the archive.</p></div>
      <div id="comments_page_wrapper"><div class="text"><h1>Council extends the library pilot</h1>${[1, 2, 3, 4].map(paragraph).join('')}</div></div></body>`
    expect(ruleOf(html, 'Paragraph 2')).toBe('kept')
  })
})

describe('article-container, the next story', () => {
  const story = `<div class="feed"><h3>Harbour wall repairs finish a month early</h3>
    <p>Engineers finished rebuilding the harbour wall a month ahead of schedule, and fishing boats can moor along the whole quay again from Friday morning onwards, the harbour master told a gathering of skippers and their families on the slipway.</p></div>`

  it('does not keep prose below another story’s headline after the article', () => {
    const html = `<body><article>${article}</article><aside>${story}</aside></body>`
    expect(ruleOf(html, 'Paragraph 4')).toBe('kept')
    expect(ruleOf(html, 'Engineers finished')).not.toBe('kept')
  })

  describe('below another story’s linked headline, outside the region around the article', () => {
    // Paragraphs long enough for the article's subject to be measured.
    const long = (n: number): string =>
      `<p>Paragraph ${n} of the article explains, in some detail, what the council decided about the library, why it decided it, and what the residents who came to the meeting in the town hall said about it afterwards.</p>`
    const page = (below: string): string =>
      `<body><div class="page"><div class="main"><article><h1>Council extends the library pilot</h1>${[1, 2, 3, 4].map(long).join('')}</article></div></div><div class="more"><h3><a href="/harbour">At the harbour</a></h3><p>${below}</p></div></body>`

    it('keeps prose on the article’s subject, and not when the share asked of it is more than the article’s own paragraphs reach', () => {
      const html = page('Residents who came to the meeting said the council decided well, and asked why it had not decided the same thing a year ago, when residents first came to a meeting about it and explained in some detail what they wanted.')
      expect(ruleOf(html, 'Residents who came')).toBe('kept')
      expect(ruleOf(html, 'Residents who came', {classifiers: {'article-container': {otherStoryCohesionShare: 1.5}}})).not.toBe('kept')
    })

    it('keeps prose that shares part of the article’s subject, in words of its own', () => {
      const html = page('The harbour master told the meeting in the town hall that the council decided to pay for the repairs out of the harbour budget, and skippers on the slipway said they would moor along the whole quay again from Friday.')
      expect(ruleOf(html, 'The harbour master told')).toBe('kept')
    })

    it('does not keep prose that shares next to nothing with it', () => {
      const html = page('Engineers finished rebuilding the harbour wall a month ahead of schedule, and fishing boats can moor along the whole quay again from Friday morning onwards, the harbour master told skippers and their families on the slipway.')
      expect(ruleOf(html, 'Engineers finished')).not.toBe('kept')
    })
  })
})

describe('article-container, sections and markup', () => {
  const section = (n: number): string =>
    `<div class="section-block"><h2>Part ${n}</h2>${paragraph(n)}${paragraph(n + 10)}</div>`

  it('climbs to the ancestor holding several near-equal sections', () => {
    const html = `<body><div class="layout"><div class="story">${[1, 2, 3, 4].map(section).join('')}</div>
      <div class="more"><p>Elsewhere: the ferry timetable changes on Monday, and the market moves to the square for the summer.</p></div></div></body>`
    for (const n of [1, 2, 3, 4]) expect(ruleOf(html, `Part ${n}`)).toBe('kept')
    expect(ruleOf(html, 'Paragraph 14')).toBe('kept')
  })

  it('takes the element the page marks itemprop=articleBody over a bigger embedded gallery, whatever its id says', () => {
    const slide = (n: number): string => `<li><h2>${n}/8 Another unrelated story</h2>${paragraph(100 + n)}</li>`
    const html = `<body><div itemprop="articleBody" id="social-share-buttons-2">${paragraph(1)}${paragraph(2)}
      <div class="gallery-widget"><ul class="slides">${[1, 2, 3, 4, 5, 6, 7, 8].map(slide).join('')}</ul></div></div></body>`
    expect(ruleOf(html, 'Paragraph 1 ')).toBe('kept')
    expect(ruleOf(html, '3/8 Another')).not.toBe('kept')
  })
})

describe('caption on HTML pages', () => {
  it('keeps a slashed heading and lower-case text that a dump would show as alt text', () => {
    const html = `<body><article>${article}<h3>Add-ons / Web Extensions</h3>${paragraph(5)}<p>quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo</p>${paragraph(6)}</article></body>`
    expect(ruleOf(html, 'Add-ons / Web Extensions')).toBe('kept')
    expect(ruleOf(html, 'quis nostrud')).toBe('kept')
    expect(ruleOf(html.replace('<h3>Add-ons / Web Extensions</h3>', '<p>Andy Boxall/Digital Trends</p>'), 'Andy Boxall')).toBe('image-credit')
  })
})

describe('comment-thread on HTML', () => {
  const comment = (name: string, text: string): string => `<p>Posted by: ${name} at September 10, 2012 2:15 PM</p><p>${text}</p>`
  const thread = [
    comment('Toni', 'Really pretty knitting, it reminds me of the ribbon candy my grandmother kept in a jar on the kitchen shelf every winter.'),
    comment('Quinn', 'So nice to see your posts again, the weather here has finally turned and I have cast on a new pair of socks myself.'),
    comment('Cathy', 'I am halfway through my holiday knitting already, with two hats and a scarf left to finish before the end of the month.')
  ].join('')

  it('removes a thread whose header names comments and whose commenters’ lines follow, inside the post’s own wrapper', () => {
    const html = `<body><div class="entry">${article}<h2>Comments</h2>${thread}</div></body>`
    expect(ruleOf(html, 'So nice to see your posts')).toBe('comment-thread')
    expect(ruleOf(html, 'Paragraph 4')).toBe('kept')
  })

  it('leaves the article container’s blocks under a header confirmed only by datelines', () => {
    const dated = [1, 2, 3].map((n) => `<p>Yesterday, 15:1${n}</p>${paragraph(4 + n)}`).join('')
    const html = `<body><div class="entry">${article}<h2>Comments</h2>${dated}</div></body>`
    expect(ruleOf(html, 'Paragraph 6')).toBe('kept')
  })
})

describe('dom-hints', () => {
  it('reads a section id made from its own heading as a topic, not a role', () => {
    const html = `<body><div class="document"><h1>Working with shared history</h1>${paragraph(1)}
      <div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>${paragraph(2)}${paragraph(3)}</div></div></body>`
    expect(ruleOf(html, 'Paragraph 3')).toBe('kept')
    const comments = `<body><article>${article}<div id="comments"><h2>Comments</h2><p>I was at the meeting and I think the council got this exactly right, for once.</p></div></article></body>`
    expect(ruleOf(comments, 'I was at the meeting')).toBe('dom-hint')
  })

  it('reads a generator’s section id as the slug of the heading it opens with, past a one-letter prefix, empty anchors, wrappers and an extra word', () => {
    const section = (open: string, close: string): string => `<body><div class="document"><h1>Models</h1>${paragraph(1)}${open}<h4>Be careful with related names</h4>${paragraph(2)}${paragraph(3)}${close}</div></body>`
    expect(ruleOf(section('<section id="s-be-careful-with-related-names"><span id="abstract-related-name"></span>', '</section>'), 'Paragraph 3')).toBe('kept')
    expect(ruleOf(section('<section id="be-careful-with-related-names-section"><div class="box"><div class="box">', '</div></div></section>'), 'Paragraph 3')).toBe('kept')
    // Half the id's words are no heading's: it names the element's role.
    const related = `<body><article>${article}<div id="related-posts-widget-area"><h3>Related posts</h3><p>Council extends library pilot to weekends, after a petition signed by thousands of residents.</p></div></article></body>`
    expect(ruleOf(related, 'Council extends library')).toBe('dom-hint')
  })

  it('reads no hint in a CSS-modules hash or a utility class’s variant, but does in a BEM element and the utility itself', () => {
    const table = `<body><div class="docs">${article}<div class="mdx-table_root__adKqa"><p>Arguments are passed to the provider in the order the table lists them, each with its default value.</p></div></div></body>`
    expect(ruleOf(table, 'Arguments are passed')).toBe('kept')
    const variant = `<body><div class="docs">${article}<p class="mx-auto print:break-inside-avoid page-no-toc:hidden">The provider reads its settings from the environment when none are given in the configuration.</p></div></body>`
    expect(ruleOf(variant, 'The provider reads')).toBe('kept')
    const elements = parseHtml('<body><div class="card__ad">x</div><div class="md:sidebar">y</div><div class="card__title">z</div></body>').data?.elements ?? []
    expect(elements.filter((element) => element.tag === 'div').map((element) => element.furniture)).toEqual(['ad', 'sidebar', undefined])
  })

  it('reads a heading’s own id as the slug of its text, not a role (WordPress’s `h-3-integrating-with-a-facebook-profile`)', () => {
    const heading = (id: string, text: string): string => `<body><article>${article}<h2 id="${id}">${text}</h2>${paragraph(5)}</article></body>`
    expect(ruleOf(heading('h-3-integrating-with-a-facebook-profile', '3. Integrating with a Facebook profile:'), '3. Integrating')).toBe('kept')
    expect(ruleOf(heading('related-posts-from-the-archive', 'Before you go'), 'Before you go')).toBe('dom-hint')
  })

  it('reads a “widget” inside the article as one of its building blocks (a product box), and one outside it as a sidebar’s', () => {
    const box = '<div class="c-product-widget"><p>The Bosch 800 Series dishwasher cleans quietly and dries well, and its third rack holds more than most, which is why it won our test.</p></div>'
    const html = `<body><article>${article}${box}${paragraph(5)}</article><div class="widget"><p>Follow this blog by email and never miss a post about the library and its new evening hours.</p></div></body>`
    expect(ruleOf(html, 'The Bosch 800 Series')).toBe('kept')
    expect(ruleOf(html, 'Follow this blog by email')).not.toBe('kept')
  })

  it('reads no hint in “skip” alone (a scroll-spy’s `skip-item` section), but does in a run-together skip link', () => {
    const section = `<body><article>${article}<div class="skip-item"><h2>What is a mesh network?</h2><p>A mesh network combines a router with one or more satellites that share one name, so a phone moves between them without dropping its connection.</p></div></article></body>`
    expect(ruleOf(section, 'A mesh network combines')).toBe('kept')
    const elements = parseHtml('<body><div class="skiplinks">x</div><div class="skip-item">y</div></body>').data?.elements ?? []
    expect(elements.filter((element) => element.tag === 'div').map((element) => element.furniture)).toEqual(['skiplinks', undefined])
  })

  it('reads no navigation in a skip link’s landing place (the content’s wrapper), and removes the skip link', () => {
    const html = `<body><a class="skip-nav" href="#chakra-skip-nav">Skip to content</a><div id="chakra-skip-nav"><article>${article}</article></div></body>`
    const elements = parseHtml(html).data?.elements ?? []
    expect(elements.filter((element) => element.tag === 'div').map((element) => element.furniture)).toEqual([undefined])
    expect(ruleOf(html, 'Paragraph 2 of the article')).toBe('kept')
    expect(ruleOf(html, 'Skip to content')).not.toBe('kept')
  })

  it('keeps a function’s signature in documentation, and a forum post’s signature out', () => {
    const signature = '<dt class="sig sig-object py" id="json.dumps">json.dumps(obj, *, skipkeys=False, ensure_ascii=True, indent=None, sort_keys=False, **kw)</dt>'
    const html = `<body><div class="body"><h1>json — JSON encoder and decoder</h1>${paragraph(1)}<dl>${signature}<dd>${paragraph(2)}</dd></dl>${paragraph(3)}</div></body>`
    expect(ruleOf(html, 'json.dumps(obj', {pageType: 'documentation'})).toBe('kept')
    expect(ruleOf(html, 'json.dumps(obj', {pageType: 'forum'})).toBe('dom-hint')
  })

  it('keeps a forum’s posts in comment elements, but not the comments under a Q&A site’s question or answer', () => {
    const remark = '<ul class="comments-list"><li class="comment"><p>Does this still work on the newer release? I tried it last week and nothing happened at all.</p></li></ul>'
    const qa = `<body><div class="question"><h1>How do I extend the pilot?</h1>${paragraph(1)}<div class="comments">${remark}</div></div>
      <div class="answer">${paragraph(2)}</div></body>`
    expect(ruleOf(qa, 'Paragraph 2', {pageType: 'forum'})).toBe('kept')
    expect(ruleOf(qa, 'Does this still work', {pageType: 'forum'})).toBe('dom-hint')
    const thread = `<body><h1>Evening hours at the library?</h1><div class="comment">${paragraph(1)}<div class="comment"><p>Does this still work on the newer release? I tried it last week and nothing happened at all.</p></div></div></body>`
    expect(ruleOf(thread, 'Does this still work', {pageType: 'forum'})).toBe('kept')
  })

  it('reads furniture words run together with their object, and nothing else', () => {
    const related = `<div class="jp-relatedposts"><p>Council extends library pilot to weekends, after a petition signed by thousands of residents.</p></div>`
    const html = `<body><article><div class="commentary-body">${article}${related}</div></article></body>`
    expect(ruleOf(html, 'Council extends library')).toBe('dom-hint')
    expect(ruleOf(html, 'Paragraph 2')).toBe('kept')
  })

  it('does not take a page wrapper named like a menu for furniture', () => {
    const html = `<body><div class="nav-drawer-slide"><div class="menu-links"><p>Home, News, Sport, Weather and the rest of the sections of the site.</p></div>
      <main><div class="story">${article}</div></main></div></body>`
    expect(ruleOf(html, 'Paragraph 2')).toBe('kept')
    expect(ruleOf(html, 'Home, News')).toBe('dom-hint')
  })

  it('removes a comment list and a share box inside the article, keeps the article', () => {
    const html = `<body><article>${article}<div class="share-buttons"><p>Share this story with your friends and neighbours on any network you like to use.</p></div>
      <ol class="comment-list"><li><p>I was at the meeting and I think the council got this exactly right, for once, and said so at the time.</p></li></ol></article></body>`
    expect(ruleOf(html, 'Share this story')).toBe('dom-hint')
    expect(ruleOf(html, 'I was at the meeting')).toBe('dom-hint')
    expect(ruleOf(html, 'Paragraph 4')).toBe('kept')
  })

  it('reads Polish, Russian and transliterated class names: comment sections, feeds and teasers go', () => {
    const komentarze = `<div class="komentarze"><div class="komentarzWiersz"><p>Byłem na tym spotkaniu i uważam, że rada gminy tym razem podjęła bardzo dobrą decyzję w sprawie biblioteki.</p></div></div>`
    const lenta = `<dl class="lenta"><dd>Курс доллара в первые минуты торгов на Московской бирже снизился на двадцать копеек, сообщили в среду аналитики.</dd></dl>`
    const html = `<body><article>${article}${komentarze}${lenta}</article></body>`
    expect(ruleOf(html, 'Byłem na tym')).toBe('dom-hint')
    expect(ruleOf(html, 'Курс доллара')).toBe('dom-hint')
    expect(ruleOf(html, 'Paragraph 4')).toBe('kept')
    expect(clean(html, {input: 'html', comments: true}).comments).toContain('Byłem na tym spotkaniu')
  })

  it('reads a slideshow’s captions as its text when they hold much of the page’s prose, and removes an article’s photo captions', () => {
    const slide = (n: number): string =>
      `<div class="slide"><img src="${n}.jpg"><div class="caption">Slide ${n} tells the next part of the story: what the council decided about the library, why it did so, and what the residents who came to the meeting said about it afterwards, once the vote was over.</div></div>`
    const slideshow = `<body><h1>Ten libraries that stay open late</h1>${[1, 2, 3].map(slide).join('')}${paragraph(4)}${paragraph(5)}</body>`
    expect(ruleOf(slideshow, 'Slide 2 tells')).toBe('kept')
    const photo = '<figure><img src="1.jpg"><div class="caption">Residents queue outside the library on the first evening it stayed open until nine, waiting for the doors to open again after a break.</div></figure>'
    const story = `<body><article>${article}${photo}${paragraph(5)}${paragraph(6)}</article></body>`
    expect(ruleOf(story, 'Residents queue outside')).toBe('dom-hint')
    expect(ruleOf(slideshow, 'Slide 2 tells', {classifiers: {'dom-hints': {captionTextMinShare: 1}}})).toBe('dom-hint')
  })

  it('keeps a text column named for ads that holds the article’s paragraphs, and removes an ad', () => {
    const html = `<body><h1>Council extends the library pilot</h1><div class="intextAd">${[1, 2, 3, 4, 5].map(paragraph).join('')}</div>
      <div class="ad"><p>Cheap flights to every city in Europe this winter, book today and save on your next holiday.</p></div></body>`
    expect(ruleOf(html, 'Paragraph 1')).toBe('kept')
    expect(ruleOf(html, 'Paragraph 5')).toBe('kept')
    expect(ruleOf(html, 'Cheap flights')).not.toBe('kept')
  })

  it('keeps an article printable copy named for printing, and removes a print button and what a printout leaves out', () => {
    const button = '<div class="print"><a href="?print=1">Print this article</a></div>'
    const html = `<body><h1>Council extends the library pilot</h1>${button}<div id="print-layer" class="disabled">${[1, 2, 3, 4, 5].map(paragraph).join('')}</div></body>`
    expect(ruleOf(html, 'Paragraph 1')).toBe('kept')
    expect(ruleOf(html, 'Paragraph 5')).toBe('kept')
    expect(ruleOf(html, 'Print this article')).not.toBe('kept')
    const teasers = `<div class="dont-print">${[6, 7, 8, 9].map(paragraph).join('')}</div>`
    const left = `<body><article>${article}${paragraph(5)}</article>${teasers}</body>`
    expect(ruleOf(left, 'Paragraph 7')).toBe('dom-hint')
  })

  it('drops a comment counter set inside a paragraph, and keeps numbers of the text', () => {
    const counted = `<p><a class="comments_count" href="#c">12</a>Paragraph 5 of the article explains what residents said about the library at the meeting, and what they asked for.</p>`
    const number = `<p>Paragraph 6 says that <span class="figure">12</span> volunteers signed up on the first evening, more than the council expected.</p>`
    const {text} = clean(`<body><article>${article}${counted}${number}</article></body>`, {input: 'html'})
    expect(text).toContain('\n\nParagraph 5 of the article')
    expect(text).toContain('says that 12 volunteers')
  })

  it('keeps a pull quote in an aside and the title inside a promoted wrapper', () => {
    const html = `<body><article class="node node--promoted">${article}<aside class="pullquote"><p>“It is a library, not a bank,” she said, and everyone laughed.</p></aside>${paragraph(6)}</article></body>`
    expect(ruleOf(html, 'Council extends')).toBe('kept')
    expect(ruleOf(html, '“It is a library')).toBe('kept')
  })
})
