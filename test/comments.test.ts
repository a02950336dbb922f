import {describe, expect, it} from 'vitest'
import {clean, validateOptions} from '../src/index.js'
import {prose} from './helpers.js'

const thread = [
  '3 thoughts on “The pilot scheme”',
  'Margaret says:',
  'January 22, 2024 at 9:14 am',
  'About time too. The evening hours would make all the difference for those of us who work at the hospital and can never get there before six.',
  'Reply',
  'Tom Hollis says:',
  'January 23, 2024 at 7:02 pm',
  'I would like to see the figures behind the claim that usage doubled; the car park has looked just as empty to me on every visit this year.',
  'Reply'
]

const article = [...prose, ...thread].join('\n\n')

/** The same thread as a forum's posts: each post a `comment` element. */
const forumPage = `<html><head><title>Evening hours at the library? - Townsfolk Forum</title><script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "Evening hours at the library?"}</script></head><body>
  <h1>Evening hours at the library?</h1>
  <div class="comment"><p class="author">margaret_h</p><p>${prose[1]}</p></div>
  <div class="comment"><p class="author">tom.hollis</p><p>${prose[2]}</p></div>
  </body></html>`

describe('comments option', () => {
  it('leaves an article’s comment thread out of the text by default, with no comments field', () => {
    const result = clean(article, {input: 'text'})
    expect(result.text).toContain(prose[0])
    expect(result.text).not.toContain('About time too')
    expect(result.comments).toBeUndefined()
  })

  it('gives the thread back as a separate comments text with `comments: true`', () => {
    const result = clean(article, {input: 'text', comments: true})
    expect(result.text).not.toContain('About time too')
    expect(result.comments).toContain('Margaret says:')
    expect(result.comments).toContain('January 22, 2024 at 9:14 am')
    expect(result.comments).toContain('About time too.')
    expect(result.comments).toContain('I would like to see the figures')
    expect(result.comments).not.toContain(prose[0])
  })

  it('gives an empty comments text for a page without a thread', () => {
    expect(clean(prose.join('\n\n'), {input: 'text', comments: true}).comments).toBe('')
  })

  it('takes the comments of an HTML page’s comment section', () => {
    const html = `<html><body><article><h1>The pilot scheme</h1>${prose.map((line) => `<p>${line}</p>`).join('')}</article>
      <section id="comments"><h2>2 comments</h2><div class="comment-body"><p>About time too. The evening hours would make all the difference for those of us on shifts at the hospital.</p></div></section></body></html>`
    const result = clean(html, {input: 'html', pageType: 'article', comments: true})
    expect(result.text).not.toContain('About time too')
    expect(result.comments).toContain('About time too')
  })

  it('keeps a forum thread’s posts in the text, not in the comments', () => {
    const result = clean(forumPage, {input: 'html', pageType: 'forum', comments: true})
    expect(result.text).toContain(prose[1])
    expect(result.text).toContain(prose[2])
    expect(result.comments).toBe('')
  })

  it('is checked as a boolean', () => {
    expect(() => validateOptions({comments: 'yes'})).toThrow(/comments: expected true or false/u)
  })
})
