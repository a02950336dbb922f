import {describe, expect, it} from 'vitest'
import {checkCorpus} from '../src/index.js'

// The same code path as `dechaff check`: every corpus page against its golden file.
const report = await checkCorpus({corpus: 'corpus', golden: 'golden'})

describe('golden corpus', () => {
  it('has at least 30 pages', () => {
    expect(report.pages.length).toBeGreaterThanOrEqual(30)
  })

  it.each(report.pages.map((page) => [page.page, page] as const))('%s matches its golden file', (_, page) => {
    expect(page.status, page.diff ?? page.error ?? '').toBe('pass')
  })
})
