import {describe, expect, it} from 'vitest'
import {dechaffMetadata} from '../src/index.js'
import {classify, prose, ruleInProse, ruleOf} from './helpers.js'

function ruleFor(line: string): string | undefined {
  return ruleInProse(line, [dechaffMetadata])
}

describe('metadata', () => {
  it.each([
    ['By Jane Smith, Staff Writer', 'byline'],
    ['By Jane Smith and Tom Lee | March 3, 2017', 'byline'],
    ['Updated 3:42 p.m. ET, March 4, 2024', 'byline'],
    ['Posted on January 21, 2024 by ruth', 'byline'],
    ['Submitted by Robert Naiman on 8 August 2012 - 8:22am', 'byline'],
    ['5 min read', 'byline'],
    ['2 days ago', 'byline'],
    ['Rachel Dunmore, Local Democracy Reporter', 'byline'],
    ['Tom Talbot October 14, 2025', 'byline'],
    ['Tom Ekwueme · Updated 8 January 2024 · 5 min read', 'byline'],
    ['May 14, 2025', 'byline'],
    ['Updated 14 May 2025', 'byline'],
    ['Published: 27/05/2024', 'byline'],
    ['Posted in News | Tagged council, budget, libraries', 'taxonomy'],
    ['Tags: travel, azores, hiking', 'taxonomy'],
    ['December 12, 2006 in Closing Argument, Cross-Examination, Experts | Permalink | Comments (1) | TrackBack (0)', 'taxonomy'],
    ['On January 12, 2025January 22, 2025 By Gabby BoucherIn Budget Travel, Budget Travel Guides, Travel Resources, Travel Tips', 'taxonomy'],
    [
      'Posted on November 25, 2024December 3, 2024 in College of Health Sciences, General, Healthcare, Master of Science in Applied Nutrition & Dietetics, Master of Science in Nutrition & Human Performance, Online Resources',
      'taxonomy'
    ],
    ['« Previous Post', 'post-navigation'],
    ['Next post: A winter walk along the canal', 'post-navigation'],
    ['← The Three Becks circuit in the snow', 'post-navigation'],
    ['Planting garlic in November ›', 'post-navigation']
  ])('removes %j as %s', (line, rule) => {
    expect(ruleFor(line)).toBe(rule)
  })

  it.each([
    'By the end of the year, the council expects to have spent the whole of its budget on the scheme.',
    'May 2024 was the wettest month on record for the county, according to the Met Office.',
    'Next, fold the flour into the butter until no dry streaks remain.',
    'Previously, the team had worked out of a shared office in the old mill.',
    'Taylor Swift was born on December 13, 1989 in Reading, Pennsylvania.',
    'April 18, 2024 in Princess Cruises',
    'On July 19, 1951, in the Tribune under the title "Rhodes\' Wards Hawk Global Scheme", we quote:',
    'Posted on March 4, 2024 in response to readers, who asked what the council had decided about the Old Mill Library, Tuesday Market and the ring road',
    'You may 14 times in a row',
    'Results: 27/05 of the votes',
    '$99.83 - $220.00',
    '10–49 15.00',
    '« Nous étions là avant le pont », dit-elle.',
    'Heat the oven → mix the dry ingredients → fold in the butter until smooth.'
  ])('keeps prose: %j', (line) => {
    expect(ruleFor(line)).toBeUndefined()
  })

  it('removes an author name beside a dateline', () => {
    const blocks = classify(['Rosalind Achebe', 'Published 6:00 AM EDT, Sun October 13, 2024', prose[0]].join('\n'), [dechaffMetadata])
    expect(ruleOf(blocks, 'Rosalind Achebe')).toBe('byline')
  })

  it('removes a dateline above the article whatever else it holds (a source, a URL), in any script', () => {
    const lines = ['Council extends the library pilot', 'http://www.example.cn 2012年01月17日 21:22 新浪财经微博', 'Staff reporter Jane Doe / Leeds 2012-01-17 A A A']
    const blocks = classify([...lines, ...prose].join('\n'), [dechaffMetadata])
    expect(ruleOf(blocks, lines[1] as string)).toBe('dateline')
    expect(ruleOf(blocks, lines[2] as string)).toBe('dateline')
    expect(ruleOf(blocks, lines[0] as string)).toBeUndefined()
  })

  it('keeps dated lines above the article that are a schedule, and dated lines below its start', () => {
    const schedule = ['September 10 12pm- 1pm Room 217 Carrie Menke, Ph.D', 'September 17 12pm- 1pm Room 217 Carrie Menke, Ph.D', 'September 24 12pm- 1pm Room 217 Carrie Menke, Ph.D']
    const blocks = classify([...schedule, ...prose, 'Born 8-9-1770, Orange County, North Carolina'].join('\n'), [dechaffMetadata])
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })

  it('records bylines without removing them when told to keep them (a forum’s post heads), and keeps prose unrecorded', () => {
    const blocks = classify(['Rosalind Achebe', 'Published 6:00 AM EDT, Sun October 13, 2024', prose[0]].join('\n'), [[dechaffMetadata, {remove: false}]])
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
    expect(blocks.map((block) => block.metadataLine?.ruleId)).toEqual(['byline', 'byline', undefined])
  })
})
