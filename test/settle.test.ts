import {unified, type Plugin} from 'unified'
import {describe, expect, it} from 'vitest'
import {blocksOf, clean, dechaffParseText, dechaffPhrases, dechaffQuality, dechaffSettle, markRemoved, type Block, type PageType, type Root} from '../src/index.js'
import {handKept, keptBeforeSettling} from '../src/settle.js'
import {classify, prose} from './helpers.js'

const kept = (text: string): string[] => clean(text).blocks.filter((block) => block.kept).map((block) => block.text)

describe('settle', () => {
  it('reads the hand-set verdict as settling without the model gives it: on a page not taken for an article that would keep almost nothing, every block no rule removed', () => {
    const items = ['Walnut desk lamp', 'Linen armchair', 'Oak side table', 'Wool rug', 'Cart (0)']
    const blocks = classify(items.join('\n'), [])
    markRemoved(blocks[4] as Block, {ruleId: 'shop-control', reason: 'a cart control', score: 1})
    expect(handKept(blocks, 'article')).toEqual([false, false, false, false, false])
    expect(handKept(blocks, 'collection')).toEqual([true, true, true, true, false])
    // Too few to be a list's items, or a page that keeps prose: the quality classes stand.
    expect(handKept(classify(items.slice(0, 2).join('\n'), []), 'collection')).toEqual([false, false])
    const withProse = classify([prose[0], 'Contact us', ...items.slice(0, 3)].join('\n'), [dechaffQuality])
    expect(handKept(withProse, 'collection')).toEqual(handKept(withProse, 'article'))
    expect(handKept(withProse, 'collection')[0]).toBe(true)
  })

  it('tells what is kept before settling as settling will: protection, then the model, then a removal, then the hand-set classes', () => {
    const lastParagraph = 'The library will open on Sundays from next month, and the mobile van will visit the outlying villages twice a week instead of once.'
    const blocks = classify([prose[0], prose[1], prose[2], 'Contact us', lastParagraph].join('\n'), [dechaffQuality])
    const [protectedBlock, modelKept, laterRemoved, removed] = blocks as [Block, Block, Block, Block]
    const weighed = {ruleId: 'navigation', reason: 'a menu', score: 1}
    // The model removes a block a rule protects: the protection stands.
    protectedBlock.protection = {ruleId: 'keep', reason: 'a phrase the caller keeps', score: 1}
    protectedBlock.model = {probability: 0.1, keep: false, evidence: []}
    // The model keeps a block a rule removed before it ran.
    markRemoved(modelKept, weighed)
    modelKept.model = {probability: 0.9, keep: true, evidence: [], weighed}
    // A caller's classifier removes, after the model, a block the model kept.
    laterRemoved.model = {probability: 0.9, keep: true, evidence: []}
    markRemoved(laterRemoved, {ruleId: 'custom', reason: 'the caller’s furniture', score: 1})
    markRemoved(removed, weighed)
    // The last paragraph, which nothing decided, is the hand-set classes' to keep.
    expect(keptBeforeSettling(blocks, 'article')).toEqual([true, true, false, false, true])
  })

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
    tree.data = {...tree.data, pageType: {type: 'article', confidence: 0.9, evidence: []}}
    blocksOf(tree).forEach((node, index) => {
      if (!node.data.block.removal) node.data.block.model = {probability: probabilities[index] ?? 0, keep: keep[index] ?? false, evidence: []}
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

describe('settle on a page that would keep almost nothing', () => {
  const items = ['Show HN: A terminal spreadsheet (github.com)', '12 points by ada 3 hours ago', 'A field guide to mosses (example.org)', '8 points by lin 5 hours ago', 'Why ferries run late (example.net)', '5 points by sam 6 hours ago']
  const menu = 'new | past | comments | ask | show | jobs'

  /** Settle a page of short lines the block model weighed at 0.4, none sure enough to keep (nor at even odds), under a menu a classifier removed. */
  const settled = (type: PageType | undefined, lines: string[] = items): string[] => {
    const weigh: Plugin<[], Root> = () => (tree) => {
      if (type) tree.data = {...tree.data, pageType: {type, confidence: 0.6, evidence: []}}
      for (const node of blocksOf(tree)) {
        const block = node.data.block
        if (block.text === menu) markRemoved(block, {ruleId: 'navigation', reason: 'menu', score: 1})
        else block.model = {probability: 0.4, keep: false, evidence: []}
      }
    }
    const processor = unified().use(dechaffParseText).use(weigh).use(dechaffSettle)
    const tree = processor.runSync(processor.parse([menu, ...lines].join('\n\n'))) as Root
    return blocksOf(tree).filter((node) => node.data.block.verdict?.keep).map((node) => node.data.block.text)
  }

  it('keeps the blocks the model found likeliest on a listing, from a lower probability', () => {
    expect(settled('listing')).toEqual(items)
  })

  it('leaves an article empty: it is cleaned again as its likeliest other type', () => {
    expect(settled('article')).toEqual([])
  })

  /** A blog post above a thread of `count` comments, each a name, a dateline and a reply (every fourth a long one). */
  const commenters = ['Ann Marsh', 'Tom', 'Priya', 'Leo Hart', 'Maja', 'Sam Reed', 'Ines', 'Kofi', 'Rita Vale', 'Jon', 'Eva Lind', 'Omar', 'Zoe', 'Ravi Shah', 'Nell', 'Ada', 'Bo Chen', 'Cyd', 'Dev', 'Elle']
  const replies = ['Love this! The otters look so happy!', 'Great counting, well done to everyone!', 'Eleven! Amazing!', 'So lovely to see the river back.', 'Beautiful photos, thank you!', 'Wow, the cubs!', 'This made my morning.']
  const longReply = 'I grew up by that weir and never once saw an otter there as a child; it is wonderful to read that the river has come back so far, and that the cubs are fishing on their own already. We will come and count with you next spring.'
  const postAboveThread = (page: {menu: string; headline: string; post: string; count: number; dateSeparator: string}): string => {
    const thread = commenters.slice(0, page.count).flatMap((name, index) => [name, `April ${2 + (index % 5)}, 2024${page.dateSeparator}| Permalink`, '', index % 4 === 3 ? longReply : (replies[index % replies.length] as string), ''])
    return ['River Notes', page.menu, '', page.headline, '', page.post, '', `${page.count} Comments`, '', ...thread].join('\n')
  }

  /** The cleaned page of a post above its thread, checked to be an article's that keeps the post and not the thread's long reply. */
  const cleanedPostAboveThread = (page: Parameters<typeof postAboveThread>[0]) => {
    const result = clean(postAboveThread(page))
    expect(result.pageType?.type).toBe('article')
    expect(result.text).toContain(page.post)
    expect(result.text).not.toContain(longReply)
    return result
  }

  it('keeps a short post above a long comment thread, which the model finds too lonely to keep, and not the thread', () => {
    const post = 'We walked the upper river at dawn last Sunday and counted eleven otters between the mill and the weir, more than in any spring since the survey began, and the cubs were already fishing on their own.'
    const result = cleanedPostAboveThread({menu: 'Home  About  Contact', headline: 'Eleven otters on the upper river', post, count: 15, dateSeparator: ' '})
    expect(result.text).not.toContain('Love this!')
    expect(result.blocks.find((block) => block.text === post)?.reason).toMatch(/short post above its comment thread/u)
  })

  it('keeps a post shorter than a paragraph above twenty comments, and does not clean the page again as another type', () => {
    const post = 'We counted eleven otters on the upper river at dawn, more than in any spring since the survey began.'
    cleanedPostAboveThread({menu: 'About / Contact', headline: 'UPPER RIVER OTTERS', post, count: 20, dateSeparator: ', '})
  })

  /** A dump of a photo blog's post: a headline, a line naming its category and time, the post's `lines`, an empty comment section and a sidebar. */
  const photoPost = (lines: string[]): string => {
    const sidebar = ['Curious about this blog?', 'Articles', 'Submit a photo!', 'Categories', 'film', 'harbours', 'night', 'portraits', 'quotes', 'travel', 'Archives', 'November 2012', 'October 2012', 'September 2012', 'August 2012', 'July 2012', 'June 2012', 'May 2012', 'April 2012']
    const section = ['Comments (0)', '0 Comments »', 'No comments yet.', 'RSS feed for comments on this post. TrackBack URI', 'Leave a comment', 'Name (required)', 'Mail (will not be published) (required)', 'Website']
    return ['Harbour Lights', 'photos — tidewatcher @ 21:12', ...lines, ...section, ...sidebar].join('\n\n')
  }

  it('keeps a post of one line above an empty comment section when nothing else would be kept, and cleans the page as an article', () => {
    const post = 'A quiet evening on the quay, shot on an old film camera borrowed from a friend'
    const result = clean(photoPost([post]), {input: 'text'})
    expect(result.pageType?.type).toBe('article')
    expect(result.text.split('\n\n').map((line) => line.trim())).toEqual(['Harbour Lights', 'photos — tidewatcher @ 21:12', post])
    expect(result.blocks.find((block) => block.text === post)?.reason).toMatch(/short post right above its comment section/u)
  })

  it('keeps no lines above an empty comment section when none of them says anything', () => {
    expect(clean(photoPost(['Quay', 'Film', 'Dusk']), {input: 'text'}).text).toBe('')
  })

  it('leaves a page of fewer lines than a list has items empty (an error page)', () => {
    expect(settled('listing', ['Oops! That page can’t be found.', 'It looks like nothing was found at this location.'])).toEqual([])
  })

  it('keeps the lines only the quality classes removed on a shop grid the model did not weigh, and not those a classifier removed', () => {
    const html = `<body><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav><main><ul class="product-grid">
      <li><a href="/p/1">Beeswax taper candles, pair</a> <span>£12</span></li>
      <li><a href="/p/2">Soy pillar candle, large</a> <span>£18</span></li>
      <li><a href="/p/3">Glass hurricane lantern</a> <span>£30</span></li></ul></main>
      <footer><p>Skip to main content</p></footer></body>`
    const result = clean(html, {input: 'html', pageType: 'collection'})
    expect(result.text).toContain('Soy pillar candle, large')
    expect(result.text).not.toContain('Skip to main content')
  })
})
