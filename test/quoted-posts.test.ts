import {describe, expect, it} from 'vitest'
import {clean, dechaffPageType, dechaffQuotedPosts, type CleanOptions} from '../src/index.js'
import {classify} from './helpers.js'

const question = 'My laptop fan runs at full speed as soon as the system boots, even when nothing else is running in the background.'
const answer = 'Open the firmware settings and reset the fan curve to its defaults, then check whether a background process is keeping the processor busy.'
const followUp = 'That worked for me, thank you. The fan is quiet again after the reset and the processor is idle most of the time now.'

/** Each block's text and rule, cleaned by the hand-set rules (no block model) as a page of the given type. */
function rules(lines: string[], options: CleanOptions = {}): Array<[string, string]> {
  return clean(lines.join('\n\n'), {input: 'text', model: false, pageType: 'forum', ...options}).blocks.map((block) => [block.text, block.ruleId])
}

const ruleFor = (result: Array<[string, string]>, text: string, at: 'first' | 'last' = 'last'): string | undefined =>
  (at === 'first' ? result.find(([line]) => line === text) : result.findLast(([line]) => line === text))?.[1]

describe('quoted-posts', () => {
  it('removes a reply’s quotation of a post above, whole, and keeps the post', () => {
    const result = rules(['Fan at full speed after boot', question, answer, question, followUp])
    expect(ruleFor(result, question, 'first')).not.toBe('quoted-posts')
    expect(ruleFor(result, question)).toBe('quoted-posts')
    expect(ruleFor(result, followUp)).not.toBe('quoted-posts')
  })

  it('removes a quotation of part of a post, and a post quoted under the forum’s quote header', () => {
    const part = 'reset the fan curve to its defaults'
    const wrapped = `sam_k said: ${answer} Click to expand...`
    const result = rules(['Fan at full speed after boot', question, answer, part, followUp, wrapped, 'I tried that too, and it did not help on my machine at all, sadly.'])
    expect(ruleFor(result, part)).toBe('quoted-posts')
    expect(ruleFor(result, wrapped)).toBe('quoted-posts')
    expect(ruleFor(result, answer)).not.toBe('quoted-posts')
  })

  it('removes a quotation of a post of a few long words', () => {
    const short = 'Absolutely unbelievable, congratulations!'
    const blocks = classify([question, short, answer, short].join('\n\n'), [[dechaffPageType, {pageType: 'forum'}], dechaffQuotedPosts])
    expect(blocks.map((block) => block.removal?.ruleId)).toEqual([undefined, undefined, undefined, 'quoted-posts'])
  })

  it('leaves a line said again that is too short to quote, and a reply that only shares words with a post', () => {
    const result = rules(['Fan at full speed after boot', question, 'Same here!', answer, 'Same here!', 'My laptop fan also runs at full speed, but only when I plug in the charger.'])
    expect(result.every(([, rule]) => rule !== 'quoted-posts')).toBe(true)
  })

  it('leaves a heading that a line above holds: a thread’s title under the site’s', () => {
    const result = rules(['Laptop Help Forum: Fan at full speed after boot', 'Fan at full speed after boot', question, answer, followUp])
    expect(ruleFor(result, 'Fan at full speed after boot')).not.toBe('quoted-posts')
  })

  it('leaves a repeated paragraph on an article (a pull quote)', () => {
    const result = rules(['Fan at full speed after boot', question, answer, question, followUp], {pageType: 'article'})
    expect(result.every(([, rule]) => rule !== 'quoted-posts')).toBe(true)
  })

  it('takes its thresholds as options', () => {
    const part = 'reset the fan curve to its defaults'
    const result = rules(['Fan at full speed after boot', question, answer, part, followUp], {classifiers: {'quoted-posts': {minChars: 40}}})
    expect(ruleFor(result, part)).not.toBe('quoted-posts')
  })
})
