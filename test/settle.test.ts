import {describe, expect, it} from 'vitest'
import {clean, dechaffPhrases, dechaffSettle, type Block, type Root} from '../src/index.js'
import {blocksOf} from '../src/tree.js'
import {classify, prose} from './helpers.js'

const kept = (text: string): string[] => clean(text).blocks.filter((block) => block.kept).map((block) => block.text)

describe('settle', () => {
  it('keeps short headings and list items between good paragraphs', () => {
    const text = [prose[0], 'What you need', '2 cups flour', '1 tsp salt', prose[1], 'Method', prose[2]].join('\n')
    expect(kept(text)).toEqual([prose[0], 'What you need', '2 cups flour', '1 tsp salt', prose[1], 'Method', prose[2]])
  })

  it('keeps the title above the article and drops the site name above it', () => {
    const text = ['Harbour Gazette', 'Council votes to extend the library pilot for two more years', 'By Jane Smith', ...prose].join('\n')
    expect(kept(text)).toEqual(['Council votes to extend the library pilot for two more years', ...prose])
  })

  it('drops short lines between furniture at the page edges', () => {
    const text = [...prose, 'Share this:', 'Popular', 'Contact'].join('\n')
    expect(kept(text)).toEqual(prose)
  })

  it('reports the page type, then every removal, as a message with a rule and a place', () => {
    const result = clean(['Skip to main content', ...prose, 'Leave a Reply'].join('\n'))
    expect(result.messages.map((message) => [message.ruleId, message.source, message.line])).toEqual([
      ['page-type', 'dechaff', 1],
      ['skip-link', 'dechaff', 1],
      ['comment-form', 'dechaff', 5]
    ])
  })

  it('looks through a removed caption between article lines', () => {
    const html = `<body><article><p>${prose[0]}</p><figure><img src="a.jpg"><figcaption>The ferry leaving the slipway at dawn, in 1962.</figcaption></figure>
      <p>Then it stopped.</p><figure><img src="b.jpg"><figcaption>The same slipway today, overgrown with brambles.</figcaption></figure><p>${prose[1]}</p></article></body>`
    expect(clean(html, {input: 'html'}).blocks.find((block) => block.text === 'Then it stopped.')?.kept).toBe(true)
  })

  it('keeps the whole of a page that has neither prose nor furniture, and nothing of a page of furniture', () => {
    expect(clean('<body><p>abc</p><p>def</p></body>', {input: 'html'}).text.trim()).toBe('abc\n\ndef')
    expect(clean(['Skip to main content', 'Log in', 'Subscribe to our newsletter'].join('\n')).text.trim()).toBe('')
  })

  it('returns a page with no furniture unchanged', () => {
    const text = `Why we still mend things\n\n${prose.join('\n\n')}\n`
    expect(clean(text).text).toBe(text)
  })
})

describe('settle: the model’s last resort', () => {
  /** A stand-in for the block model's verdicts: every block weighed, removed unless `keep` says so, with the given probabilities of content. */
  const weighed = (probabilities: number[], keep: boolean[] = []) => () => (tree: Root) => {
    blocksOf(tree).forEach((node, index) => {
      node.data.block.model = {probability: probabilities[index] ?? 0, keep: keep[index] ?? false, evidence: []}
    })
  }
  const verdicts = (blocks: Block[]) => blocks.map((block) => [block.verdict?.keep, block.verdict?.ruleId])

  it('keeps the blocks the model found more likely content than not when every verdict removed the page', () => {
    const blocks = classify(['Skip to main content', ...prose].join('\n'), [dechaffPhrases, weighed([0.9, 0.62, 0.3, 0.55]), dechaffSettle])
    expect(verdicts(blocks)).toEqual([[false, 'skip-link'], [true, 'model-last-resort'], [false, 'block-model'], [true, 'model-last-resort']])
  })

  it('leaves the model’s removals alone on a page where it keeps something', () => {
    const blocks = classify(['Skip to main content', ...prose].join('\n'), [dechaffPhrases, weighed([0.9, 0.62, 0.9, 0.55], [false, false, true, false]), dechaffSettle])
    expect(verdicts(blocks)).toEqual([[false, 'skip-link'], [false, 'block-model'], [true, 'block-model'], [false, 'block-model']])
  })
})
