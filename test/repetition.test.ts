import {describe, expect, it} from 'vitest'
import {dechaffRepetition} from '../src/index.js'
import {classify, prose} from './helpers.js'

describe('repetition', () => {
  it('removes a later copy of a heading', () => {
    const blocks = classify(['Brown Butter Oat Bars', prose[0], 'Brown Butter Oat Bars', prose[1]].join('\n'), [dechaffRepetition])
    expect(blocks.map((block) => block.removal?.ruleId)).toEqual([undefined, undefined, 'repetition', undefined])
  })

  it('keeps repeated sentences and short repeated headings', () => {
    const quote = '"It is a road. We do not ask roads to make a profit."'
    const blocks = classify([quote, prose[0], quote, 'Notes', prose[1], 'Notes'].join('\n'), [dechaffRepetition])
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })
})
