import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {DechaffConfigError, validateOptions} from '../src/index.js'

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

describe('classifier options', () => {
  /** Options the pipeline sets itself, from the cleaning options (`model`, `pageType`, `url`). */
  const setByPipeline = new Set(['block-model.inputs', 'page-type.pageType', 'page-type.url'])

  it('every option a classifier documents in its options interface is one `validateOptions` accepts by name', async () => {
    const unknown: string[] = []
    for (const file of await readdir('src/classifiers')) {
      const source = await readFile(path.join('src/classifiers', file), 'utf8')
      const body = /export interface \w+Options \{([\s\S]*?)\n\}/u.exec(source)?.[1]
      if (!body) continue
      const name = file.replace(/\.ts$/u, '')
      for (const [, key] of body.matchAll(/^ {2}(\w+)\?:/gmu)) {
        if (setByPipeline.has(`${name}.${key}`)) continue
        try {
          validateOptions({classifiers: {[name]: {[key as string]: 1}}} as never)
        } catch (error) {
          if (error instanceof DechaffConfigError && error.message.includes('unknown key')) unknown.push(`${name}.${key}`)
        }
      }
    }
    expect(unknown).toEqual([])
  })
})
