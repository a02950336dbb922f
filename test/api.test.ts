import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import * as api from '../src/index.js'
import type {Root} from '../src/index.js'
import {sharedProcessor} from '../src/clean.js'
import {prose} from './helpers.js'

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "DechaffConfigError",
        "DechaffInputError",
        "DechaffTimeoutError",
        "Lexicon",
        "blockFeatureValues",
        "blockFeatures",
        "blocksOf",
        "checkCorpus",
        "classifierList",
        "classifierNames",
        "classifierPlugins",
        "classifyPage",
        "clean",
        "cleanDocument",
        "compileHtml",
        "compileMarkdown",
        "compileText",
        "contextFeatureValues",
        "contextFeatures",
        "createBlockNode",
        "createCleaner",
        "createProcessor",
        "createQueue",
        "dechaffArticleContainer",
        "dechaffAuthorBio",
        "dechaffBlockModel",
        "dechaffCaption",
        "dechaffCommentThread",
        "dechaffCompileHtml",
        "dechaffCompileMarkdown",
        "dechaffCompileText",
        "dechaffConsentDialog",
        "dechaffDomHints",
        "dechaffForumChrome",
        "dechaffKeep",
        "dechaffMainRegion",
        "dechaffMetadata",
        "dechaffNavigation",
        "dechaffPageMetadata",
        "dechaffPageType",
        "dechaffParseHtml",
        "dechaffParseText",
        "dechaffPhrases",
        "dechaffProductDescription",
        "dechaffQuality",
        "dechaffQuotedPosts",
        "dechaffRepeatedCopy",
        "dechaffRepeatedItems",
        "dechaffRepeatedRecords",
        "dechaffRepetition",
        "dechaffSettle",
        "dechaffSiteHeader",
        "dechaffTrailingStories",
        "decodeHtml",
        "detectInput",
        "detectLanguage",
        "furnitureLexicon",
        "furnitureLexiconFor",
        "headlineOf",
        "isRemoved",
        "languageProfile",
        "markRemoved",
        "normalise",
        "pageFeatureValues",
        "pageFeatures",
        "pageMetadata",
        "pageTypes",
        "paragraphDiff",
        "parseHtml",
        "parseText",
        "scoreBlocks",
        "scoresOf",
        "startWorker",
        "textLength",
        "tokenOverlap",
        "tokenize",
        "validateOptions",
      ]
    `)
  })

  it('exports every classifier as its own plugin, named for what it removes, the same plugin the pipeline runs', () => {
    const exported = api as unknown as Record<string, unknown>
    const pluginName = (name: string): string => `dechaff${name.replace(/(?:^|-)(\w)/gu, (_, letter: string) => letter.toUpperCase())}`
    expect(api.classifierNames.filter((name) => exported[pluginName(name)] !== api.classifierPlugins[name])).toEqual([])
  })

  it('types the page metadata of a result and says where each field came from', () => {
    const result = api.clean('<html lang="en"><head><meta name="author" content="Ann Lee"></head><body><h1>Harbour</h1></body></html>')
    const metadata: api.PageMetadata = result.metadata
    const sources: api.MetadataSources = result.metadataSources
    const field: api.MetadataField = 'author'
    expect(metadata[field]).toEqual(['Ann Lee'])
    expect(sources).toEqual({language: 'html lang', title: 'title block 0', author: 'meta author', pageType: 'page-type classifier'})
  })

  it('composes with a classifier of the user’s own, in unified', () => {
    function removeShouting() {
      return (tree: Root) => {
        for (const node of api.blocksOf(tree)) {
          const block = node.data.block
          if (block.text === block.text.toUpperCase()) api.markRemoved(block, {ruleId: 'shouting', reason: 'all capitals', score: 1})
        }
      }
    }
    const processor = unified()
      .use(api.dechaffParseText)
      .use(api.classifierList())
      .use(removeShouting)
      .use(api.dechaffSettle)
      .use(api.dechaffCompileText)
    const file = processor.processSync([prose[0], 'BUY NOW BEFORE IT IS GONE', prose[1]].join('\n'))
    expect(String(file)).toBe(`${prose[0]}\n${prose[1]}\n`)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['page-type', 'shouting'])
  })

  it('clean() takes extra plugins and classifier options', () => {
    const result = api.clean([prose[0], 'Leave a Reply', prose[1]].join('\n'), {classifiers: {phrases: false}})
    expect(result.blocks.find((block) => block.text === 'Leave a Reply')?.ruleId).not.toBe('comment-form')
  })
})

describe('clean() and cleanDocument() reuse their processors', () => {
  const page = [prose[0], 'Leave a Reply', prose[1]].join('\n')

  it('gives equal options, written afresh, the same processor, and other options or another kind of input another', () => {
    const markdown = sharedProcessor('text', {format: 'markdown', classifiers: {phrases: {minMatchedShare: 0.6}}})
    expect(sharedProcessor('text', {classifiers: {phrases: {minMatchedShare: 0.6}}, format: 'markdown'})).not.toBe(markdown)
    expect(sharedProcessor('text', {format: 'markdown', classifiers: {phrases: {minMatchedShare: 0.6}}})).toBe(markdown)
    expect(sharedProcessor('text', {format: 'markdown', classifiers: {phrases: {minMatchedShare: 0.7}}})).not.toBe(markdown)
    expect(sharedProcessor('text', {})).toBe(sharedProcessor('text', {}))
    expect(sharedProcessor('html', {})).not.toBe(sharedProcessor('text', {}))
  })

  it('makes a processor of their own for options JSON cannot compare', () => {
    const options = {classifiers: {phrases: {extraRules: {odd: {reason: 'odd', patterns: ['x']}}}}, keep: [] as string[]}
    expect(sharedProcessor('text', options)).toBe(sharedProcessor('text', structuredClone(options)))
    // JSON would write a class instance as its fields, as if it were a plain object.
    const withInstance = {classifiers: {phrases: {extraRules: new (class Rules {
      odd = {reason: 'odd', patterns: ['x']}
    })()}}}
    expect(sharedProcessor('text', withInstance)).not.toBe(sharedProcessor('text', withInstance))
  })

  it('cleans a page the same before and after other pages and options', () => {
    const first = api.clean(page)
    api.clean('<html><body><p>Another page entirely.</p></body></html>')
    api.clean(page, {classifiers: {phrases: false}})
    const again = api.clean(page)
    expect(again.text).toBe(first.text)
    expect(again.blocks).toEqual(first.blocks)
    expect(again.messages.map(String)).toEqual(first.messages.map(String))
  })
})
