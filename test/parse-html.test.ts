import {describe, expect, it} from 'vitest'
import {clean, createCleaner, decodeHtml, detectInput, headlineOf, parseHtml} from '../src/index.js'
import {decodeWindows1252} from '../src/parse/decode.js'

const texts = (html: string): string[] => parseHtml(html).children.map((node) => node.data?.block?.text ?? '')

describe('parse-html', () => {
  it('makes a block per block-level element; inline elements do not split, <br> does', () => {
    expect(texts('<body><h1>Title</h1><p>One <em>two</em> <a href="#">three</a>.</p><div>Line one<br>Line two</div></body>')).toEqual([
      'Title',
      'One two three.',
      'Line one',
      'Line two'
    ])
  })

  it('keeps a heading broken over lines with <br> as one heading', () => {
    const tree = parseHtml('<body><h1>News Product<br>Management <span>Certification</span></h1><p>Body.<br>More.</p></body>')
    expect(tree.children.map((node) => [node.data?.block?.text, node.data?.block?.evidence.heading])).toEqual([
      ['News Product Management Certification', 1],
      ['Body.', undefined],
      ['More.', undefined]
    ])
  })

  it('drops scripts, styles, templates, svg and hidden elements', () => {
    const html = `<body><h1>Title</h1><script>var x = 1</script><style>p{}</style><template><p>t</p></template>
      <svg><title>icon</title></svg><p hidden>gone</p><p aria-hidden="true">gone</p><p style="display: none">gone</p>
      <noscript>Please enable JavaScript</noscript><p>Kept</p></body>`
    expect(texts(html)).toEqual(['Title', 'Kept'])
  })

  it('drops a popover, which a browser shows only once a control opens it', () => {
    const html = `<body><h1>Title</h1><p>Kept</p><div popover id="install"><p>To install this app, tap Share, then Add to Home Screen.</p></div>
      <div popover="manual"><p>gone</p></div></body>`
    expect(texts(html)).toEqual(['Title', 'Kept'])
  })

  it('reads the page after an svg left open or closed by its own tag, as a browser does, but not the svg’s text', () => {
    const open = `<body><nav><a href="#"><svg width="18" class="icon"></a></nav><main><h1>Consulting</h1>
      <p>We assess your networks.</p></main><footer><svg><text>logo</text></svg><p>Contact</p></footer></body>`
    expect(texts(open)).toEqual(['Consulting', 'We assess your networks.', 'Contact'])
    const selfClosed = `<body><p>One<svg class="icon" /> more.</p><p>Two</p><svg><title>icon</title></svg></body>`
    expect(texts(selfClosed)).toEqual(['One more.', 'Two'])
  })

  it('reads a collapsed tab or accordion panel, which one click shows, but not a hidden dialog, a menu’s panel or an aria-hidden clone', () => {
    const html = `<body><h1>Trail Kettle</h1><ul role="tablist"><li id="t1">Overview</li><li id="t2">Specifications</li></ul>
      <div role="tabpanel" aria-labelledby="t1"><p>Boils a litre in four minutes.</p></div>
      <div role="tabpanel" aria-labelledby="t2" hidden><p>Capacity: 1.2 litres</p></div>
      <section style="display: none" aria-labelledby="faq-3"><p>Yes, the handle folds flat.</p></section>
      <div role="dialog" aria-modal="true" aria-labelledby="ship-title" hidden><p>Choose where to ship</p></div>
      <nav><div role="region" aria-labelledby="m1" hidden><p>All kettles</p></div></nav>
      <div class="slide" role="region" aria-hidden="true"><p>Boils a litre in four minutes.</p></div></body>`
    expect(texts(html)).toEqual(['Trail Kettle', 'Overview', 'Specifications', 'Boils a litre in four minutes.', 'Capacity: 1.2 litres', 'Yes, the handle folds flat.'])
  })

  it('reads the page’s main landmark that an open consent dialog hides (aria-hidden around <main>), but not an aria-hidden element beside it or a main that is hidden otherwise', () => {
    const dialog = '<section role="dialog" aria-modal="true"><p>We use cookies.</p><button>Accept all</button></section>'
    const page = (main: string): string => `<body>${dialog}<header><p>Shop</p></header><div class="app" aria-hidden="true">${main}<div class="carousel" aria-hidden="true"><p>Copy of a slide</p></div></div></body>`
    expect(texts(page('<main><h1>Trail Kettle</h1><p>Boils a litre in four minutes.</p></main>'))).toEqual(['We use cookies.', 'Shop', 'Trail Kettle', 'Boils a litre in four minutes.'])
    expect(texts(page('<div role="main" aria-hidden="true"><p>Boils a litre in four minutes.</p></div>'))).toEqual(['We use cookies.', 'Shop', 'Boils a litre in four minutes.'])
    expect(texts(page('<main style="display: none"><p>Boils a litre in four minutes.</p></main>'))).toEqual(['We use cookies.', 'Shop'])
  })

  it('reads a closed panel named by its class as one (an accordion’s answer, even aria-hidden; a tab pane), but not a carousel’s clone or a hidden menu', () => {
    const html = `<body><h1>Trail Kettle</h1><h3>Does it fold?</h3>
      <div class="accordion__content" aria-hidden="true"><p>Yes, the handle folds flat.</p></div>
      <div class="tab-pane" style="display:none"><p>Capacity: 1.2 litres</p></div>
      <div class="toggle__content" role="" style="display:none"><p>Weighs 300 grams.</p></div>
      <div class="slide slide-cloned accordion" aria-hidden="true"><p>Copy of a slide</p></div>
      <div class="carousel-slide" aria-hidden="true"><p>Another slide</p></div>
      <div class="dropdown" style="display:none"><p>All kettles</p></div></body>`
    expect(texts(html)).toEqual(['Trail Kettle', 'Does it fold?', 'Yes, the handle folds flat.', 'Capacity: 1.2 litres', 'Weighs 300 grams.'])
  })

  it('reads a hidden element that holds more prose than the page shows (content its scripts reveal), but not a smaller one, a hidden menu or an aria-hidden copy', () => {
    const prose = 'The kettle boils a litre of water in four minutes on a camping stove, and its folding handle stays cool. '.repeat(7)
    const nav = '<nav><ul><li><a href="/a">Kettles</a></li><li><a href="/b">Stoves</a></li></ul></nav>'
    const deferred = `<body>${nav}<p>Free shipping over 40 €</p><div class="defer-block" style="display: none"><h2>Trail Kettle</h2><p>${prose}</p></div></body>`
    expect(texts(deferred)).toEqual(['Kettles', 'Stoves', 'Free shipping over 40 €', 'Trail Kettle', prose.trim()])
    const shownMore = `<body>${nav}<p>${prose}${prose}</p><div style="display: none"><p>${prose}</p></div></body>`
    expect(texts(shownMore)).toEqual(['Kettles', 'Stoves', (prose + prose).trim()])
    const others = `<body>${nav}<p>Free shipping</p><div class="mega-menu dropdown" style="display:none"><p>${prose}</p></div><div aria-hidden="true"><p>${prose}</p></div></body>`
    expect(texts(others)).toEqual(['Kettles', 'Stoves', 'Free shipping'])
  })

  it('reads custom elements whose names start like a raw-text tag (<svg-icon>, <script-loader>) as elements, and the page after them', () => {
    const html = `<body><h1>Clogs</h1><div><svg-icon-element></svg-icon-element>Offers</div><script-loader src="/x.js"></script-loader>
      <template-selector>Size</template-selector><p>Classic clogs in every colour.</p></body>`
    expect(texts(html)).toEqual(['Clogs', 'Offers', 'Size', 'Classic clogs in every colour.'])
  })

  it('reads the segments a React server streams in hidden, which its script shows at once, but no other hidden element', () => {
    const html = `<body><h1>Trail Kettle</h1><div role="status">…</div><footer><p>Shipping</p></footer>
      <div hidden id="S:0"><p>A hard-anodised kettle that boils a litre in four minutes.</p></div>
      <div hidden id="S:draft"><p>gone</p></div><div hidden id="pS:1"><p>gone</p></div><div hidden="" id="S:12"><p>Folding handle.</p></div><div hidden id="S:2e"><p>Dishwasher safe.</p></div></body>`
    expect(texts(html)).toEqual(['Trail Kettle', '…', 'Shipping', 'A hard-anodised kettle that boils a litre in four minutes.', 'Folding handle.', 'Dishwasher safe.'])
  })

  it('reads a page its scripts keep hidden until loaded (a wrapper holding the whole body), but not a hidden part of a page', () => {
    const cloaked = `<body><div id="__next"><div style="visibility:hidden;min-height:100vh"><div class="root"><h1>Trail Kettle</h1>
      <p>Boils a litre in four minutes.</p><p style="display:none">gone</p></div></div></div><script>show()</script></body>`
    expect(texts(cloaked)).toEqual(['Trail Kettle', 'Boils a litre in four minutes.'])
    const part = `<body><div id="__next"><h1>Trail Kettle</h1><div style="visibility:hidden"><p>gone</p></div></div></body>`
    expect(texts(part)).toEqual(['Trail Kettle'])
  })

  it('reads a page that shows next to nothing without its scripts from its <noscript> markup', () => {
    const post = 'The bridge inspection found cracks in two of the four bearings, and the council has closed the footpath on the east side until the repairs planned for the spring are finished.'
    const reply = 'Thanks for posting this. The detour along the river adds about ten minutes, so plan for it if you walk to the station in the morning, and take a torch after dark.'
    const html = `<html><head><title>Bridge footpath closed - Town Forum</title><noscript><link rel="stylesheet" href="/crawler.css"></noscript></head>
      <body><div id="app"><p>Loading…</p></div><noscript><div class="topic"><h1>Bridge footpath closed</h1>
      <div class="post"><span class="username">ferrous_mike</span><p>${post}</p></div>
      <div class="post"><span class="username">nadia_v</span><p>${reply}</p></div></div></noscript></body></html>`
    expect(texts(html)).toEqual(expect.arrayContaining(['Bridge footpath closed', post, reply]))
    expect(clean(html, {input: 'html'}).text).toContain(reply)
  })

  it('leaves a page’s <noscript> unread when the page shows its text, or the <noscript> only asks for scripts', () => {
    const shown = `<body><h1>Title</h1>${'<p>The council voted on Tuesday to extend the pilot scheme for another two years, after a report found that usage had doubled.</p>'.repeat(3)}<noscript><p>${'A copy of the article for readers without scripts. '.repeat(8)}</p></noscript></body>`
    expect(texts(shown).some((text) => text.startsWith('A copy'))).toBe(false)
    expect(texts('<body><div id="app"></div><noscript><p>You need to enable JavaScript to run this app.</p><img src="/pixel.gif"></noscript></body>')).toEqual([])
  })

  it('joins a table row’s cells with spaces and lays rows and list items on adjacent lines', () => {
    const html = '<body><h1>T</h1><p>Intro paragraph.</p><table><thead><tr><th>Day</th><th>Hours</th></tr></thead><tbody><tr><td>Monday</td><td>Closed</td></tr></tbody></table><ul><li>a</li><li>b</li></ul></body>'
    const tree = parseHtml(html)
    const blocks = tree.children.map((node) => node.data?.block)
    expect(blocks.map((block) => block?.text)).toEqual(['T', 'Intro paragraph.', 'Day Hours', 'Monday Closed', 'a', 'b'])
    expect(blocks.map((block) => block?.evidence.blankLinesBefore)).toEqual([0, 1, 1, 0, 1, 0])
  })

  it('records DOM evidence: heading level, link density, list membership, class words', () => {
    const tree = parseHtml('<body><div class="entry-content"><h2>Part</h2><p><a href="#">all linked</a></p><ul><li>item</li></ul></div></body>')
    const [heading, linked, item] = tree.children.map((node) => node.data?.block)
    expect(heading?.evidence.heading).toBe(2)
    expect(linked?.evidence.linkDensity).toBe(1)
    expect(item?.evidence.listItem).toBe(true)
    const elements = tree.data?.elements ?? []
    expect(elements.find((element) => element.tokens.includes('entry'))?.tokens).toEqual(['entry', 'content'])
  })

  it('takes the title from <title> without the site name when the page has no h1', () => {
    expect(headlineOf('How to bleed a radiator | Fix It Yourself')).toBe('How to bleed a radiator')
    expect(texts('<head><title>Opening hours - Mill Archive</title></head><body><p>We open at ten.</p></body>')[0]).toBe('Opening hours')
  })

  it('takes the block that shows the <title>’s headline as the title of a page with no h1, and adds no copy of it', () => {
    const html = '<head><title>Opening hours extended - Mill Archive</title></head><body><table><tr><td><b>Opening hours extended</b></td></tr></table><p>We open at ten from Monday.</p></body>'
    const blocks = parseHtml(html).children.map((node) => node.data?.block)
    expect(blocks.map((block) => block?.text)).toEqual(['Opening hours extended', 'We open at ten from Monday.'])
    expect(blocks[0]?.evidence.title).toBe(true)
    expect(clean(html, {input: 'html'}).text).toContain('Opening hours extended')
  })

  it('takes the block that shows the <title>’s headline as the title when the h1 only names the site, not a breadcrumb’s copy of it', () => {
    const html = '<head><title>Opening hours extended | Mill Archive</title></head><body><h1>Mill Archive</h1><ul><li>Home</li><li>Opening hours extended</li></ul><h2>Opening hours extended</h2><p>We open at ten from Monday.</p></body>'
    const blocks = parseHtml(html).children.map((node) => node.data?.block)
    expect(blocks.find((block) => block?.evidence.title)?.evidence.heading).toBe(2)
    const named = '<head><title>Opening hours extended | Mill Archive</title></head><body><h1>Mill opening hours extended</h1><h2>Opening hours extended</h2><p>We open at ten.</p></body>'
    expect(parseHtml(named).children.map((node) => node.data?.block).find((block) => block?.evidence.title)?.evidence.heading).toBe(1)
  })

  it('gives a page whose body shows no text (a script-only shell) no blocks, its title left to the metadata', () => {
    const html = '<html><head><title>Opening hours | Mill Archive</title></head><body><div id="root"></div><script>render()</script></body></html>'
    expect(parseHtml(html).children).toEqual([])
    const result = clean(html, {input: 'html'})
    expect(result.text).toBe('')
    expect(result.metadata.title).toBe('Opening hours')
  })

  it('survives markup nested far deeper than any stack', () => {
    const depth = 20000
    const html = `<body>${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}</body>`
    expect(texts(html)).toContain('deep text')
  })
})

describe('decodeHtml', () => {
  it('reads UTF-8, honours a BOM, and falls back to the declared charset or windows-1252', () => {
    expect(decodeHtml(new TextEncoder().encode('<p>café</p>'))).toBe('<p>café</p>')
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A')
    const latin = new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-1"><p>caf'), 0xe9, ...new TextEncoder().encode('</p>')])
    expect(decodeHtml(latin)).toContain('café')
    expect(decodeHtml(new Uint8Array([0x93, 0x68, 0x69, 0x94]))).toBe('“hi”')
  })

  it('takes the charset of the HTTP Content-Type after a BOM and before sniffing', () => {
    // "привет" in KOI8-R: bytes that are not UTF-8 and carry no meta tag.
    const koi8 = new Uint8Array([0x3c, 0x70, 0x3e, 0xd0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4])
    expect(decodeHtml(koi8, 'koi8-r')).toBe('<p>привет')
    expect(decodeHtml(koi8)).not.toContain('привет')
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'koi8-r')).toBe('A')
    // A header that says UTF-8 over bytes that are not, or a charset nobody knows, leaves the sniffing to decide.
    expect(decodeHtml(new Uint8Array([0x93, 0x68, 0x69, 0x94]), 'utf-8')).toBe('“hi”')
    expect(decodeHtml(new Uint8Array([0x93, 0x68, 0x69, 0x94]), 'x-unknown')).toBe('“hi”')
    expect(createCleaner({input: 'html'})(koi8, 'page', 'koi8-r').text).toContain('привет')
  })

  it('undoes a scraper’s double decoding: UTF-8 read as windows-1252 and saved as UTF-8, once or more', () => {
    const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
    const misread = (text: string): string => decodeWindows1252(utf8(text))
    const polish = '<p>Przykuty do opolskich obowiązków, nie mogąc pojechać — it’s “late”.</p>'
    expect(misread(polish)).toContain('obowiÄ…zkÃ³w')
    expect(decodeHtml(utf8(misread(polish)))).toBe(polish)
    expect(decodeHtml(utf8(misread(misread(polish))))).toBe(polish)
    expect(clean(utf8(misread('Żółć się przelała. Wszyscy to widzieli, więc nikt nie milczał.')), {input: 'text'}).text).toContain('Żółć się przelała.')
  })

  it('leaves text in windows-1252’s letters alone when it was written so', () => {
    for (const text of ['<p>Un café, naïve façade, à la carte.</p>', '<p>Ã la carte: a menu’s “Ã” stays.</p>', '<p>The sign read Ã© beside a Polish ą.</p>']) {
      expect(decodeHtml(new TextEncoder().encode(text))).toBe(text)
    }
  })
})

describe('detectInput', () => {
  it('tells HTML from text by its first bytes', () => {
    expect(detectInput('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html')
    expect(detectInput('  <div class="a">x</div>')).toBe('html')
    expect(detectInput('A plain text dump.\nWith <b> in a sentence about HTML.')).toBe('text')
  })

  it('reads past what comes before the markup: blank lines, an XML declaration, a bare doctype, a script, a byte order mark', () => {
    const page = '<html><head><title>x</title></head><body><p>x</p></body></html>'
    expect(detectInput(`${'\r\n'.repeat(3000)}<!DOCTYPE>\n${page}`)).toBe('html')
    expect(detectInput(`<?xml version="1.0" encoding="utf-8" ?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n${page}`)).toBe('html')
    expect(detectInput(`<script>if (location.hostname !== 'example.com') location.replace('/ncr')</script>\n${page}`)).toBe('html')
    expect(detectInput(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">${page}`)]))).toBe('html')
    expect(detectInput('\n<pre>\nAugust meets the Cult\n</pre>')).toBe('html')
    expect(detectInput(`${'\n'.repeat(3000)}A plain text dump after blank lines.`)).toBe('text')
  })

  it('cleans an HTML page to the same kind of text as a text page', () => {
    const html = '<html><head><title>Council extends library pilot | Gazette</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Council extends library pilot</h1><p>The council voted on Tuesday to extend the pilot scheme for another two years, after a report found that usage had doubled since the first trial began.</p><p>Residents who spoke at the meeting were broadly in favour, although several asked for longer opening hours in the evening.</p></article><footer><p>© 2024 Gazette Media</p></footer></body></html>'
    const result = clean(html)
    expect(result.input).toBe('html')
    expect(result.text).toBe(
      'Council extends library pilot\n\nThe council voted on Tuesday to extend the pilot scheme for another two years, after a report found that usage had doubled since the first trial began.\n\nResidents who spoke at the meeting were broadly in favour, although several asked for longer opening hours in the evening.\n'
    )
  })

  it('reads a class name up to a relation word: an anchor beside a sticky navbar is not navigation', () => {
    const tree = parseHtml('<body><h2 class="anchor anchorWithStickyNavbar">Set up</h2><div class="navbar-inner"><a href="/">Home</a></div><div class="padded-below-header">x</div></body>')
    const elements = tree.data?.elements ?? []
    const heading = elements.find((element) => element.tag === 'h2')
    expect(heading?.tokens).toEqual(['anchor', 'anchor'])
    expect(heading?.furniture).toBeUndefined()
    expect(elements.find((element) => element.tokens.includes('navbar'))?.furniture).toBe('navbar')
    expect(elements.find((element) => element.tokens.includes('padded'))?.tokens).toEqual(['padded'])
  })

  it("reads a script's handle on an element by its last word: images made shareable are no share row, a notice is a notice", () => {
    const tree = parseHtml('<body><div class="module js-social-images"><p>Article text.</p></div><div class="js-bottom-notice"><p>Sign up to answer.</p></div></body>')
    const divs = (tree.data?.elements ?? []).filter((element) => element.tag === 'div')
    expect(divs.map((element) => element.tokens)).toEqual([['module', 'images'], ['notice']])
    expect(divs[0]?.furniture).toBeUndefined()
    expect(divs[1]?.furniture).toBe('notice')
  })

  it('reads a class or id named "article body" as the page saying where its article is, whatever words follow', () => {
    const tree = parseHtml('<body><div id="articleBodyPrint"><p>Article text.</p></div><div class="article__body"><p>x</p></div><div class="articleBodyguard print"><p>y</p></div></body>')
    const divs = (tree.data?.elements ?? []).filter((element) => element.tag === 'div')
    expect(divs.map((element) => element.articleBody)).toEqual([true, true, false])
    expect(divs.map((element) => element.furniture)).toEqual([undefined, undefined, 'print'])
  })

  it("reads a page builder's building blocks as no region, and WordPress's sidebar widget as one", () => {
    const tree = parseHtml(
      '<body><div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>Article text.</p></div></div>' +
        '<div class="elementor-widget elementor-widget-sidebar"><p>x</p></div><aside><div class="widget widget_text"><p>Sidebar text.</p></div></aside></body>'
    )
    const elements = tree.data?.elements ?? []
    const divs = elements.filter((element) => element.tag === 'div')
    expect(divs.map((element) => element.furniture)).toEqual([undefined, undefined, 'sidebar', 'widget'])
    expect(divs[1]?.tokens).toEqual(['elementor', 'container'])
  })

  it("reads HubSpot's page grid (widget-span, widget-type-rich_text) as no region", () => {
    const tree = parseHtml('<body><div class="span12 widget-span widget-type-cell"><div class="widget-type-rich_text"><p>Article text.</p></div></div><div class="widget sidebar-box"><p>x</p></div></body>')
    const divs = (tree.data?.elements ?? []).filter((element) => element.tag === 'div')
    expect(divs.map((element) => element.furniture)).toEqual([undefined, undefined, 'widget'])
  })

  it('reads a section a jump menu links to, and the results a search found, as no furniture; a search box still is', () => {
    const tree = parseHtml('<body><section class="cws-jump-section"><p>Article text.</p></section><div class="search_result_item-69aad"><p>A result.</p></div><div class="search-box"><p>Search</p></div></body>')
    const elements = (tree.data?.elements ?? []).filter((element) => element.tag !== 'body' && element.tag !== 'p')
    expect(elements.map((element) => element.furniture)).toEqual([undefined, undefined, 'search'])
  })

  it("reads a page builder's numbered id as it reads its class, and any other id's words whole", () => {
    const tree = parseHtml('<body><div class="hs_cos_wrapper" id="hs_cos_wrapper_widget_1747742639138"><p>Our services.</p></div><div id="sidebar_widget_12"><p>x</p></div></body>')
    const divs = (tree.data?.elements ?? []).filter((element) => element.tag === 'div')
    expect(divs.map((element) => element.furniture)).toEqual([undefined, 'sidebar'])
    expect(divs[0]?.tokens).toEqual(['hs', 'cos', 'wrapper', 'hs', 'cos', 'wrapper', '1747742639138'])
  })
})
