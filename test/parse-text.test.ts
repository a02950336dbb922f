import {describe, expect, it} from 'vitest'
import {compileText, parseText} from '../src/index.js'

describe('parse-text', () => {
  /** A paragraph hard-wrapped at 72 characters. */
  const wrapped = [
    'Quillmark 3.2 is out today. This release brings faster exports, a',
    'rewritten spell checker and better support for right-to-left text, along',
    'with the usual round of small fixes reported by users on the list.'
  ].join('\n')

  it('makes a block per line and records blank lines before it', () => {
    const tree = parseText('Title\n\n\nFirst line.\nSecond line.')
    const blocks = tree.children.map((node) => node.data?.block)
    expect(blocks.map((block) => [block?.text, block?.evidence.blankLinesBefore])).toEqual([
      ['Title', 0],
      ['First line.', 2],
      ['Second line.', 0]
    ])
  })

  it.each([
    ['+ Added Slime Block', true],
    ['• Two eggs', true],
    ['3) Stir well', true],
    ['+44 20 7946 0958', false],
    ['A plain sentence.', false]
  ])('reads %j as a list item: %s', (line, listMarker) => {
    expect(parseText(line).children[0]?.data?.block.features.listMarker).toBe(listMarker)
  })

  it('keeps a hard-wrapped paragraph as one block', () => {
    const tree = parseText(`Release notes\n\n${wrapped}\n`)
    expect(tree.children.map((node) => node.data?.block?.evidence.kind)).toEqual(['line', 'paragraph'])
    expect(tree.children[1]?.data?.block?.text).toBe(wrapped)
  })

  it('joins two lines only at a width the page wraps its longer paragraphs at', () => {
    const short = 'Upgrading keeps your settings, your dictionaries and the keyboard\nshortcuts you set up in the previous release.'
    const headline = 'Does wedding rice really make birds explode when they eat it?\nby Matt Soniak - August 8, 2012 - 10:10 PM'
    const kinds = (dump: string) => parseText(dump).children.map((node) => node.data?.block?.evidence.kind)
    expect(kinds(`${wrapped}\n\n${short}\n`)).toEqual(['paragraph', 'paragraph'])
    expect(kinds(`${short}\n`)).toEqual(['line', 'line'])
    expect(kinds(`${headline}\n\nThe story goes that rice swells in a bird's stomach.\n`)).toEqual(['line', 'line', 'line'])
  })

  it('does not join a list of headlines of similar length', () => {
    const tree = parseText('Xiaomi patents full-screen fingerprint technology for phones\nMaking sense of the confusing new Redmi Note 11 range\n')
    expect(tree.children).toHaveLength(2)
  })

  it('gives sentences and words page positions', () => {
    const tree = parseText('Intro line\n  Second line here.')
    const second = tree.children[1]
    expect(second?.position?.start).toEqual({line: 2, column: 3, offset: 13})
    const sentence = second?.children[0]
    expect(sentence?.type).toBe('SentenceNode')
    expect(sentence?.position?.start.offset).toBe(13)
  })

  it('leaves words and sentences unplaced when asked, the blocks still placed and read the same', () => {
    const dump = 'Intro line\n  Second line here. And a second sentence, for the parser.'
    const placed = parseText(dump)
    const unplaced = parseText(dump, undefined, undefined, false)
    const second = unplaced.children[1]
    expect(second?.position?.start).toEqual({line: 2, column: 3, offset: 13})
    const sentence = second?.children[0]
    expect(sentence?.type).toBe('SentenceNode')
    expect(sentence?.position).toBeUndefined()
    expect(sentence?.type === 'SentenceNode' ? sentence.children[0]?.position : 'no sentence').toBeUndefined()
    expect(unplaced.children.map((node) => node.data?.block)).toEqual(placed.children.map((node) => node.data?.block))
  })

  it('compiles kept blocks with the separators of the page', () => {
    const tree = parseText('A\nB\n\nC\nD')
    const keep = [true, false, false, true]
    tree.children.forEach((node, index) => {
      const block = node.data?.block
      if (block) block.verdict = {keep: keep[index] as boolean, ruleId: 'test', reason: 'test', score: 1}
    })
    expect(compileText(tree)).toBe('A\n\nD\n')
  })
})
