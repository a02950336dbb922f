import {readFileSync} from 'node:fs'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {labelBlocks} from '../src/bench/block-labels.js'
import {fitTrees} from '../src/bench/fit-trees.js'
import {scoreTrees} from '../src/boosted-trees.js'
import {readsFeaturesInPlace, type BlockModel} from '../src/classifiers/block-model.js'
import {blockFeatures, blockFeatureValues, blocksOf, clean, contextFeatures, contextFeatureValues, dechaffParseText, dechaffQuality, DechaffConfigError, markRemoved, parseHtml, parseText, validateOptions, type Root} from '../src/index.js'
import {prose} from './helpers.js'

const menu = ['Home', 'World', 'Business', 'Sport', 'Culture', 'Travel']

/** An article page as a CMS writes it: a menu, the article, a sidebar of links, a skip link and a footer. */
function articlePage(): string {
  return `<!doctype html><html><head><title>Council extends the library pilot</title></head><body>
    <a href="#main">Skip to main content</a>
    <nav class="site-menu"><ul>${menu.map((item) => `<li><a href="/${item.toLowerCase()}">${item}</a></li>`).join('')}</ul></nav>
    <main id="main"><article><h1>Council extends the library pilot</h1>${prose.map((text) => `<p>${text}</p>`).join('')}</article></main>
    <aside class="sidebar"><h3>Most read</h3><ul>${['Rates rise again', 'New bridge opens', 'Storm warning for the coast'].map((title) => `<li><a href="/x">${title}</a></li>`).join('')}</ul></aside>
    <footer><p><a href="/about">About us</a> | <a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></p></footer></body></html>`
}

describe('block labels', () => {
  const gold = `Council extends the library pilot\n\n${prose.join('\n\n')}`

  it('labels blocks whose words are found in order in the gold as content', () => {
    expect(labelBlocks([prose[0] as string, prose[1] as string], gold)).toEqual([true, true])
  })

  it('labels a block mostly missing from the gold as boilerplate, though some of its words are there', () => {
    expect(labelBlocks(['Sign up for our newsletter to get the library news every week in your inbox'], gold)).toEqual([false])
  })

  it('labels a short line content only where it sits in the gold between its aligned neighbours', () => {
    const headline = 'Council extends the library pilot'
    const texts = ['Home', headline, prose[0] as string, 'Council', prose[1] as string]
    const labels = labelBlocks(texts, gold)
    expect(labels[0]).toBe(false)
    expect(labels[1]).toBe(true)
    // "Council" is in the gold, but not between the two paragraphs.
    expect(labels[3]).toBe(false)
  })

  it('labels a block with no words boilerplate', () => {
    expect(labelBlocks(['—', '|'], gold)).toEqual([false, false])
  })
})

describe('block features', () => {
  const names = blockFeatures.map((feature) => feature.name)

  it('gives every block of an HTML page one value per feature, with its DOM evidence', () => {
    const tree = parseHtml(articlePage())
    const rows = blockFeatureValues(tree)
    expect(rows.length).toBeGreaterThan(prose.length)
    for (const row of rows) expect(row.length).toBe(blockFeatures.length)
    const names = blockFeatures.map((feature) => feature.name)
    const texts = tree.children.map((node) => (node.data as {block?: {text: string}} | undefined)?.block?.text)
    const home = rows[texts.indexOf('Home')] as Float64Array
    expect(home[names.indexOf('hint-nav')]).toBe(1)
    expect(home[names.indexOf('element')]).toBe(1)
    const paragraph = rows[texts.indexOf(prose[0] as string)] as Float64Array
    expect(paragraph[names.indexOf('hint-nav')]).toBe(0)
    expect(paragraph[names.indexOf('words')]).toBeGreaterThan(home[names.indexOf('words')] as number)
  })

  it('reads text dumps with the same features, the DOM ones left at zero', () => {
    const rows = blockFeatureValues(parseText(`Home\n\n${prose.join('\n\n')}\n`))
    const names = blockFeatures.map((feature) => feature.name)
    for (const row of rows) {
      expect(row.length).toBe(blockFeatures.length)
      expect(row[names.indexOf('element')]).toBe(0)
      expect(row[names.indexOf('hinted')]).toBe(0)
    }
  })

  it('counts punctuation, digits and unspaced scripts by character, whatever the script: a code point beyond the BMP is one', () => {
    const lines = ['Prices rose 12% “this year” — 𝟕 days', '北京市今天宣布新的交通规定，共３条。', 'Plain words only here']
    const rows = blockFeatureValues(parseText(lines.join('\n\n')))
    const share = (row: Float64Array | undefined, name: string): number => row?.[names.indexOf(name)] as number
    const [mixed, chinese, plain] = lines
    // “ ” — % are not letters, numbers or spaces; 1 2 and the mathematical 𝟕 (two UTF-16 units, one character) are numbers.
    expect(share(rows[0], 'punctuation-share')).toBeCloseTo(4 / (mixed as string).length)
    expect(share(rows[0], 'digit-share')).toBeCloseTo(3 / (mixed as string).length)
    expect(share(rows[0], 'unspaced-share')).toBe(0)
    // Fifteen Han characters, a full-width digit, a full-width comma and full stop.
    expect(share(rows[1], 'unspaced-share')).toBeCloseTo(15 / (chinese as string).length)
    expect(share(rows[1], 'digit-share')).toBeCloseTo(1 / (chinese as string).length)
    expect(share(rows[1], 'punctuation-share')).toBeCloseTo(2 / (chinese as string).length)
    expect(share(rows[2], 'punctuation-share')).toBe(0)
    expect((plain as string).length).toBeGreaterThan(0)
  })

  it('counts the elements like a block’s own that each sit in a parent of their own: a grid’s cards, not an article’s paragraphs', () => {
    const cards = ['Walnut desk lamp', 'Linen armchair', 'Oak side table', 'Wool rug']
    const page = `<!doctype html><html><body><main><article>${prose.map((text) => `<p>${text}</p>`).join('')}</article>
      <div class="grid">${cards.map((name) => `<div class="card"><h2 class="card-title">${name}</h2></div>`).join('')}</div></main></body></html>`
    const tree = parseHtml(page)
    const rows = blockFeatureValues(tree)
    const at = names.indexOf('alike-parents')
    const texts = tree.children.map((node) => (node.data as {block?: {text: string}} | undefined)?.block?.text)
    expect(Math.expm1(rows[texts.indexOf('Oak side table')]?.[at] as number)).toBeCloseTo(cards.length)
    expect(Math.expm1(rows[texts.indexOf(prose[0] as string)]?.[at] as number)).toBeCloseTo(1)
    for (const row of blockFeatureValues(parseText(cards.join('\n')))) expect(row[at]).toBe(0)
  })

  it('reads the share of the page’s words the hand-set rules keep, and which blocks are the page’s repeated items', () => {
    const processor = unified().use(dechaffParseText).use(dechaffQuality)
    const tree = processor.runSync(processor.parse(`Home\n\n${prose.join('\n\n')}\n`)) as Root
    markRemoved(blocksOf(tree)[0]!.data.block, {ruleId: 'navigation', reason: 'a menu entry', score: 1})
    const rows = blockFeatureValues(tree)
    const share = rows[0]?.[names.indexOf('page-hand-kept-share')] as number
    expect(share).toBeGreaterThan(0.9)
    expect(share).toBeLessThan(1)
    blocksOf(tree)[1]!.data.block.inItemList = true
    expect(blockFeatureValues(tree).map((row) => row[names.indexOf('in-item-list')])).toEqual([0, 1, 0, 0])
  })

  it('reads the first stage’s probabilities along the page for the second', () => {
    const rows = contextFeatureValues([0.9, 0.1, 0.95], [40, 2, 50])
    expect(rows).toHaveLength(3)
    const names = contextFeatures.map((feature) => feature.name)
    const middle = rows[1] as Float64Array
    expect(middle[names.indexOf('previous-1-probability')]).toBeCloseTo(0.9)
    expect(middle[names.indexOf('next-1-probability')]).toBeCloseTo(0.95)
    expect(middle[names.indexOf('before-content')]).toBe(0)
    expect((rows[0] as Float64Array)[names.indexOf('previous-1-probability')]).toBe(0)
  })
})

describe('block-model classifier', () => {
  it('keeps the article, removes the menu and the sidebar, each with its probability and its evidence in words', () => {
    const result = clean(articlePage(), {input: 'html', model: true})
    for (const text of prose) expect(result.text).toContain(text)
    expect(result.text).not.toContain('Storm warning for the coast')
    expect(result.text).not.toMatch(/^Business$/mu)
    const paragraph = result.blocks.find((block) => block.text === prose[0])
    expect(paragraph?.ruleId).toBe('block-model')
    expect(paragraph?.probability).toBeGreaterThan(0.5)
    const removal = result.messages.find((message) => message.ruleId === 'block-model')
    expect(removal?.reason).toMatch(/^model: content 0\.\d\d; .+ [−+]\d+\.\d/u)
  })

  it('keeps a block the hand-set rules removed from `maxRemovedThreshold` when that is below its stored threshold, and leaves the blocks they keep to their own', () => {
    const removed = clean(articlePage(), {input: 'html', model: true}).blocks.find((block) => block.text === 'Storm warning for the coast')
    const probability = removed?.probability ?? 1
    expect(removed?.kept).toBe(false)
    const capped = (maxRemovedThreshold: number) => clean(articlePage(), {input: 'html', model: true, classifiers: {'block-model': {maxRemovedThreshold}}})
    expect(capped(probability - 0.001).blocks.find((block) => block.text === 'Storm warning for the coast')?.kept).toBe(true)
    expect(capped(probability + 0.001).blocks.find((block) => block.text === 'Storm warning for the coast')?.kept).toBe(false)
    expect(capped(probability - 0.001).blocks.find((block) => block.text === prose[0])?.kept).toBe(true)
  })

  it('removes a block the hand-set rules keep below `minKeptThreshold` when that is above its stored threshold, and leaves the blocks they remove to their own', () => {
    const kept = clean(articlePage(), {input: 'html', model: true}).blocks.find((block) => block.text === prose[0])
    const probability = kept?.probability ?? 0
    expect(kept?.kept).toBe(true)
    const raised = (minKeptThreshold: number) => clean(articlePage(), {input: 'html', model: true, classifiers: {'block-model': {minKeptThreshold}}})
    expect(raised(probability + 0.001).blocks.find((block) => block.text === prose[0])?.kept).toBe(false)
    expect(raised(probability - 0.001).blocks.find((block) => block.text === prose[0])?.kept).toBe(true)
    expect(raised(1).blocks.find((block) => block.text === 'Storm warning for the coast')?.kept).toBe(false)
  })

  it('asks `unstructuredMinKeptThreshold` of a block the hand-set rules keep on HTML, not of a heading, a table’s row or code, nor on a text dump', () => {
    const structure = ['Reactions', 'Opening hours: 9am to 8pm', 'npm install library-pilot']
    const page = articlePage().replace(`<p>${prose[1]}</p>`, `<h2>${structure[0]}</h2><p>${structure[2]}</p><p>${prose[1]}</p><table><tr><td>${structure[1]}</td></tr></table>`)
    const read = (unstructuredMinKeptThreshold?: number) => clean(page, {input: 'html', classifiers: {'block-model': unstructuredMinKeptThreshold === undefined ? {} : {unstructuredMinKeptThreshold}}})
    const kept = (result: ReturnType<typeof clean>, text: string) => result.blocks.find((block) => block.text === text)?.kept
    for (const text of [...structure, ...prose]) expect(kept(read(), text)).toBe(true)
    const strict = read(1)
    for (const text of prose) expect(kept(strict, text)).toBe(false)
    for (const text of structure) expect(kept(strict, text)).toBe(true)
    // A dump's paragraph the hand-set rules keep and the model doubts stays.
    const dump = readFileSync(new URL('../corpus/text/115_azores-sao-miguel.txt', import.meta.url), 'utf8')
    const closing = (result: ReturnType<typeof clean>) => result.blocks.find((block) => block.text.startsWith('Completely. São Miguel'))
    expect(closing(clean(dump, {input: 'text'}))?.probability).toBeLessThan(0.99)
    expect(closing(clean(dump, {input: 'text', classifiers: {'block-model': {unstructuredMinKeptThreshold: 0.99}}}))?.kept).toBe(true)
  })

  it('asks `outsideContentMinKeptThreshold` of a short line the hand-set rules keep below or above all the page’s likely content, not of a dump’s closing prose, a guessed product’s lines above it or an untitled dump’s headline', () => {
    const labels = ['Partner news', 'Teaser network']
    // Two short lines a widget leaves at the end of the article's container, which context keeps beside its last paragraph: the stored threshold keeps both (the articles' default of 0.4 removes the one the model doubts more).
    const page = articlePage().replace('</article>', `${labels.map((label) => `<p>${label}</p>`).join('')}</article>`)
    // The articles' raised threshold for any line the hand-set rules keep on HTML is left out, to see this one alone.
    const alone = {unstructuredMinKeptThreshold: 0}
    const read = (outsideContentMinKeptThreshold?: number) => clean(page, {input: 'html', classifiers: {'block-model': outsideContentMinKeptThreshold === undefined ? alone : {...alone, outsideContentMinKeptThreshold}}})
    const plain = read(0)
    const [partner, teaser] = labels.map((label) => plain.blocks.find((block) => block.text === label))
    expect(partner?.kept && teaser?.kept).toBe(true)
    const between = Math.min(partner?.probability ?? 0, teaser?.probability ?? 0) + 0.001
    expect(between).toBeLessThan(Math.max(partner?.probability ?? 0, teaser?.probability ?? 0))
    const raised = read(between)
    expect(labels.filter((label) => raised.blocks.find((block) => block.text === label)?.kept)).toHaveLength(1)
    for (const text of prose) expect(raised.blocks.find((block) => block.text === text)?.kept).toBe(true)
    // A dump's closing paragraph after a packing list, which the model is less sure of than of the raised threshold, is prose: the threshold leaves it alone.
    const dump = readFileSync(new URL('../corpus/text/115_azores-sao-miguel.txt', import.meta.url), 'utf8')
    const closing = (result: ReturnType<typeof clean>) => result.blocks.find((block) => block.text.startsWith('Completely. São Miguel'))
    const doubted = closing(clean(dump, {input: 'text'}))
    expect(doubted?.kept).toBe(true)
    expect(doubted?.probability).toBeLessThan(0.99)
    expect(closing(clean(dump, {input: 'text', classifiers: {'block-model': {outsideContentMinKeptThreshold: 0.99}}}))?.kept).toBe(true)
    // On HTML a line above the article's first paragraph is outside its content too.
    const above = articlePage().replace('</h1>', '</h1><p>Partner news</p>')
    const strict = (html: string) => clean(html, {input: 'html', classifiers: {'block-model': {...alone, outsideContentMinKeptThreshold: 0.99}}})
    expect(clean(above, {input: 'html', classifiers: {'block-model': alone}}).blocks.find((block) => block.text === 'Partner news')?.kept).toBe(true)
    expect(strict(above).blocks.find((block) => block.text === 'Partner news')?.kept).toBe(false)
    for (const text of prose) expect(strict(above).blocks.find((block) => block.text === text)?.kept).toBe(true)
    // So is a dump's line above its first likely block, when the page-type model had no doubt it is an article: even its headline, under the stored 0.4, would go at 0.99.
    const strictDump = (name: string) =>
      clean(readFileSync(new URL(`../corpus/text/${name}.txt`, import.meta.url), 'utf8'), {input: 'text', classifiers: {'block-model': {outsideContentMinKeptThreshold: 0.99}}})
    const headline = 'Школьный учитель построил обсерваторию'
    expect(clean(readFileSync(new URL('../corpus/text/131_ru-uchitel-astronomii-observatoriya.txt', import.meta.url), 'utf8'), {input: 'text'}).blocks.find((block) => block.text.startsWith(headline))?.kept).toBe(true)
    expect(strictDump('131_ru-uchitel-astronomii-observatoriya').blocks.find((block) => block.text.startsWith(headline))?.kept).toBe(false)
    // Not a product's section heading above its description, on a dump guessed to be a product, nor a docs page's heading right above its first paragraph on a dump with no title found.
    expect(strictDump('133_product-ashgrove-kettle').blocks.find((block) => block.text === 'Description')?.kept).toBe(true)
    expect(strictDump('134_docs-tallyhook-webhooks').blocks.find((block) => block.text === 'Receiving webhooks')?.kept).toBe(true)
  })

  it('caps a removed block’s threshold on a text dump the page-type model guessed might not be an article (`guessedMaxRemovedThreshold`), and only there', () => {
    const read = (name: string, guessedMaxRemovedThreshold?: number) =>
      clean(readFileSync(new URL(`../corpus/text/${name}.txt`, import.meta.url), 'utf8'), {input: 'text', classifiers: {'block-model': guessedMaxRemovedThreshold === undefined ? {} : {guessedMaxRemovedThreshold}}})
    // A science section's front page, which the model takes for an article but guesses might be a listing.
    const listing = read('105_science-category-page')
    expect(listing.pageType?.type).toBe('article')
    expect(listing.pageType?.alternative?.confidence).toBeGreaterThanOrEqual(0.3)
    const newsletter = 'Get our free Science & Environment newsletter'
    const probability = listing.blocks.find((block) => block.text === newsletter)?.probability ?? 1
    expect(listing.blocks.find((block) => block.text === newsletter)?.kept).toBe(false)
    expect(read('105_science-category-page', probability - 0.001).blocks.find((block) => block.text === newsletter)?.kept).toBe(true)
    // An article the model is sure of keeps its stored threshold.
    const article = read('100_halvard-tern-chip-delay')
    expect(article.pageType?.alternative?.confidence).toBeLessThan(0.3)
    expect(read('100_halvard-tern-chip-delay', 0).text).toBe(article.text)
  })

  it('leaves the phrase rules’ removals final', () => {
    const result = clean(articlePage(), {input: 'html', model: true})
    const skip = result.blocks.find((block) => block.text === 'Skip to main content')
    expect(skip?.kept).toBe(false)
    expect(skip?.ruleId).toBe('skip-link')
    expect(skip?.probability).toBeUndefined()
  })

  it('decides text dumps too', () => {
    const dump = `Skip to main content\n${menu.join('\n')}\n\nCouncil extends the library pilot\n\n${prose.join('\n\n')}\n\nAbout us | Privacy | Contact\n`
    const result = clean(dump, {input: 'text', model: true})
    for (const text of prose) expect(result.text).toContain(text)
    expect(result.blocks.some((block) => block.probability !== undefined)).toBe(true)
  })

  it('leaves the title and blocks without words to the hand-set rules', () => {
    const dump = `${menu.join('\n')}\n\nCouncil extends the library pilot\n\n${prose[0]}\n\n* * *\n\n${prose.slice(1).join('\n\n')}\n`
    const result = clean(dump, {input: 'text', model: true})
    for (const text of ['Council extends the library pilot', '* * *']) {
      const block = result.blocks.find((candidate) => candidate.text === text)
      expect(block?.probability).toBeUndefined()
      expect(block?.ruleId).not.toBe('block-model')
    }
  })

  it('decides text dumps and HTML pages by default', () => {
    const dump = `${menu.join('\n')}\n\nCouncil extends the library pilot\n\n${prose.join('\n\n')}\n`
    expect(clean(dump, {input: 'text'}).blocks.some((block) => block.probability !== undefined)).toBe(true)
    expect(clean(articlePage(), {input: 'html'}).blocks.some((block) => block.probability !== undefined)).toBe(true)
  })

  it('leaves a caption the markup names to its removal', () => {
    const page = `<html><body><article><h1>Council extends the library pilot</h1><p>${prose[0]}</p><figure><img src="a.jpg" alt=""><figcaption>The reading room on Tuesday, with the new shelves along the north wall of the old hall.</figcaption></figure><p>${prose[1]}</p><p>${prose[2]}</p></article></body></html>`
    const caption = clean(page, {input: 'html'}).blocks.find((block) => block.text.startsWith('The reading room'))
    expect(caption?.kept).toBe(false)
    expect(caption?.probability).toBeUndefined()
  })

  it('keeps a heading the hand-set rules keep between blocks it keeps, and not above one it removes nor above the first it keeps', () => {
    const dump = `${menu.join('\n')}\n\nCouncil extends the library pilot\n\nLibrary desk\n\n${prose[0]}\n\nVerdict\n${prose[1]}\n\n${prose[2]}\n\nShare on Facebook\n`
    const probability = (text: string, result = clean(dump, {input: 'text'})) => result.blocks.find((block) => block.text === text)?.probability as number
    const heading = probability('Verdict')
    const below = probability(prose[1] as string)
    // The model is surer of the paragraph than of its heading: between the two, only the paragraph passes on its own.
    expect(heading).toBeLessThan(below)
    const between = clean(dump, {input: 'text', classifiers: {'block-model': {minProbability: (heading + below) / 2}}})
    const verdict = between.blocks.find((block) => block.text === 'Verdict')
    expect(verdict?.kept).toBe(true)
    expect(verdict?.reason).toContain('a heading between blocks it keeps')
    // The line under the headline has no block the model keeps above it: the model alone decides it, and removes it.
    expect(between.blocks.find((block) => block.text === 'Library desk')?.kept).toBe(false)
    // Set as an article: a page that keeps almost nothing is otherwise cleaned again as its likeliest other type.
    const above = clean(dump, {input: 'text', pageType: 'article', classifiers: {'block-model': {minProbability: Math.min(0.99, below + 0.01)}}})
    expect(above.blocks.find((block) => block.text === 'Verdict')?.kept).toBe(false)
  })

  it('stays out of a page on which no rule found furniture: the hand-set rules keep it whole when it has no prose', () => {
    const result = clean('Test Case 1\n\nTest Case 2\n\nTest Case 3\n', {input: 'text'})
    expect(result.text).toBe('Test Case 1\n\nTest Case 2\n\nTest Case 3\n')
    expect(result.blocks.every((block) => block.probability === undefined)).toBe(true)
  })

  it('stays out with `model: false`: the hand-set pipeline decides', () => {
    const dump = `${menu.join('\n')}\n\nCouncil extends the library pilot\n\n${prose.join('\n\n')}\n`
    for (const result of [clean(articlePage(), {input: 'html', model: false}), clean(dump, {input: 'text', model: false})]) {
      expect(result.messages.some((message) => message.ruleId === 'block-model')).toBe(false)
      expect(result.blocks.every((block) => block.probability === undefined)).toBe(true)
    }
  })

  it('takes `model` as true or false only', () => {
    expect(validateOptions({model: true})).toEqual({model: true})
    expect(() => validateOptions({model: 'yes'})).toThrow(DechaffConfigError)
    expect(validateOptions({classifiers: {'block-model': {minProbability: 0.6}}})).toBeTruthy()
  })
})

describe('stored block model', () => {
  const stored = JSON.parse(readFileSync(new URL('../src/data/block-model.json', import.meta.url), 'utf8')) as BlockModel
  const names = blockFeatures.map((feature) => feature.name)

  it('is kept by a refit of the other input when fitted on today’s features or the first of them, not on others', () => {
    expect(readsFeaturesInPlace(stored)).toBe(true)
    expect(readsFeaturesInPlace({...stored, features: names.slice(0, -3)})).toBe(true)
    expect(readsFeaturesInPlace({...stored, features: [...names, 'a-feature-of-tomorrow']})).toBe(false)
    expect(readsFeaturesInPlace({...stored, features: [names[1] as string, names[0] as string, ...names.slice(2)]})).toBe(false)
    expect(readsFeaturesInPlace({...stored, contextFeatures: stored.contextFeatures.slice(1)})).toBe(false)
  })
})

describe('boosted trees', () => {
  /** Rows of two features where content is "many words and few links": neither feature alone decides it. */
  function examples(count: number): {rows: Float32Array; labels: Uint8Array; weights: Float32Array} {
    const rows = new Float32Array(count * 2)
    const labels = new Uint8Array(count)
    for (let index = 0; index < count; index++) {
      const words = (index * 7919) % 100
      const links = ((index * 104729) % 100) / 100
      rows[index * 2] = words
      rows[index * 2 + 1] = links
      labels[index] = words > 30 && links < 0.5 ? 1 : 0
    }
    return {rows, labels, weights: new Float32Array(count).fill(1)}
  }
  const options = {trees: 30, depth: 3, learningRate: 0.3, lambda: 1, minChildWeight: 1, rowShare: 0.8, bins: 16, seed: 3}

  it('learns an interaction of two features that no single threshold separates', () => {
    const model = fitTrees([examples(2000)], 2, options)
    expect(scoreTrees(model, [80, 0.1], 2).probability).toBeGreaterThan(0.9)
    expect(scoreTrees(model, [80, 0.9], 2).probability).toBeLessThan(0.1)
    expect(scoreTrees(model, [5, 0.1], 2).probability).toBeLessThan(0.1)
  })

  it('splits each feature’s contribution out of the log-odds: base, roots and contributions add up', () => {
    const model = fitTrees([examples(2000)], 2, options)
    const {probability, contributions} = scoreTrees(model, [80, 0.9], 2)
    const roots = model.trees.reduce((sum, tree) => sum + (tree.value[0] as number), model.base)
    const logOdds = Math.log(probability / (1 - probability))
    expect(roots + (contributions[0] as number) + (contributions[1] as number)).toBeCloseTo(logOdds, 6)
    // Many links is what keeps this row out.
    expect(contributions[1]).toBeLessThan(0)
  })

  it('walks a stored tree whatever order its nodes are listed in', () => {
    // The root's right child is listed before its left subtree, and the leaves after their parent's sibling.
    const tree = {feature: [0, -1, 1, -1, -1], threshold: [10, 0, 0.5, 0, 0], left: [2, -1, 3, -1, -1], right: [1, -1, 4, -1, -1], value: [0, 2, -1, -3, 1]}
    const model = {base: 0.5, trees: [tree]}
    const logOdds = (row: number[]): number => {
      const {probability} = scoreTrees(model, row, 2)
      return Math.log(probability / (1 - probability))
    }
    expect(logOdds([20, 0.2])).toBeCloseTo(2.5, 9)
    expect(logOdds([5, 0.2])).toBeCloseTo(-2.5, 9)
    expect(logOdds([5, 0.9])).toBeCloseTo(1.5, 9)
    expect([...scoreTrees(model, [5, 0.2], 2).contributions]).toEqual([-1, -2])
  })

  it('fits the same trees for the same seed', () => {
    expect(JSON.stringify(fitTrees([examples(500)], 2, options))).toBe(JSON.stringify(fitTrees([examples(500)], 2, options)))
  })
})
