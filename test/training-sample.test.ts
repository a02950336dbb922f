import {describe, expect, it} from 'vitest'
import {hostOf, sampleSize, setFigures, siteDisjointPages, trainingSample, withHtmlSites} from '../src/bench/training-sample.js'

const ids = Array.from({length: 40}, (_, index) => String(index + 1).padStart(4, '0'))

describe('the block model training sample', () => {
  it('reads one size for every set, or a set its own after the default', () => {
    expect(sampleSize('600', 'dragnet')).toBe(600)
    expect(sampleSize('600,wcxb-dev:1200', 'wcxb-dev')).toBe(1200)
    expect(sampleSize('600,wcxb-dev:1200', 'daniel')).toBe(600)
    expect(sampleSize('0', 'daniel')).toBe(0)
    expect(() => sampleSize('600,wcxb-dev:many', 'wcxb-dev')).toThrow(/not a page count/u)
  })

  it('draws the same pages every run, a smaller sample the start of a larger one, 0 for every page', () => {
    const small = trainingSample(ids, '10', 'dragnet')
    const large = trainingSample(ids, '20', 'dragnet')
    expect(trainingSample(ids, '10', 'dragnet')).toEqual(small)
    expect(small).toHaveLength(10)
    expect(small.every((id) => large.includes(id))).toBe(true)
    expect(trainingSample(ids, '0', 'dragnet')).toEqual(ids)
  })

  it('holds out only pages whose site no sampled page is of', () => {
    // Four sites of ten pages each.
    const siteOf = (id: string): string => `site${Math.floor((Number(id) - 1) / 10)}`
    const sample = ['0001', '0012']
    const held = siteDisjointPages(ids, sample, siteOf)
    expect(held).toHaveLength(20)
    expect(held.every((id) => siteOf(id) === 'site2' || siteOf(id) === 'site3')).toBe(true)
    expect(siteDisjointPages(ids, [], siteOf)).toEqual(ids)
  })

  it('names a site by its address host without www', () => {
    expect(hostOf('https://www.example.org/news/1')).toBe('example.org')
    expect(hostOf('not an address')).toBeUndefined()
    expect(hostOf(undefined)).toBeUndefined()
  })

  it("groups a text dump under its HTML page's site, a dump without one under its own", () => {
    const pages = [
      {set: 'dragnet', id: '7', kind: 'html' as const, site: 'example.com', gold: 'kept'},
      {set: 'dragnet', id: '7', kind: 'text' as const, site: 'dragnet/7', gold: 'kept'},
      {set: 'daniel', id: '7', kind: 'text' as const, site: 'daniel/7', gold: 'kept'},
      {set: 'dragnet', id: '8', kind: 'text' as const, site: 'dragnet/8', gold: 'kept'}
    ]
    expect(withHtmlSites(pages).map((page) => page.site)).toEqual(['example.com', 'example.com', 'daniel/7', 'dragnet/8'])
    expect(withHtmlSites(pages)[1]?.gold).toBe('kept')
  })

  it("scores WCXB by its pages' mean word F1 and the others by shingles", () => {
    const gold = 'the council extends the library pilot to three more towns this spring'
    const outputs = [gold, 'menu home world sport']
    const golds = [gold, gold]
    const words = setFigures('wcxb-dev', golds, outputs)
    expect(words.f1).toBeCloseTo(0.5, 5)
    const shingles = setFigures('dragnet', golds, outputs)
    // Mean precision over pages 0.5, mean recall 0.5.
    expect(shingles.f1).toBeCloseTo(0.5, 5)
    expect(setFigures('dragnet', golds, [gold, gold]).f1).toBe(1)
  })
})
