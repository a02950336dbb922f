import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

/** Every module under src/ and the relative modules it imports, as paths under src/. */
async function importGraph(): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>()
  const files = (await readdir('src', {recursive: true})).filter((file) => file.endsWith('.ts')).map((file) => file.split(path.sep).join('/'))
  for (const file of files) {
    const source = await readFile(path.join('src', file), 'utf8')
    const targets = [...source.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gmu)].map((match) =>
      path.posix.join(path.posix.dirname(file), (match[1] as string).replace(/\.js$/u, '.ts'))
    )
    graph.set(file, targets)
  }
  return graph
}

const graph = await importGraph()
const layer = (file: string): string => (file.includes('/') ? (file.split('/')[0] as string) : 'core')
const edges = [...graph].flatMap(([file, targets]) => targets.map((target) => [file, target] as const))

describe('module arrows point one way', () => {
  it('classifiers import neither a parser nor another classifier', () => {
    const wrong = edges.filter(([file, target]) => layer(file) === 'classifiers' && (layer(target) === 'parse' || layer(target) === 'classifiers'))
    expect(wrong).toEqual([])
  })

  it('the core, parsers, classifiers and compilers import nothing of cli, batch, queue, check or bench', () => {
    const pure = new Set(['core', 'parse', 'classifiers', 'compile'])
    const wrong = edges.filter(([file, target]) => pure.has(layer(file)) && file !== 'index.ts' && ['cli', 'batch', 'queue', 'check', 'bench'].includes(layer(target)))
    expect(wrong).toEqual([])
  })

  it('the queue sits on the batch runner: nothing but the CLI and the package entry imports it', () => {
    const wrong = edges.filter(([file, target]) => layer(target) === 'queue' && layer(file) !== 'queue' && layer(file) !== 'cli' && file !== 'index.ts')
    expect(wrong).toEqual([])
    expect(edges.some(([file, target]) => layer(file) === 'queue' && layer(target) === 'batch')).toBe(true)
  })

  it('compilers read the block tree, not a parser', () => {
    expect(edges.filter(([file, target]) => layer(file) === 'compile' && layer(target) === 'parse')).toEqual([])
  })

  it('sees the modules it checks', () => {
    expect(graph.has('classifiers/dom-hints.ts') && graph.has('parse/html.ts') && graph.has('compile/markdown.ts') && graph.has('queue/worker.ts')).toBe(true)
  })
})
