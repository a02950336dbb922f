import {describe, expect, it} from 'vitest'
import {dechaffCommentThread, dechaffMainRegion, dechaffMetadata, dechaffPhrases, dechaffQuality, dechaffSettle} from '../src/index.js'
import {classify, prose} from './helpers.js'

const plugins = [dechaffPhrases, dechaffMetadata, dechaffQuality, dechaffCommentThread, dechaffMainRegion, dechaffSettle]

/** The article: a title, then six paragraphs of prose with a subheading. */
const article = [
  'Library extends its evening hours after a year of rising visits',
  ...prose,
  'What happens next',
  'The library will publish its visitor figures every quarter, so that residents can see for themselves whether the longer hours are being used.',
  'Staff said the busiest hour of the new evening slot had been the one straight after schools close, when parents and children arrive together.',
  'A second branch on the east side of the town is expected to follow with its own trial early next year, if the budget allows for it.'
]

const sidebar = ['Most popular', 'Council tax rises approved', 'Bus route 12 to be cut', 'Weather', 'Sport', 'Letters', 'Puzzles', 'Archive', 'Jobs', 'Contact', 'Advertise', 'Terms']

function kept(text: string): string[] {
  return classify(text, plugins)
    .filter((block) => block.verdict?.keep)
    .map((block) => block.text)
}

describe('main-region', () => {
  it('drops a blurb and the menu lines far below the article, which a good neighbour would otherwise keep', () => {
    const menu = ['Most popular this week', 'Council tax rises approved', 'Bus route 12 to be cut back', 'Weather for the weekend', 'Sport and leisure', 'Letters to the editor', 'Puzzles and crosswords', 'Archive of past issues', 'Contact the newsroom', 'Advertise with us', 'Jobs at the paper', 'Terms and conditions']
    const blurb = 'Readers can now renew their books online at any hour of the day, using the same card number they use at the desk in the library.'
    const text = [...article, ...menu, blurb].join('\n\n')
    const lines = kept(text)
    expect(lines).toEqual(expect.arrayContaining(article))
    expect(lines).not.toContain(blurb)
    expect(lines).not.toContain('Terms and conditions')
    // Without the region the blurb vouches for the menu above it.
    const unregioned = classify(text, plugins.filter((plugin) => plugin !== dechaffMainRegion)).filter((block) => block.verdict?.keep)
    expect(unregioned.map((block) => block.text)).toContain(blurb)
  })

  it('demotes headline lines far above an article that is the page’s only run of prose, not the title above it', () => {
    const headlines = ['Council tax rises approved after a long debate', 'Bus route 12 to be cut back from next month', 'Weather for the weekend turns colder again', 'Sport: the town team wins its third match in a row', 'Letters: readers on the new parking charges', 'Puzzles and crosswords for the holidays', 'Ten things to do in the town this summer', 'Why the old market hall is being restored']
    const blocks = classify([...headlines, ...article].join('\n\n'), plugins)
    const outside = blocks.filter((block) => block.outsideArticle).map((block) => block.text)
    expect(outside).toContain(headlines[0])
    expect(outside).not.toContain(article[0])
    expect(blocks.filter((block) => article.includes(block.text)).every((block) => !block.outsideArticle)).toBe(true)
  })

  it('keeps an ingredient list between the introduction and the method', () => {
    const intro = 'This is the soup my grandmother made every winter, thick with barley and slow-cooked until the lamb falls apart at the touch of a spoon.'
    const ingredients = ['1 kg lamb neck', '200 g pearl barley', '2 onions, diced', '3 carrots, sliced', '1 ½ litres of stock', '2 bay leaves', '1 tsp salt', '½ tsp black pepper', '1 leek', '2 sticks of celery', '1 bunch of parsley', '4 potatoes']
    const method = [
      'Brown the lamb in a heavy pan over a high heat, in batches so that it colours rather than steams, and set it aside on a plate.',
      'Soften the onions, carrots and celery in the same pan for ten minutes, then return the lamb with the barley, the stock and the bay leaves.',
      'Simmer with the lid on for two hours, stirring now and then, until the barley is tender and the meat comes away from the bone.',
      'Add the potatoes and the leek for the last half hour, season well, and scatter with the parsley just before you bring it to the table.'
    ]
    const text = [intro, ...ingredients, ...method].join('\n\n')
    const lines = kept(text)
    for (const line of [intro, ...ingredients, ...method]) expect(lines).toContain(line)
  })

  it('leaves a page of several sections of equal weight alone', () => {
    const section = (topic: string): string[] => [
      `${topic} questions`,
      `Our ${topic} team answers questions from readers every week, and the most common ones are collected here so that you can find them quickly.`,
      `If your question about ${topic} is not answered below, write to us with the details and we will reply within five working days.`
    ]
    const text = [...section('billing'), ...sidebar, ...section('delivery'), ...sidebar.map((line) => `${line} page`), ...section('returns')].join('\n\n')
    const blocks = classify(text, plugins)
    expect(blocks.some((block) => block.outsideArticle)).toBe(false)
  })
})
