import {describe, expect, it} from 'vitest'
import {furnitureLexiconFor, furnitureLanguageCodes, Lexicon, patternShape, sentenceCore} from '../src/lexicon.js'
import {defaults} from '../src/thresholds.js'

const characters = (first: Set<number> | undefined): string[] | undefined => (first ? [...first].map((code) => String.fromCodePoint(code)).sort() : undefined)

describe('patternShape', () => {
  it('lists the characters a match can start with, through groups, optional parts and anchors', () => {
    expect(characters(patternShape('(skip|jump) to (main )?content').first)).toEqual(['j', 's'])
    expect(characters(patternShape('(a|b)?c[xy]').first)).toEqual(['a', 'b', 'c'])
    expect(characters(patternShape('^\\b(?:[«‹] )?next').first)).toEqual(['n', '«', '‹'])
    expect(patternShape('\\d+ comments?').first?.size).toBe(10)
  })

  it('says any character where a match can start with anything', () => {
    expect(patternShape('[^.]{0,80} all rights reserved').first).toBeUndefined()
    expect(patternShape('(\\d{4} )?.* reserved').first).toBeUndefined()
    expect(patternShape('\\p{Lu}\\w+').first).toBeUndefined()
  })

  it('finds literal text every match holds, the longest it can be sure of', () => {
    expect(patternShape('[^.]{0,80} all rights reserved').needs).toEqual([' all rights reserved'])
    expect(patternShape('(skip|jump) to (main )?content').needs).toEqual(['content'])
    expect(patternShape('[^.]{0,60}(we|i) recommend(ed)? it').needs).toEqual([' recommend'])
    expect(patternShape('(contains?|may contain|uses?) links').needs).toEqual([' links'])
    expect(patternShape('(foo|barbaz)?x').needs).toBeUndefined()
  })

  it('says nothing of syntax it cannot read', () => {
    expect(patternShape('(unclosed')).toEqual({first: undefined, needs: undefined})
  })
})

describe('Lexicon', () => {
  /** Every pattern tested: what the lexicon's tests of the patterns a sentence could match must agree with. */
  function bruteForce(lexicon: Lexicon, sentence: string): string | undefined {
    const core = sentenceCore(sentence)
    if (core.length === 0 || core.length > defaults.phrases.sentenceMaxChars) return undefined
    return lexicon.rules.find((rule) => rule.patterns.some((pattern) => pattern.test(core)))?.ruleId
  }

  const sentences = [
    'skip to main content',
    '© 2024 example media ltd. all rights reserved.',
    'copyright 2024 all rights reserved',
    'this post may contain affiliate links.',
    '12 comments',
    'leave a reply',
    'the council met on tuesday to discuss the budget, and all rights were reserved for later.',
    'read more: how the council spent its budget',
    'alle rechte vorbehalten',
    'все права защищены',
    '版权所有',
    'share this:',
    '»',
    'a',
    '3',
    'we use cookies to improve your experience on our site.'
  ]

  it.each(['en', ...furnitureLanguageCodes])('matches what testing every pattern matches (%s)', (code) => {
    const lexicon = new Lexicon(furnitureLexiconFor(code))
    for (const sentence of sentences) expect(lexicon.matchSentence(sentence)?.ruleId, sentence).toBe(bruteForce(lexicon, sentence))
  })

  it('matches patterns that start anywhere or need no literal text', () => {
    const lexicon = new Lexicon({rules: {anywhere: {reason: 'test', patterns: ['.{0,10}end', '\\p{L}+ \\d+', 'x?']}}})
    expect(lexicon.matchSentence('the end')?.ruleId).toBe('anywhere')
    expect(lexicon.matchSentence('page 2')?.ruleId).toBe('anywhere')
    expect(lexicon.matchSentence('x')?.ruleId).toBe('anywhere')
    expect(lexicon.matchSentence('no match here')).toBeUndefined()
  })

  it('matches a block whose matching sentences hold the share of its text asked for, and says so', () => {
    const sentences = ['редакция не несет ответственности за достоверность информации, содержащейся в рекламных объявлениях.', 'редакция не предоставляет справочной информации.']
    const words = sentences.join(' ').split(/[^\p{L}]+/u).filter(Boolean)
    expect(new Lexicon(furnitureLexiconFor('ru')).matchBlock(sentences, words)).toBeUndefined()
    const match = new Lexicon(furnitureLexiconFor('ru'), {minMatchedShare: 0.5}).matchBlock(sentences, words)
    expect(match?.ruleId).toBe('legal')
    expect(match?.reason).toContain('1 of its 2 sentences')
    expect(new Lexicon(furnitureLexiconFor('ru'), {minMatchedShare: 0.8}).matchBlock(sentences, words)).toBeUndefined()
  })

  it('matches a row of controls whose every part is furniture, and no row with a part that is not', () => {
    const lexicon = new Lexicon(furnitureLexiconFor('en'))
    expect(lexicon.matchBlock(['jump to recipe · print recipe'], ['jump', 'to', 'recipe', 'print', 'recipe'])?.ruleId).toBe('skip-link')
    expect(lexicon.matchBlock(['share | print recipe'], ['share', 'print', 'recipe'])?.ruleId).toBe('share-row')
    expect(lexicon.matchBlock(['print recipe · the council voted to extend the pilot'], ['print', 'recipe', 'the', 'council', 'voted', 'to', 'extend', 'the', 'pilot'])).toBeUndefined()
  })
})
