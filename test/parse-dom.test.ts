import {readdir, readFile} from 'node:fs/promises'
import {JSDOM} from 'jsdom'
import {describe, expect, it} from 'vitest'
import {clean, cleanDocument} from '../src/index.js'

const pages = (await readdir('corpus/html')).filter((file) => file.endsWith('.html')).sort()

describe('DOM documents and the jsdom parser', () => {
  it.each(pages)('cleanDocument() on a jsdom document of %s gives what clean() gives on its HTML', async (file) => {
    const html = await readFile(`corpus/html/${file}`, 'utf8')
    const expected = clean(html, {input: 'html'})
    const fromDocument = cleanDocument(new JSDOM(html).window.document)
    expect(fromDocument.text).toBe(expected.text)
    expect(fromDocument.blocks.map((block) => [block.text, block.kept, block.ruleId])).toEqual(expected.blocks.map((block) => [block.text, block.kept, block.ruleId]))
  })

  it.each(pages)('parser: jsdom gives the same blocks as parse5 on %s', async (file) => {
    const html = await readFile(`corpus/html/${file}`, 'utf8')
    const viaJsdom = clean(html, {input: 'html', parser: 'jsdom'})
    expect(viaJsdom.blocks).toEqual(clean(html, {input: 'html'}).blocks)
  })

  it('reads JSON-LD from a document’s own scripts and leaves the document as it was', () => {
    const html = '<html><head><title>T</title><script type="application/ld+json">{"articleBody": "x"}</script></head><body><h1>T</h1><p>Some text here.</p></body></html>'
    const document = new JSDOM(html).window.document
    const before = document.documentElement.outerHTML
    expect(cleanDocument(document, {format: 'markdown'}).output).toBe('# T\n\nSome text here.\n')
    expect(document.documentElement.outerHTML).toBe(before)
  })
})
