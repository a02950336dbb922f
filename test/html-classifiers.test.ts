import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'

const paragraph = (n: number): string =>
  `<p>Paragraph ${n} of the article explains, in some detail, what the council decided, why it decided it, and what residents who came to the meeting said about it afterwards.</p>`
const article = `<h1>Council extends the library pilot</h1>${[1, 2, 3, 4].map(paragraph).join('')}`

function ruleOf(html: string, text: string): string {
  const block = clean(html, {input: 'html'}).blocks.find((candidate) => candidate.text.startsWith(text))
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

  it('prefers the container the JSON-LD articleBody names', () => {
    const body = 'The real article text is this one, about the ferry that has crossed the estuary for ninety years, and why the county wants to keep it running.'
    const html = `<head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"${body}"}</script></head><body>
      <div class="promo-grid">${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}</div><div><p>${body}</p><p>${body}</p></div></body>`
    expect(ruleOf(html, 'The real article text')).toBe('kept')
  })
})

describe('dom-hints', () => {
  it('removes a comment list and a share box inside the article, keeps the article', () => {
    const html = `<body><article>${article}<div class="share-buttons"><p>Share this story with your friends and neighbours on any network you like to use.</p></div>
      <ol class="comment-list"><li><p>I was at the meeting and I think the council got this exactly right, for once, and said so at the time.</p></li></ol></article></body>`
    expect(ruleOf(html, 'Share this story')).toBe('dom-hint')
    expect(ruleOf(html, 'I was at the meeting')).toBe('dom-hint')
    expect(ruleOf(html, 'Paragraph 4')).toBe('kept')
  })

  it('keeps a pull quote in an aside and the title inside a promoted wrapper', () => {
    const html = `<body><article class="node node--promoted">${article}<aside class="pullquote"><p>“It is a library, not a bank,” she said, and everyone laughed.</p></aside>${paragraph(6)}</article></body>`
    expect(ruleOf(html, 'Council extends')).toBe('kept')
    expect(ruleOf(html, '“It is a library')).toBe('kept')
  })
})
