import {describe, expect, it} from 'vitest'
import {checkCorpus} from '../src/index.js'

// The same code path as `dechaff check`: every corpus page against its golden file.
const report = await checkCorpus({corpus: 'corpus', golden: 'golden'})
// And `dechaff check --format markdown`: the pages that have a Markdown golden file.
const markdown = await checkCorpus({corpus: 'corpus', golden: 'golden', format: 'markdown'})

describe('golden corpus', () => {
  it('has at least 30 pages', () => {
    expect(report.pages.length).toBeGreaterThanOrEqual(30)
  })

  it.each(report.pages.map((page) => [page.page, page] as const))('%s matches its golden file', (_, page) => {
    expect(page.status, page.diff ?? page.error ?? '').toBe('pass')
  })
})

describe('golden Markdown', () => {
  it('has at least five pages', () => {
    expect(markdown.pages.length).toBeGreaterThanOrEqual(5)
  })

  it.each(markdown.pages.map((page) => [page.golden, page] as const))('%s matches', (_, page) => {
    expect(page.status, page.diff ?? page.error ?? '').toBe('pass')
  })
})
