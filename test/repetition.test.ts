import {describe, expect, it} from 'vitest'
import {dechaffRepetition} from '../src/index.js'
import {classify, prose} from './helpers.js'

describe('repetition', () => {
  it('removes a later copy of a heading', () => {
    const blocks = classify(['Brown Butter Oat Bars', prose[0], 'Brown Butter Oat Bars', prose[1]].join('\n'), [dechaffRepetition])
    expect(blocks.map((block) => block.removal?.ruleId)).toEqual([undefined, undefined, 'repetition', undefined])
  })

  it('keeps the headline that heads the article though a list of recent posts above it names it too', () => {
    const headline = 'Council pilot scheme extended for two years'
    const text = ['Recent site activity', headline, 'edited by Jane Hale', 'Meet the new library director', 'created by Jane Hale', 'Curiosity has landed on Mars', 'View All', 'News and Updates', headline, 'posted Aug 7, 2012 by Jane Hale', ...prose].join('\n\n')
    const blocks = classify(text, [dechaffRepetition])
    const copies = blocks.filter((block) => block.text === headline)
    expect(copies.map((block) => block.evidence.title)).toEqual([undefined, true])
    expect(copies.map((block) => block.removal?.ruleId)).toEqual([undefined, undefined])
  })

  it('keeps repeated sentences and short repeated headings', () => {
    const quote = '"It is a road. We do not ask roads to make a profit."'
    const blocks = classify([quote, prose[0], quote, 'Notes', prose[1], 'Notes'].join('\n'), [dechaffRepetition])
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })

  it('removes both copies of a menu that the page repeats', () => {
    const menu = ['Home\nAbout\nArizona Sessions\nBoston Sessions\nContact']
    const blocks = classify([...menu, 'Schedule', ...menu, 'October 19: Washington DC', prose[0], prose[1]].join('\n\n'), [dechaffRepetition])
    const rules = blocks.map((block) => block.removal?.ruleId)
    expect(rules.slice(0, 5)).toEqual(Array(5).fill('repetition'))
    expect(rules.slice(6, 11)).toEqual(Array(5).fill('repetition'))
    expect(rules.slice(11)).toEqual([undefined, undefined, undefined])
  })

  it('keeps a repeated ingredient list that runs into the method', () => {
    const ingredients = '2 cups flour\n1 tsp salt\n3 eggs\n1 cup milk'
    const method =
      'Whisk the flour and salt together in a large bowl, make a well in the middle, then beat in the eggs and the milk a little at a time until the batter is smooth.'
    const blocks = classify(['Pancakes', ingredients, method, 'Printable recipe', ingredients, method].join('\n'), [dechaffRepetition])
    expect(blocks.filter((block) => block.removal?.reason.includes('menu'))).toEqual([])
  })

  it('keeps a code sample the page shows twice, as an example and again in the result it renders', () => {
    const sample = ['<table class="standard-table">', '<tr><th>Browser</th><th>Since</th></tr>', '<tr><td>Chrome</td><td>21</td></tr>', '<tr><td>Firefox</td><td>28</td></tr>', '</table>'].join('\n')
    const blocks = classify(['Tables', prose[0], 'HTML', sample, 'Result', prose[1], 'HTML', sample, 'Styling tables'].join('\n\n'), [dechaffRepetition])
    expect(blocks.filter((block) => block.removal?.reason.includes('menu'))).toEqual([])
  })

  it('keeps repeated short paragraphs that are not a run of menu lines', () => {
    const blocks = classify([prose[0], 'link', 'link', 'link', 'link', prose[1], 'link', 'link'].join('\n\n'), [dechaffRepetition])
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })
})
