import {mkdtemp, readFile, writeFile, mkdir, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {gzipSync} from 'node:zlib'
import {beforeEach, describe, expect, it} from 'vitest'
import {createTaskRunner} from '../src/batch/task.js'
import {warmUpPages} from '../src/batch/warm-up.js'
import {prose} from './helpers.js'
import {dechaff} from './run-cli.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dechaff-batch-'))
})
const at = (...parts: string[]): string => path.join(root, ...parts)
const lines = (text: string): Array<Record<string, unknown>> => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)

const textPage = (n: number): string => ['Skip to main content', `Story ${n}`, ...prose, 'Leave a Reply'].join('\n')
const htmlPage = (n: number): string => `<html><body><nav><a href="/">Home</a></nav><article><h1>Story ${n}</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

/** A WARC record with a correct Content-Length. */
function warcRecord(type: string, uri: string, body: string, contentType: string): string {
  const block = type === 'response' ? `HTTP/1.1 200 OK\r\nContent-Type: ${contentType}\r\n\r\n${body}` : body
  const headers = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${uri.replace(/\W/g, '')}-${type}>`,
    `WARC-Target-URI: ${uri}`,
    'WARC-Date: 2024-03-01T10:00:00Z',
    `Content-Type: ${type === 'response' ? 'application/http; msgtype=response' : contentType}`,
    `Content-Length: ${Buffer.byteLength(block)}`
  ]
  return `${headers.join('\r\n')}\r\n\r\n${block}\r\n\r\n`
}

describe('batch inputs and outputs', () => {
  it('carries JSON Lines fields through, in input order with --ordered, with removals and times', async () => {
    const records = Array.from({length: 12}, (_, n) => JSON.stringify(n % 2 ? {id: `p${n}`, html: htmlPage(n), lang: 'en'} : {id: `p${n}`, text: textPage(n), lang: 'en'}))
    await writeFile(at('in.jsonl'), `${records.join('\n')}\n`)
    const {stdout, code} = await dechaff(['clean', at('in.jsonl'), '--ordered', '--jobs', '2', '--quiet'])
    expect(code).toBe(0)
    const out = lines(stdout)
    expect(out.map((record) => record.id)).toEqual(records.map((_, n) => `p${n}`))
    expect(out[0]).toMatchObject({id: 'p0', lang: 'en', removed: [{rule: 'skip-link', chars: 20}, {rule: 'comment-form', chars: 13}]})
    expect(out[1]?.text).toBe(`Story 1\n\n${prose.join('\n\n')}\n`)
    expect(out[1]?.metadata).toEqual({title: 'Story 1', language: 'en', pageType: 'article'})
    expect(out[1]?.language).toBe('en')
    expect(typeof out[0]?.ms).toBe('number')
  })

  it('reads gzipped WARC: response records as HTML, conversion (WET) records as text, keeping URI and date', async () => {
    const warc = warcRecord('response', 'http://example.com/a', htmlPage(1), 'text/html; charset=utf-8') + warcRecord('conversion', 'http://example.com/b', textPage(2), 'text/plain') + warcRecord('response', 'http://example.com/logo.png', 'PNG', 'image/png')
    await writeFile(at('crawl.warc.gz'), gzipSync(warc))
    const {stdout} = await dechaff(['clean', at('crawl.warc.gz'), '--ordered', '--quiet'])
    const out = lines(stdout)
    expect(out.map((record) => [record.uri, record.date])).toEqual([
      ['http://example.com/a', '2024-03-01T10:00:00Z'],
      ['http://example.com/b', '2024-03-01T10:00:00Z']
    ])
    expect(out[0]?.text).toContain('Story 1')
    expect(out[1]?.text).toBe(['Story 2', ...prose].join('\n') + '\n')
  })

  it('writes markdown and json formats into a mirrored folder', async () => {
    await mkdir(at('in', 'a'), {recursive: true})
    await writeFile(at('in', 'a', 'b.html'), htmlPage(3))
    await writeFile(at('in', 'c.txt'), textPage(4))
    await dechaff(['clean', at('in'), '--out', at('md'), '--format', 'markdown', '--quiet'])
    expect(await readFile(at('md', 'a', 'b.md'), 'utf8')).toMatch(/^# Story 3\n\nThe council voted/)
    await dechaff(['clean', at('in'), '--out', at('json'), '--format', 'json', '--quiet'])
    const json = JSON.parse(await readFile(at('json', 'c.json'), 'utf8'))
    expect(json).toMatchObject({input: 'text'})
    expect(json.blocks[0]).toMatchObject({text: 'Skip to main content', kept: false, ruleId: 'skip-link'})
  })

  it('keeps input order with --ordered when many records finish at once; with --no-timings each run gives the same bytes', async () => {
    const records = Array.from({length: 800}, (_, n) => JSON.stringify(n % 3 ? {id: `p${n}`, text: textPage(n)} : {id: `p${n}`, html: htmlPage(n)}))
    await writeFile(at('many.jsonl'), `${records.join('\n')}\n`)
    // To a file, written asynchronously: a pipe to stdout is written synchronously and would not show an interleaving.
    const run = async (output: string): Promise<string> => {
      await dechaff(['clean', at('many.jsonl'), '--output', at(output), '--ordered', '--no-timings', '--jobs', '2', '--quiet'])
      return readFile(at(output), 'utf8')
    }
    const [first, second] = [await run('first.jsonl'), await run('second.jsonl')]
    expect(lines(first).map((record) => record.id)).toEqual(records.map((_, n) => `p${n}`))
    expect(lines(first).some((record) => 'ms' in record)).toBe(false)
    expect(second).toBe(first)
  })

  it('honours include and exclude globs', async () => {
    await writeFile(at('keep.txt'), textPage(5))
    await writeFile(at('skip.txt'), textPage(6))
    await dechaff(['clean', root, '--out', at('out'), '--exclude', 'skip*', '--quiet'])
    expect(await readdir(at('out'))).toEqual(['keep.txt'])
  })
})

describe('never losing a record', () => {
  it('gives every record exactly one output or one error line', async () => {
    const records = ['{"id":"ok","text":"' + prose[0] + '"}', 'not json', '{"id":"no-text"}', '{"id":"huge","text":"' + 'x'.repeat(3000) + '"}']
    await writeFile(at('in.jsonl'), records.join('\n'))
    const {stdout, code} = await dechaff(['clean', at('in.jsonl'), '--errors', at('errors.jsonl'), '--max-bytes', '2000', '--quiet'])
    expect(code).toBe(0)
    const errors = lines(await readFile(at('errors.jsonl'), 'utf8'))
    expect(lines(stdout).map((record) => record.id)).toEqual(['ok'])
    expect(errors.map((error) => error.id)).toEqual(['in.jsonl:2', 'no-text', 'huge'])
    expect(String(errors[2]?.reason)).toContain('over the 2000-byte limit')
  })

  it('gives a WARC record or a page file over --max-bytes an error line before reading it, and cleans the records around it', async () => {
    const huge = `<html><body>${'<p>filler</p>'.repeat(400)}</body></html>`
    const warc = warcRecord('response', 'http://example.com/a', htmlPage(1), 'text/html') + warcRecord('response', 'http://example.com/huge', huge, 'text/html') + warcRecord('conversion', 'http://example.com/b', textPage(2), 'text/plain')
    await writeFile(at('crawl.warc'), warc)
    const {stdout} = await dechaff(['clean', at('crawl.warc'), '--errors', at('errors.jsonl'), '--max-bytes', '4000', '--ordered', '--quiet'])
    expect(lines(stdout).map((record) => record.uri)).toEqual(['http://example.com/a', 'http://example.com/b'])
    const [error] = lines(await readFile(at('errors.jsonl'), 'utf8'))
    expect(error?.id).toBe('<urn:uuid:httpexamplecomhuge-response>')
    expect(String(error?.reason)).toBe(`record is ${Buffer.byteLength(huge)} bytes, over the 4000-byte limit (--max-bytes)`)

    await mkdir(at('pages'))
    await writeFile(at('pages', 'small.html'), htmlPage(3))
    await writeFile(at('pages', 'huge.html'), huge)
    await dechaff(['clean', at('pages'), '--out', at('out'), '--errors', at('page-errors.jsonl'), '--max-bytes', '4000', '--quiet'])
    expect(await readdir(at('out'))).toEqual(['small.txt'])
    expect(String(lines(await readFile(at('page-errors.jsonl'), 'utf8'))[0]?.reason)).toBe(`page is ${Buffer.byteLength(huge)} bytes, over the 4000-byte limit (--max-bytes)`)
  })

  it('replaces a worker stopped on a runaway page, records that page as an error and goes on', async () => {
    const records = [
      {id: 'before', text: textPage(1)},
      {id: 'runaway', text: 'word '.repeat(1_500_000)},
      {id: 'after', text: textPage(2)}
    ].map((record) => JSON.stringify(record))
    await writeFile(at('in.jsonl'), records.join('\n'))
    const {stdout} = await dechaff(['clean', at('in.jsonl'), '--jobs', '1', '--timeout-ms', '500', '--errors', at('errors.jsonl'), '--ordered', '--quiet'])
    expect(lines(stdout).map((record) => record.id)).toEqual(['before', 'after'])
    const errors = lines(await readFile(at('errors.jsonl'), 'utf8'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({id: 'runaway'})
    expect(String(errors[0]?.reason)).toMatch(/worker stopped|took longer than 500 ms/)
  })

  it('resumes a killed run without duplicates or gaps', async () => {
    const records = Array.from({length: 30}, (_, n) => JSON.stringify({id: `r${n}`, text: textPage(n)}))
    await writeFile(at('in.jsonl'), records.join('\n'))
    await dechaff(['clean', at('in.jsonl'), '--output', at('out.jsonl'), '--quiet', '--ordered'])
    const full = await readFile(at('out.jsonl'), 'utf8')
    // A run killed part-way: ten whole records and half of the eleventh.
    const kept = full.split('\n').slice(0, 10).join('\n') + '\n'
    await writeFile(at('out.jsonl'), kept + full.split('\n')[10]?.slice(0, 40))
    const {code} = await dechaff(['clean', at('in.jsonl'), '--output', at('out.jsonl'), '--resume', '--quiet'])
    expect(code).toBe(0)
    const ids = lines(await readFile(at('out.jsonl'), 'utf8')).map((record) => record.id)
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
  })

  it('resumes folder output by skipping pages already written', async () => {
    await mkdir(at('in'))
    for (let n = 0; n < 4; n++) await writeFile(at('in', `${n}.txt`), textPage(n))
    await dechaff(['clean', at('in'), '--out', at('out'), '--quiet'])
    const {stderr} = await dechaff(['clean', at('in'), '--out', at('out'), '--resume'])
    expect(stderr).toContain('0 pages cleaned, 4 skipped')
  })
})

describe('worker start-up', () => {
  it('warms a worker up before the clock of its first page starts', async () => {
    const worker = new Worker(path.resolve('dist/batch/worker.js'), {workerData: {options: {}, format: 'text'}})
    const messages: Array<Record<string, unknown>> = []
    try {
      // Sent at once, as a pool that did not wait would: the page must still queue behind the warm-up.
      worker.postMessage({task: 0, id: 'first', input: htmlPage(1)})
      await new Promise<void>((resolve, reject) => {
        worker.on('error', reject)
        worker.on('message', (message: Record<string, unknown>) => {
          messages.push(message)
          if ('ok' in message) resolve()
        })
      })
    } finally {
      await worker.terminate()
    }
    expect(messages.map((message) => Object.keys(message).filter((key) => ['ready', 'started', 'ok'].includes(key)))).toEqual([['ready'], ['started'], ['ok']])
    expect(messages[2]).toMatchObject({task: 0, ok: true})
  })

  it('warms up on built-in pages that go through every stage and clean without error', () => {
    const runTask = createTaskRunner({}, 'text')
    for (const [kind, input] of Object.entries(warmUpPages)) {
      const reply = runTask({task: 0, id: kind, input})
      expect(reply).toMatchObject({ok: true})
      expect(reply.ok && reply.removed.length).toBeGreaterThan(0)
    }
  })
})
