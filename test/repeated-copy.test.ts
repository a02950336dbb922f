import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {markRemovedAfterModel} from '../src/tree.js'
import type {Block} from '../src/types.js'
import {prose} from './helpers.js'

/** Each block's rule and whether it is kept, by the hand-set rules (no block model), for a text page. */
function verdicts(lines: string[]): Array<[string, boolean, string]> {
  return clean(lines.join('\n\n'), {input: 'text', model: false}).blocks.map((block) => [block.text.slice(0, 30), block.kept, block.ruleId])
}

describe('repeated-copy', () => {
  const title = 'Council extends the library pilot'

  it('removes a second copy of the article, block for block in the same order, and keeps the first', () => {
    const rules = verdicts([title, ...prose, 'Share this story', ...prose])
    expect(rules.slice(1, 4).map(([, kept]) => kept)).toEqual([true, true, true])
    expect(rules.slice(-3).map(([, kept, rule]) => [kept, rule])).toEqual(Array(3).fill([false, 'repeated-copy']))
  })

  it('leaves one paragraph repeated alone (a pull quote) and a paragraph repeated over and over (a test page’s filler)', () => {
    const single = verdicts([title, prose[0] as string, prose[1] as string, prose[0] as string, prose[2] as string])
    expect(single.every(([, , rule]) => rule !== 'repeated-copy')).toBe(true)
    const filler = verdicts([title, ...Array(4).fill(prose[1] as string)])
    expect(filler.every(([, , rule]) => rule !== 'repeated-copy')).toBe(true)
  })

  it('removes a paragraph repeated alone on a product or collection page (a description in a tab and again in an accordion), not on an article', () => {
    const description = 'Hand-stitched from full-grain leather, the bag softens with use and holds a fifteen-inch laptop beside the day’s papers.'
    const lines = ['Harbour Leather Satchel', description, 'Material: full-grain leather', 'Dimensions: 40 × 30 × 12 cm', description]
    const rules = (pageType: 'product' | 'collection' | 'article'): string[] => clean(lines.join('\n\n'), {input: 'text', model: false, pageType}).blocks.filter((block) => block.text === description).map((block) => block.ruleId)
    expect(rules('product')[1]).toBe('repeated-copy')
    expect(rules('collection')[1]).toBe('repeated-copy')
    expect(rules('product')[0]).not.toBe('repeated-copy')
    expect(rules('article')).not.toContain('repeated-copy')
  })

  it('replaces a removal the block model overruled (a print copy a DOM hint removed and the model kept), not one it did not weigh', () => {
    const hint = {ruleId: 'dom-hint', reason: 'inside <div print layer> (print)', score: 0.6}
    const copy = {ruleId: 'repeated-copy', reason: 'a second copy of the text above', score: 0.9}
    const overruled = {removal: hint, model: {probability: 0.9, keep: true, evidence: [], weighed: hint}} as unknown as Block
    markRemovedAfterModel(overruled, copy)
    expect(overruled.removal).toBe(copy)
    const unweighed = {removal: hint} as unknown as Block
    markRemovedAfterModel(unweighed, copy)
    expect(unweighed.removal).toBe(hint)
    const kept = {} as Block
    markRemovedAfterModel(kept, copy)
    expect(kept.removal).toBe(copy)
  })

  it('takes its thresholds as options', () => {
    const rules = clean([title, ...prose, 'Share this story', ...prose].join('\n\n'), {input: 'text', model: false, classifiers: {'repeated-copy': {minParagraphs: 4}}}).blocks
    expect(rules.some((block) => block.ruleId === 'repeated-copy')).toBe(false)
  })
})
