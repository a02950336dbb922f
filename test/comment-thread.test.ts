import {describe, expect, it} from 'vitest'
import {dechaffCommentThread, dechaffPhrases, dechaffQuality} from '../src/index.js'
import {classify, prose} from './helpers.js'

const plugins = [dechaffPhrases, dechaffQuality, dechaffCommentThread]

describe('comment-thread', () => {
  it('removes the thread below the article, from its header to the end', () => {
    const text = [
      ...prose,
      '5 thoughts on “A walk along the canal”',
      'Margaret says:',
      'January 22, 2024 at 9:14 am',
      'What a lovely write-up. We walked the same stretch last summer and the kingfishers were out in force all the way to the lock.',
      'Reply',
      'Tom Hollis says:',
      'I grew up by that canal and it is wonderful to read about it again after so many years away from the north.',
      'Reply'
    ].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.slice(0, 3).every((block) => block.removal === undefined)).toBe(true)
    expect(blocks.slice(3).every((block) => block.removal !== undefined)).toBe(true)
    expect(blocks[6]?.removal?.ruleId).toBe('comment-thread')
  })

  it('keeps an article that only talks about comments', () => {
    const text = [
      ...prose,
      'Comments sections used to be where readers argued with each other; now most of that happens on social media, and many sites have closed theirs.',
      'One editor said that moderating comments took more of her time than editing the articles themselves.'
    ].join('\n')
    const blocks = classify(text, plugins)
    expect(blocks.every((block) => block.removal === undefined)).toBe(true)
  })
})
