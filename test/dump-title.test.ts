import {describe, expect, it} from 'vitest'
import model from '../src/data/dump-title-model.json' with {type: 'json'}
import {parseText} from '../src/index.js'
import {titleCandidates, titleFeatures} from '../src/parse/dump-title.js'
import {blocksOf} from '../src/tree.js'

/** The text of the block the parser marked as the dump's headline, if any. */
function titleOf(dump: string): string | undefined {
  return parseText(dump).children.find((node) => node.data?.block?.evidence.title)?.data?.block?.text
}

const body = [
  'The ferry across the Marrow has run on a chain since 1896, and the crossing still takes five minutes from bank to bank in every season of the year.',
  'Without the ferry the valley would be split in two: the school, the surgery and the only shop sit on one bank, most of the farms on the other, and the road bridge is nine miles downstream.',
  'The county has promised to keep the chain ferry running for another ten years, and the crossing keepers say they will still be there when the valley needs them.'
]

describe('dump-title', () => {
  it('finds the headline above the byline and the first paragraph', () => {
    const dump = ['Valley Times', 'News  Sport  Weather  Contact', '', 'The last chain ferry on the Marrow keeps a valley together', 'By Jane Doe', 'March 4, 2024', '', ...body].join('\n')
    expect(titleOf(dump)).toBe('The last chain ferry on the Marrow keeps a valley together')
  })

  it('prefers the headline to a menu entry that shares one word', () => {
    const dump = ['Ferry', 'Valley news', '', 'Why the valley still needs its chain ferry?', '', ...body].join('\n')
    expect(titleOf(dump)).toBe('Why the valley still needs its chain ferry?')
  })

  it('takes a headline of two short sentences', () => {
    const dump = ['The valley lost its bridge. The ferry kept running.', 'Jane Doe', '', ...body].join('\n')
    expect(titleOf(dump)).toBe('The valley lost its bridge. The ferry kept running.')
  })

  it('does not take a breadcrumb that holds the headline', () => {
    const dump = ['Home › News › The chain ferry keeps the valley together', '', ...body].join('\n')
    expect(titleOf(dump)).toBeUndefined()
  })

  it('takes the line a breadcrumb above names as its last step, though a menu glued to its dropdown’s prose reads as the body above it', () => {
    const menu = [
      'Timetables Every crossing of the chain ferry in summer and winter, with the times of the first and last boats and the days it does not run because of floods or repairs.',
      'Fares Single and return fares for foot passengers, cyclists and cars, with the season tickets the crossing keepers sell to the farms and the school on the far bank.'
    ]
    const headline = 'The last chain ferry on the Marrow keeps a valley together'
    const dump = [...menu, `Home / News / ${headline}`, headline, 'March 4, 2024', '', ...body].join('\n')
    expect(titleOf(dump)).toBe(headline)
    expect(parseText(dump).children.find((node) => node.data?.block?.evidence.title)?.data?.block?.evidence.titleEvidence).toBe('the last step of the breadcrumb above it')
  })

  it('takes the line a breadcrumb names when the prose repeats one of its words, and marks the breadcrumb', () => {
    // Of "Crossing keepers’ winter notes", the body repeats only "keepers" (not "crossings", "winter" or "notes").
    const headline = 'Crossing keepers’ winter notes'
    const dump = ['Timetables', 'Fares', '', `Home / ${headline}`, headline, 'March 4, 2024', '', ...body].join('\n')
    expect(titleOf(dump)).toBe(headline)
    const crumbs = parseText(dump).children.filter((node) => node.data?.block?.evidence.breadcrumb)
    expect(crumbs.map((node) => node.data?.block?.text)).toEqual([`Home / ${headline}`])
  })

  it('reads a short opening paragraph as the body the breadcrumb’s headline is about', () => {
    // Only the short first paragraph names the interview's guest; the long one below repeats no word of the headline.
    const headline = 'David Allen on keeping time'
    const opening = 'Just posted the interview with David Allen, the last keeper of the ferry.'
    const dump = ['Timetables', 'Fares', '', `Home / ${headline}`, '', headline, '', 'Posted on 08-17-2012 by Bob', '', opening, '', body[1]].join('\n')
    expect(titleOf(dump)).toBe(headline)
  })

  it('takes no section a breadcrumb ends at for the headline: the prose does not repeat its name', () => {
    const headline = 'The last chain ferry on the Marrow keeps a valley together'
    const dump = ['Home › Regional Politics', 'Regional Politics', headline, 'March 4, 2024', '', ...body].join('\n')
    expect(titleOf(dump)).toBe(headline)
  })

  it('counts the copies of a line the page prints: a share row or a breadcrumb repeats the headline', () => {
    const headline = 'The last chain ferry on the Marrow keeps a valley together'
    const blocks = blocksOf(parseText([headline, 'March 4, 2024', '', ...body, '', `Share: ${headline}`, headline].join('\n'))).map((node) => node.data.block)
    const repeated = titleFeatures.findIndex((feature) => feature.name === 'repeated')
    const [candidate] = titleCandidates(blocks)
    expect(blocks[candidate?.index ?? -1]?.text).toBe(headline)
    expect(candidate?.values[repeated]).toBeCloseTo(Math.log1p(1))
  })

  it('finds none where no line above the prose is about it', () => {
    expect(titleOf(['Home', 'Contact us', 'Log in', '', ...body].join('\n'))).toBeUndefined()
  })

  it('takes the headline by the body and its dateline over a menu entry far above that the body repeats as much', () => {
    const menu = ['Valley ferry chain', 'Home', 'Timetables', 'Fares', 'Tours', 'Contact us', 'Log in']
    const dump = [...menu, '', 'The last chain ferry on the Marrow keeps a valley together', 'March 4, 2024', '', ...body].join('\n')
    expect(titleOf(dump)).toBe('The last chain ferry on the Marrow keeps a valley together')
  })

  it('takes the headline whose words the first paragraph repeats over a teaser above it that a later paragraph repeats', () => {
    const lead = 'The ferry across the Marrow has run on a chain since 1896, and the crossing still takes five minutes from bank to bank in every season of the year, whatever the weather.'
    const dump = ['Valley Times', 'Road bridge downstream splits the farms from the school', '', 'Five minutes across the Marrow by chain', 'March 4, 2024', lead, ...body.slice(1)].join('\n\n')
    expect(titleOf(dump)).toBe('Five minutes across the Marrow by chain')
    expect(parseText(dump).children.find((node) => node.data?.block?.evidence.title)?.data?.block?.evidence.titleEvidence).toMatch(/of its words in the first paragraph/u)
  })

  it('takes the headline over a subheading when the article opens in short paragraphs between them', () => {
    const headline = 'The chain ferry on the Marrow keeps a valley together'
    const subheading = 'Why the valley ferry still runs on a chain'
    const lead = [
      'Every morning the crossing keepers start the chain ferry before the school bus arrives.',
      'The valley has no other way across the Marrow for nine miles of road.',
      'Farms on one bank send their children to the school on the other bank.',
      'In winter the keepers break the ice at the landing stages with long poles before dawn.',
      'The boat carries two cars, a tractor or forty people on foot at a time.',
      'Nobody in the valley remembers a week without a crossing, even in the floods of 1947.'
    ]
    const dump = ['Valley Times', 'Home  News  Contact', '', headline, '', ...lead, '', subheading, '', ...body].join('\n')
    expect(titleOf(dump)).toBe(headline)
    const blocks = blocksOf(parseText(dump)).map((node) => node.data.block)
    const between = titleFeatures.findIndex((feature) => feature.name === 'sentences-between')
    const candidates = titleCandidates(blocks)
    const valueOf = (text: string): number => candidates.find((candidate) => blocks[candidate.index]?.text === text)?.values[between] ?? Number.NaN
    // Both lie above the body's first long paragraph; the lead's sentences lie between the headline and the subheading.
    const words = (lines: string[]): number => lines.join(' ').split(' ').length
    expect(Math.expm1(valueOf(headline)) - Math.expm1(valueOf(subheading))).toBeCloseTo(words(lead))
  })

  it('takes the headline over the subtitle just under it, which has a candidate just above it', () => {
    const headline = 'The chain ferry keeps a valley together'
    const subtitle = 'The crossing keepers say the county will keep the ferry running'
    const dump = ['Valley Times', 'Home  News  Contact', '', headline, subtitle, 'Jane Doe', '', ...body].join('\n')
    expect(titleOf(dump)).toBe(headline)
    const blocks = blocksOf(parseText(dump)).map((node) => node.data.block)
    const above = titleFeatures.findIndex((feature) => feature.name === 'candidates-above')
    const counts = titleCandidates(blocks).map((candidate) => [blocks[candidate.index]?.text, Math.round(Math.expm1(candidate.values[above] as number))])
    expect(counts).toEqual([[headline, 0], [subtitle, 1]])
  })

  it('says in words why it took the line', () => {
    const dump = ['Valley Times', '', 'The last chain ferry on the Marrow keeps a valley together', 'March 4, 2024', '', ...body].join('\n')
    const evidence = parseText(dump).children.find((node) => node.data?.block?.evidence.title)?.data?.block?.evidence.titleEvidence
    expect(evidence).toMatch(/[+−]\d\.\d/u)
    expect(evidence?.split('; ').length).toBe(3)
  })

  it('ships a model that weighs the features the parser computes, in their order', () => {
    expect(model.features).toEqual(titleFeatures.map((feature) => feature.name))
    expect(model.weights.every((weight) => weight !== 0)).toBe(true)
  })

  it('looks for the headline above a short post, not above the comments under it', () => {
    const comment = (name: string, date: string, text: string): string[] => [name, `${date} | Permalink`, '', text, '']
    const dump = ['River Notes', '', 'Upper river', '', body[1] as string, '', '2 Comments', '', ...comment('Ann Marsh', 'April 2, 2024', 'The chain ferry still runs! Wonderful news!'), body[2] as string, '', ...comment('Tom', 'April 3, 2024', `${body[0]} We crossed twice.`)].join('\n')
    expect(titleOf(dump)).not.toBe('The chain ferry still runs! Wonderful news!')
    // Without a comment header, the first run of prose is the body, as before.
    expect(titleOf(dump.replace('2 Comments', 'Our readers'))).toBe('The chain ferry still runs! Wonderful news!')
  })

  it('looks for the headline above the comments’ header when the post above it is shorter than a paragraph', () => {
    const comment = (name: string, date: string, text: string): string[] => [name, `${date} | Permalink`, '', text, '']
    const dump = ['River Notes', '', 'Upper river', '', 'The chain ferry runs again.', '', '2 Comments', '', ...comment('Ann Marsh', 'April 2, 2024', 'The chain ferry still runs! Wonderful news!'), body[2] as string, '', ...comment('Tom', 'April 3, 2024', `${body[0]} We crossed twice.`)].join('\n')
    expect(titleOf(dump)).not.toBe('The chain ferry still runs! Wonderful news!')
  })

  it('does not take a byline for the headline, though the body names its author', () => {
    const dump = ['Valley Times', '', 'Posted by Jane Doe at 6:35 AM', '', ...body, 'Jane Doe has kept the log of the valley ferry society since 1990, and her history of the Marrow crossing, written with Jane Doe junior, is now in its second edition.'].join('\n')
    expect(titleOf(dump)).toBeUndefined()
  })

  it('finds none on a page without prose', () => {
    expect(titleOf('Chain ferry timetable\nMonday 06:30\nTuesday 06:30')).toBeUndefined()
  })
})
