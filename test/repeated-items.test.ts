import {describe, expect, it} from 'vitest'
import {clean, type PageType} from '../src/index.js'

const books = [
  ['The Quiet Harbour', 'A fishing town waits out the winter storms with one lighthouse keeper.'],
  ['Salt and Iron', 'Two rival forges compete for the last commission of a dying king.'],
  ['North of the River', 'A schoolteacher maps every footpath in the valley before the dam floods it.'],
  ['The Glass Orchard', 'Three sisters inherit a greenhouse and the debts that come with it.'],
  ['Small Hours', 'A night-shift nurse keeps a notebook of what her patients tell her.']
]

/** A reading list: a heading, an intro, then one card per book (linked title, short description, a rating control). */
function readingList(cardClass = 'book-card', wrapper = 'div class="results"', count = books.length, blurbClass = 'blurb'): string {
  const cards = books
    .slice(0, count)
    .map(([title, blurb]) => `<div class="${cardClass}"><h3><a href="/b/${title}">${title}</a></h3><div class="${blurbClass}"><p>${blurb}</p></div><div class="controls"><a href="/rate">Rate this book</a></div></div>`)
    .join('')
  const tag = wrapper.split(' ')[0] as string
  return `<body><header><ul class="menu"><li><a href="/">Home</a></li><li><a href="/lists">Lists</a></li><li><a href="/about">About</a></li></ul></header>
    <main><h1>Novels set by the sea</h1><p>Readers picked these.</p><${wrapper}>${cards}</${tag}></main>
    <footer><p>Copyright 2026 Example Books. All rights reserved.</p></footer></body>`
}

function blockOf(html: string, text: string, pageType: PageType) {
  // The hand-set classifiers' own verdicts, without the block model weighing them.
  const block = clean(html, {input: 'html', pageType, model: false}).blocks.find((candidate) => candidate.text.startsWith(text))
  if (!block) throw new Error(`no block starting ${text}`)
  return block
}

describe('repeated-items', () => {
  it('keeps every card of a listing: its linked name and its short description', () => {
    const html = readingList()
    for (const [title, blurb] of books) {
      expect(blockOf(html, title as string, 'listing').kept).toBe(true)
      expect(blockOf(html, (blurb as string).slice(0, 20), 'listing').kept).toBe(true)
    }
  })

  it('removes a line that recurs word for word in every card', () => {
    const block = blockOf(readingList(), 'Rate this book', 'collection')
    expect(block.kept).toBe(false)
    expect(block.ruleId).toBe('repeated-items')
  })

  it('does not take a menu of lone links for items', () => {
    const result = clean(readingList(), {input: 'html', pageType: 'listing'})
    expect(result.blocks.find((block) => block.text === 'Lists')?.kept).toBe(false)
    expect(result.messages.some((message) => message.ruleId === 'repeated-items' && message.reason.includes('Lists'))).toBe(false)
  })

  it('does not take cards inside furniture (a related-stories rail) for items', () => {
    const html = readingList('book-card', 'aside class="related"')
    expect(blockOf(html, 'The Quiet Harbour', 'listing').ruleId).not.toBe('repeated-items')
    expect(blockOf(html, 'The Quiet Harbour', 'listing').reason).not.toMatch(/repeated items/u)
  })

  it('leaves an article alone: its cards are related stories', () => {
    expect(blockOf(readingList(), 'Rate this book', 'article').ruleId).not.toBe('repeated-items')
    expect(blockOf(readingList(), 'The Quiet Harbour', 'article').reason).not.toMatch(/repeated items/u)
  })

  it('keeps a card’s parts whose own class words name furniture (a `teaser` summary) on a listing, not on an article', () => {
    const html = readingList('book-card', 'div class="results"', books.length, 'teaser')
    for (const pageType of ['listing', 'collection', 'product', 'service'] as const) {
      expect(blockOf(html, 'A fishing town', pageType).kept).toBe(true)
    }
    const onArticle = blockOf(html, 'A fishing town', 'article')
    expect(onArticle.kept).toBe(false)
    expect(onArticle.ruleId).toBe('dom-hint')
  })

  it('takes cards whose own class names them a teaser for the listing’s items', () => {
    const html = readingList('index-module teaser')
    for (const pageType of ['listing', 'collection'] as const) {
      for (const [title, blurb] of books) {
        expect(blockOf(html, title as string, pageType).kept).toBe(true)
        expect(blockOf(html, (blurb as string).slice(0, 20), pageType).kept).toBe(true)
      }
    }
  })

  it('takes a list named for teasers for a listing’s items, and for furniture on a product page', () => {
    const html = readingList('teaser-item', 'ul class="teaser-list"')
    expect(blockOf(html, 'The Quiet Harbour', 'listing').kept).toBe(true)
    expect(blockOf(html, 'A fishing town', 'listing').kept).toBe(true)
    expect(blockOf(html, 'A fishing town', 'product').kept).toBe(false)
  })

  it('keeps each post’s author and date line on a blog’s front page, not on a collection’s', () => {
    const authors = ['Connie Loizos', 'Anthony Ha', 'Marina Temkin', 'Dominic Davis', 'Kyle Wiggers']
    const cards = books
      .map(([title, blurb], index) => `<article class="post-card"><h3><a href="/p/${index}">${title}</a></h3><div class="post-meta">By ${authors[index]}, March ${index + 2}, 2026</div><p>${blurb}</p></article>`)
      .join('')
    const html = `<body><main><h1>Latest stories</h1><div class="loop">${cards}</div></main><footer><p>Copyright 2026 Example Media.</p></footer></body>`
    expect(blockOf(html, 'By Connie Loizos', 'listing').kept).toBe(true)
    expect(blockOf(html, 'The Quiet Harbour', 'listing').kept).toBe(true)
    expect(blockOf(html, 'By Connie Loizos', 'collection').kept).toBe(false)
  })

  it('does not take a menu’s entries for items, though each holds a name and a line', () => {
    const html = readingList('nav-section')
    expect(blockOf(html, 'The Quiet Harbour', 'listing').kept).toBe(false)
    expect(blockOf(html, 'The Quiet Harbour', 'listing').ruleId).toBe('dom-hint')
  })

  it('does not take teaser cards in a related rail for items', () => {
    const html = readingList('teaser', 'aside class="related"')
    expect(blockOf(html, 'The Quiet Harbour', 'collection').kept).toBe(false)
  })

  it('still removes a forum post’s signature, though posts are the thread’s items', () => {
    const html = readingList('post', 'div class="topic"', books.length, 'signature')
    const block = blockOf(html, 'A fishing town', 'forum')
    expect(block.kept).toBe(false)
    expect(block.reason).toMatch(/signature/u)
  })

  it('reads `<body>`’s class words as the page’s state, not a region: a `sidebar-enabled` page keeps its cards', () => {
    const html = readingList().replace('<body>', '<body class="template-collection sidebar-enabled">')
    const block = blockOf(html, 'A fishing town', 'collection')
    expect(block.kept).toBe(true)
    expect(block.reason).toMatch(/item/u)
  })

  it('needs three items of one kind', () => {
    const blocks = clean(readingList('book-card', 'div class="results"', 2), {input: 'html', pageType: 'listing'}).blocks
    expect(blocks.some((block) => block.ruleId === 'repeated-items' || block.reason.includes('repeated items'))).toBe(false)
  })
})
