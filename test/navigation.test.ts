import {describe, expect, it} from 'vitest'
import {dechaffNavigation} from '../src/index.js'
import {classify, prose, ruleOf} from './helpers.js'

describe('navigation', () => {
  it.each([
    'Home > Health > Nutrition',
    'Forums › Hardware › Laptops',
    'Home | News | Sport | Weather',
    'Culture   Ideas   Places   Podcast   Shop',
    'News Sport Business Politics Culture'
  ])('removes the menu or breadcrumb %j', (line) => {
    expect(ruleOf(classify([line, prose[0]].join('\n'), [dechaffNavigation]), line)).toBe('navigation')
  })

  it('removes a section label above the article but not a heading inside it', () => {
    const blocks = classify(['Business', prose[0], 'Business', prose[1]].join('\n'), [dechaffNavigation])
    expect(blocks[0]?.removal?.ruleId).toBe('navigation')
    expect(blocks[2]?.removal).toBeUndefined()
  })

  it('removes a table of contents that repeats later headings, and keeps the headings', () => {
    const text = ['Contents', 'Getting started', 'Configuration', 'Deployment', prose[0], 'Getting started', prose[1], 'Configuration', prose[2], 'Deployment', prose[0]].join('\n')
    const blocks = classify(text, [dechaffNavigation])
    expect(blocks.slice(1, 4).map((block) => block.removal?.ruleId)).toEqual(['navigation', 'navigation', 'navigation'])
    expect(blocks.slice(4).every((block) => block.removal === undefined)).toBe(true)
  })

  it.each([
    '"Subscribe to our newsletter"',
    'Travel insurance is worth buying for any trip over a week.',
    'Pros and cons'
  ])('keeps %j', (line) => {
    expect(ruleOf(classify([prose[0], line, prose[1]].join('\n'), [dechaffNavigation]), line)).toBeUndefined()
  })
})
