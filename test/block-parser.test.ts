import {ParseEnglish} from 'parse-english'
import type {Node, Point} from 'unist'
import {describe, expect, it} from 'vitest'
import {BlockParser} from '../src/block-parser.js'

/** parse-english's own tree of the text, its points moved to start at `start`. */
function referenceTree(text: string, start: Point): Node {
  const tree = new ParseEnglish().parse(text)
  const moved = new Set<Point>()
  const move = (point: Point): void => {
    if (moved.has(point)) return
    moved.add(point)
    if (point.line === 1) point.column += start.column - 1
    point.line += start.line - 1
    point.offset = (point.offset ?? 0) + (start.offset ?? 0)
  }
  const walk = (node: Node & {children?: Node[]}): void => {
    if (node.position) {
      move(node.position.start)
      move(node.position.end)
    }
    for (const child of node.children ?? []) walk(child)
  }
  walk(tree)
  return tree
}

describe('block parser', () => {
  it.each([
    'Plain words and a full stop.',
    'Mr. Smith went to Washington. He came back!!! Did he?',
    'Runs of punctuation ... and symbols ©© ®, emoji 😀😀 and a lone \uD800 surrogate',
    'Line one\r\nline two\rline three\n\n\nline six',
    'Tabs\tand\u00A0no-break\u3000spaces, \u2028separators',
    'Кириллица и 中文。还有标点，符号！',
    'e.g. U.S.-based w/ 2.5% of $10 & co. @user #tag',
    ''
  ])('gives the tree parse-english gives for %j, placed at the block', (text) => {
    const start = {line: 4, column: 7, offset: 120}
    expect(new BlockParser(start).parse(text)).toEqual(referenceTree(text, start))
  })
})
