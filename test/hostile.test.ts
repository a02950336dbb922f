import {describe, expect, it} from 'vitest'
import {seededRandom} from '../src/bench/seeded.js'
import {clean, DechaffInputError, DechaffTimeoutError} from '../src/index.js'

/** The only errors clean() may throw: input it refuses, and pages over their time budget. */
function cleanOrDocumentedError(input: string | Uint8Array, options = {}): string | Error {
  try {
    return clean(input, options).text
  } catch (error) {
    if (error instanceof DechaffInputError || error instanceof DechaffTimeoutError) return error
    throw error
  }
}

describe('bad input', () => {
  it('an empty page gives empty text', () => {
    expect(clean('').text).toBe('')
    expect(clean(new Uint8Array()).text).toBe('')
  })

  it('binary input (NUL bytes) is refused with a clear error', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(() => clean(bytes)).toThrow(/binary/)
    expect(() => clean('text\u0000with a NUL')).toThrow(DechaffInputError)
  })

  it('invalid UTF-8 gives text with replacement characters, not a crash', () => {
    const encode = (text: string): number[] => [...new TextEncoder().encode(text)]
    const bytes = new Uint8Array([
      ...encode('The council voted on Tuesday to extend the pilot scheme for another two years, after a report found that usage '),
      0xc3, 0x28, 0xff,
      ...encode(' had doubled since the first trial began in the spring, and residents were broadly in favour of it.')
    ])
    const text = clean(bytes, {input: 'text'}).text
    expect(text).toContain('The council voted')
    expect(text).toContain('\uFFFD')
  })

  it('a page over the size limit is refused, naming the limit', () => {
    const big = 'x'.repeat(50 * 1024 * 1024)
    expect(() => clean(big)).toThrow(/over the 16777216-byte limit/)
  })

  it('HTML nested 100,000 levels deep gives a sane output', () => {
    const depth = 100_000
    const html = `<html><body>${'<div>'.repeat(depth)}<p>The council voted on Tuesday to extend the pilot scheme for another two years, after a report found usage had doubled since the trial began.</p>${'</div>'.repeat(depth)}</body></html>`
    expect(clean(html).text).toContain('The council voted')
  })

  it.each([
    ['a megabyte-long line', 'word '.repeat(200_000)],
    ['a run of punctuation', '!'.repeat(500_000)],
    ['a run of opening brackets', '('.repeat(200_000)],
    ['a run of tag openers', '<'.repeat(200_000)],
    ['a run of comment openers', '<!--'.repeat(50_000)],
    ['dotted letters', 'a.'.repeat(200_000)],
    ['an endless attribute', `<div class="${'a '.repeat(200_000)}">x</div>`]
  ])('%s is cleaned or stopped by the time budget, never hangs or crashes', (_, input) => {
    const outcome = cleanOrDocumentedError(input)
    expect(typeof outcome === 'string' || outcome instanceof DechaffTimeoutError).toBe(true)
  })
})

describe('bounded work per page', () => {
  const story = '<p>The council voted on Tuesday to extend the pilot scheme for another two years, after a report found usage had doubled since the trial began.</p>'

  it.each([
    ['self-closed non-void elements', `<html><body>${story}${'<div/>'.repeat(100_000)}</body></html>`],
    ['end tags that close nothing', `<html><body>${story}${'<div></x>'.repeat(20_000)}</body></html>`]
  ])('%s count towards the nesting guard: the page is read, not a stack overflow', (_, html) => {
    expect(clean(html).text).toContain('The council voted')
  })

  it('a run that makes parse-english quadratic ("a.a. " to 625 KB) is read plainly within the default budget', () => {
    const text = clean('a.a. '.repeat(125_000)).text
    expect(text.length).toBe(625_000)
  })

  it('a long line of a script written without spaces (145,000 characters of Chinese) is read within the default budget, into the words of its sentences', () => {
    const sentence = '研究人员发现，城市公园里的鸟类数量在过去十年中增加了一倍。'
    const repeats = 5_000
    const wordsPerSentence = [...new Intl.Segmenter('zh', {granularity: 'word'}).segment(sentence)].filter((segment) => segment.isWordLike).length
    const result = clean(sentence.repeat(repeats), {input: 'text'})
    expect(result.text.trim()).toBe(sentence.repeat(repeats))
    expect(result.blocks[0]?.features.words).toBe(wordsPerSentence * repeats)
  })

  it('thousands of paragraphs on another subject below a related-stories heading, after as long an article, are read within the default budget', () => {
    // Each paragraph of the run once asked, with the run's last few, whether the article resumes: not the whole run again at each.
    const paragraphs = (words: string[], count: number): string[] =>
      Array.from({length: count}, (_, index) => `We saw the ${Array.from({length: 30}, (_, at) => words[(index * 7 + at * 3) % words.length]).join(' and the ')} there in the morning, number ${index}.`)
    const article = paragraphs('council library pilot scheme residents meeting evening hours budget review report usage trial spring shifts officials'.split(' '), 2500)
    const other = paragraphs('alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo'.split(' '), 2500)
    const result = clean([...article, 'Latest News', 'Harbour festival returns in July', ...other].join('\n'), {input: 'text'})
    expect(result.text).toContain('number 2499')
  })

  it('broken JSON-LD that makes its repair quadratic (unclosed strings of quotes) is skipped within the default budget, and the page’s valid JSON-LD still read', () => {
    const broken = `<script type="application/ld+json">{"@type":"Article","author":{"name":"${'"'.repeat(300_000)}</script>`
    const valid = '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Doe"}}</script>'
    const result = clean(`<html><head>${broken.repeat(3)}${valid}</head><body><p>The council voted on Tuesday to extend the pilot scheme for another two years.</p></body></html>`)
    expect(result.text).toContain('The council voted')
    expect(result.metadata?.author).toEqual(['Jane Doe'])
  })

  it('the time budget holds inside one block of megabytes, not only between stages', () => {
    expect(() => clean('word '.repeat(1_500_000), {timeoutMs: 300})).toThrow(/stopped while splitting blocks into sentences/)
  })

  it.each([
    ['500,000 paragraphs', '<p>x</p>'.repeat(500_000), /500000 elements, over the 100000 limit/],
    ['200,000 one-word lines', 'word\n'.repeat(200_000), /more than 100000 blocks/],
    ['a line of 1.5 million words', 'word '.repeat(1_500_000), /more than 1000000 words, marks and spaces/]
  ])('%s are refused to bound memory', (_, page, message) => {
    expect(() => clean(page, {timeoutMs: 0})).toThrow(message)
  })
})

describe('inputs read right', () => {
  const page = ['Council extends the library pilot', ...Array.from({length: 4}, () => 'The council voted on Tuesday to extend the pilot scheme for another two years, after a report found that usage had doubled since the first trial began.')].join('\n\n')

  it.each([
    ['text, little-endian', page, 'utf16le'],
    ['HTML, little-endian', `<html><body><article>${page.split('\n\n').map((block) => `<p>${block}</p>`).join('')}</article></body></html>`, 'utf16le'],
    ['text, big-endian', page, 'utf16be']
  ])('UTF-16 with a byte-order mark (%s) is read as UTF-16', (_, source, encoding) => {
    const little = Buffer.from(source, 'utf16le')
    const bytes = encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), little]) : Buffer.concat([Buffer.from([0xfe, 0xff]), little.swap16()])
    const text = clean(bytes).text
    expect(text).toContain('The council voted on Tuesday')
    expect(text).not.toMatch(/[\u0000<]/u)
  })

  it('a NUL byte after the first 8 KB does not pass into the output', () => {
    const bytes = new TextEncoder().encode(`${page}\n\n${'The pilot scheme ran on. '.repeat(500)}\u0000 And the report said so.`)
    expect(bytes.indexOf(0)).toBeGreaterThan(8192)
    expect(clean(bytes).text).not.toContain('\u0000')
  })

  it('bytes mostly control characters anywhere are refused as binary', () => {
    const bytes = new TextEncoder().encode(`${'plain text '.repeat(1000)}${'\u0001\u0000\u0002'.repeat(2000)}`)
    expect(() => clean(bytes)).toThrow(/looks binary/)
  })
})

describe('fuzz', () => {
  const pieces = [
    '<div>', '</div>', '<p>', '</p>', '<br>', '<a href="x">', '</a>', '<script>', '</script>', '<!--', '-->', '<table><tr><td>', '</td></tr></table>',
    '<li>', '<h1>', '</h1>', '<svg>', '&amp;', '&#x1F600;', '&#99999999;', '\u0000', '\uFEFF', '\uD800', '\r\n', '\n\n', '\t', '“', '”', '…',
    'Leave a Reply', 'Read more', 'By Jane Smith', '© 2024', 'The council voted on Tuesday to extend the pilot.', 'a.', '!!!', '(((', '[[[', '|', '›',
    'Skip to main content', '5 min read', 'Photo: Jane/Reuters', '12 Comments', 'x'.repeat(300), 'ÿþ', '<?xml version="1.0"?>', '<![CDATA[', ']]>'
  ]

  it('feeds 3,000 generated hostile pages through clean() without an undocumented error', () => {
    const next = seededRandom(20261121)
    for (let run = 0; run < 3000; run++) {
      const length = Math.floor(next() * 60)
      let page = ''
      for (let index = 0; index < length; index++) {
        page += next() < 0.15 ? String.fromCharCode(Math.floor(next() * 0xffff)) : (pieces[Math.floor(next() * pieces.length)] as string)
      }
      const input = next() < 0.3 ? new TextEncoder().encode(page) : page
      const outcome = cleanOrDocumentedError(input, {input: run % 3 === 0 ? 'html' : run % 3 === 1 ? 'text' : 'auto'})
      expect(typeof outcome === 'string' || outcome instanceof Error).toBe(true)
    }
  })
})
