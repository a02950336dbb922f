import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {checkCorpus, clean, DechaffConfigError} from '../src/index.js'
import {dechaff} from './run-cli.js'

let root: string

/** A small corpus copied from the bundled one: three seed pages and their golden files. */
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dechaff-check-'))
  for (const stem of ['000_691dd1d5cf177aea', '002_1003eef771919e72', '004_7c17c4e5b074b3b4']) {
    await cp(`corpus/seeds/${stem}.txt`, path.join(root, 'corpus', `${stem}.txt`), {recursive: true})
    await cp(`golden/seeds/${stem}.txt`, path.join(root, 'golden', `${stem}.txt`), {recursive: true})
  }
})

const inRoot = (...parts: string[]): string => path.join(root, ...parts)
const check = (...args: string[]) => dechaff(['check', '--corpus', inRoot('corpus'), '--golden', inRoot('golden'), ...args])

describe('dechaff check', () => {
  it('passes a corpus that matches its golden files', async () => {
    const {stdout, code} = await check()
    expect(code).toBe(0)
    expect(stdout).toContain('3 pages: 3 passed, 0 changed, 0 missing golden, 0 errors')
  })

  it('shows a diff and token scores for a changed page and exits 1', async () => {
    const golden = inRoot('golden', '000_691dd1d5cf177aea.txt')
    await writeFile(golden, (await readFile(golden, 'utf8')).replace('Nokia and Xiaomi are working together in the future\n\n', ''))
    const {stdout, code} = await check()
    expect(code).toBe(1)
    expect(stdout).toMatch(/changed {2}000_691dd1d5cf177aea\.txt {2}F1 0\.9\d\d \(precision 0\.9\d\d, recall 1\.000\)/)
    expect(stdout).toContain('+Nokia and Xiaomi are working together in the future')
    expect(stdout).toContain('1 changed')
  })

  it('reports a page without a golden file and exits 1', async () => {
    await rm(inRoot('golden', '002_1003eef771919e72.txt'))
    const {stdout, code} = await check()
    expect(code).toBe(1)
    expect(stdout).toContain('missing  002_1003eef771919e72.txt')
  })

  it('--update writes exactly the changed and missing golden files', async () => {
    await rm(inRoot('golden', '002_1003eef771919e72.txt'))
    await writeFile(inRoot('golden', '004_7c17c4e5b074b3b4.txt'), 'outdated\n')
    const untouched = await readFile(inRoot('golden', '000_691dd1d5cf177aea.txt'), 'utf8')
    const {stdout, code} = await check('--update')
    expect(code).toBe(0)
    expect(stdout.split('\n').filter((line) => line.startsWith('updated '))).toEqual([
      'updated 002_1003eef771919e72.txt',
      'updated 004_7c17c4e5b074b3b4.txt'
    ])
    expect(await readFile(inRoot('golden', '000_691dd1d5cf177aea.txt'), 'utf8')).toBe(untouched)
    expect((await check()).code).toBe(0)
  })

  it('--only narrows the run', async () => {
    const {stdout} = await check('--only', '002_*')
    expect(stdout).toContain('1 page: 1 passed')
  })

  it('--json gives counts, corpus scores and one entry per page', async () => {
    await writeFile(inRoot('golden', '004_7c17c4e5b074b3b4.txt'), 'outdated\n')
    const {stdout, code} = await check('--json')
    expect(code).toBe(1)
    const report = JSON.parse(stdout)
    expect(report.counts).toEqual({pass: 2, changed: 1, missing: 0, error: 0})
    expect(Object.keys(report.scores).sort()).toEqual(['f1', 'precision', 'recall'])
    expect(report.pages).toHaveLength(3)
    const changed = report.pages.find((page: {status: string}) => page.status === 'changed')
    expect(changed.page).toBe('004_7c17c4e5b074b3b4.txt')
    expect(changed.diff).toContain('-outdated')
  })

  it('rejects an unknown config key, naming it, with exit 2', async () => {
    await writeFile(inRoot('corpus', 'dechaff.config.json'), JSON.stringify({classifiers: {quality: {lenghtHigh: 10}}}))
    const {stderr, code} = await check()
    expect(code).toBe(2)
    expect(stderr).toContain('unknown key `lenghtHigh`')
  })

  it('applies a config found above the corpus: extra furniture, always-keep phrases, classifiers off', async () => {
    await writeFile(
      path.join(root, 'dechaff.config.json'),
      JSON.stringify({furniture: ['Nokia and Xiaomi are working together in the future'], keep: ['Leave a Response'], disable: ['author-bio']})
    )
    const {stdout} = await check('--json')
    const page = JSON.parse(stdout).pages.find((entry: {page: string}) => entry.page === '000_691dd1d5cf177aea.txt')
    expect(page.diff).toContain('-Nokia and Xiaomi are working together in the future')
    expect(page.diff).toContain('+Leave a Response')
    expect(page.diff).toContain('+Always on the move')
  })
})

describe('checkCorpus', () => {
  it('returns the same report to library users', async () => {
    const report = await checkCorpus({corpus: inRoot('corpus'), golden: inRoot('golden')})
    expect(report.counts.pass).toBe(3)
    expect(report.scores.f1).toBe(1)
  })
})

describe('options', () => {
  it('clean() rejects a bad value with the key in the message', () => {
    expect(() => clean('text', {classifiers: {quality: {lengthHigh: -1}}})).toThrow(DechaffConfigError)
    expect(() => clean('text', {classifiers: {quality: {lengthHigh: -1}}})).toThrow('options.classifiers.quality.lengthHigh')
    expect(() => clean('text', {disable: ['nope' as 'quality']})).toThrow('unknown classifier `nope`')
  })

  it('accepts the newer classifier options', () => {
    const classifiers = {'article-container': {alternativeShare: 0.8, minAlternatives: 2}, repetition: {minMenuLines: 4}}
    expect(() => clean('text', {classifiers})).not.toThrow()
  })
})

describe('dechaff explain', () => {
  it('names the rules that removed the Akismet notice and the author bio of seed 000', async () => {
    const {stdout, code} = await dechaff(['explain', 'corpus/seeds/000_691dd1d5cf177aea.txt'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/removed spam-notice\s+comment spam-filter notice/)
    expect(stdout).toMatch(/removed author-bio\s+first-person author bio/)
    expect(stdout).toContain('10 kept, 4 removed')
  })

  it('gives every block with its verdict as JSON', async () => {
    const {stdout} = await dechaff(['explain', '--json', 'corpus/seeds/004_7c17c4e5b074b3b4.txt'])
    const {blocks} = JSON.parse(stdout)
    const bio = blocks.find((block: {text: string}) => block.text.startsWith('Andy is a Senior Writer'))
    expect(bio).toMatchObject({kept: false, ruleId: 'author-bio'})
    expect(Object.keys(bio.features).sort()).toEqual(['chars', 'sentences', 'stopwordDensity', 'words'])
  })
})
