import type {Transformer} from 'unified'
import {describe, expect, it} from 'vitest'
import {clean, type PageType, type PageTypeVerdict, type Root} from '../src/index.js'
import dechaffRepeatedRecords from '../src/classifiers/repeated-records.js'
import {classify, prose} from './helpers.js'

const arms = [
  ['Compact Single Monitor Arm', '5-22', '43', '434'],
  ['Heavy Single Monitor Arm', '9-50', '65', '642'],
  ['Slim Dual Monitor Arm', '3-12', '36', '658'],
  ['Wide Dual Monitor Arm', '5-22', '43', '923'],
  ['Quad Monitor Arm Stand', '9-50', '65', '1,204']
]

/** A shop's collection as a scraper dumps it: menus, then a record of six lines for each product, then the footer. */
function collectionDump(records = arms, before: string[] = []): string {
  return [
    'Account', 'Login', 'Cart', 'Products', 'Brands', 'Resources',
    ...before,
    'Monitor Arms',
    'Choose the right arm for your application',
    ...records.flatMap(([name, load, screen, price]) => [name, `Weight: ${load} lbs`, `Screen Size: Up to ${screen}"`, 'Finish:', 'Silver or black', `Starting at $${price}`]),
    'Customer Service', 'Shipping Policy', 'Copyright 2026 Example Ergonomics'
  ].join('\n')
}

/** A plugin that gives the page the page-type verdict a test needs. */
function setVerdict(verdict: PageTypeVerdict): Transformer<Root> {
  return (tree) => {
    tree.data = {...tree.data, pageType: verdict}
  }
}

function blockOf(text: string, line: string, pageType: PageType) {
  // The hand-set classifiers' own verdicts, without the block model weighing them.
  const block = clean(text, {input: 'text', pageType, model: false}).blocks.find((candidate) => candidate.text === line)
  if (!block) throw new Error(`no block ${line}`)
  return block
}

describe('repeated-records', () => {
  it('keeps the lines of a collection dump’s records: names (after the first, above its first recurring line), specifications and prices', () => {
    for (const [index, [name, load, , price]] of arms.entries()) {
      for (const line of [...(index > 0 ? [name as string] : []), `Weight: ${load} lbs`, `Starting at $${price}`]) {
        const block = blockOf(collectionDump(), line, 'collection')
        expect(block.kept).toBe(true)
        expect(block.quality).toBe('good')
      }
    }
  })

  it('leaves a label that recurs in every record to the record, not to the repetition classifier', () => {
    const blocks = clean(collectionDump(), {input: 'text', pageType: 'collection', model: false}).blocks.filter((block) => block.text === 'Finish:')
    expect(blocks).toHaveLength(arms.length)
    expect(blocks.every((block) => block.kept && block.ruleId !== 'repetition')).toBe(true)
  })

  it('does not take a dump’s menus for records', () => {
    expect(blockOf(collectionDump(), 'Brands', 'collection').reason).not.toMatch(/repeated items/u)
  })

  it('does not look for records on an article', () => {
    expect(blockOf(collectionDump(), 'Starting at $434', 'article').quality).not.toBe('good')
  })

  it('does not take a plain list of one outline for records: an archive’s months', () => {
    const months = ['December', 'November', 'October', 'September', 'August', 'July', 'June', 'May', 'April', 'March', 'February', 'January']
    const archive = ['Archives', ...[2012, 2011, 2010, 2009].flatMap((year) => months.map((month) => `${month} ${year}`)), 'About', 'Contact'].join('\n')
    const monthsKept = (maxUniformShare?: number): boolean =>
      clean(archive, {input: 'text', pageType: 'collection', model: false, classifiers: {'repeated-records': maxUniformShare === undefined ? {} : {maxUniformShare}}})
        .blocks.filter((block) => /^\w+ \d{4}$/u.test(block.text))
        .some((block) => block.quality === 'good')
    expect(monthsKept()).toBe(false)
    // Only its one outline tells it from records.
    expect(monthsKept(1)).toBe(true)
  })

  it('looks for records on a dump whose type, or the type it was guessed to be, is sure enough for it; a guess not when the dump holds an article’s body', () => {
    const recordKept = (text: string, verdict: PageTypeVerdict): boolean =>
      classify(text, [() => setVerdict(verdict), dechaffRepeatedRecords]).find((block) => block.text === 'Starting at $434')?.inItemList === true
    const guessed = (confidence: number): PageTypeVerdict => ({type: 'article', confidence: 1 - confidence, evidence: [], alternative: {type: 'collection', confidence}})
    expect(recordKept(collectionDump(), guessed(0.6))).toBe(true)
    // Too unsure a guess, or a body of prose on the page: an article's related products.
    expect(recordKept(collectionDump(), guessed(0.2))).toBe(false)
    expect(recordKept(collectionDump(arms, [prose.join(' ')]), guessed(0.6))).toBe(false)
    // A dump whose type is a collection has its records whatever prose it holds.
    expect(recordKept(collectionDump(arms, [prose.join(' ')]), {type: 'collection', confidence: 1, evidence: []})).toBe(true)
    // A service page's cards are its own too, but not a listing's as unsure as that: a news page's headlines look like one.
    expect(recordKept(collectionDump(), {type: 'service', confidence: 0.35, evidence: []})).toBe(true)
    expect(recordKept(collectionDump(), {type: 'listing', confidence: 0.35, evidence: []})).toBe(false)
  })
})
